// Reading the PDF editions back as a reader's tools do: pdftotext, pdffonts and pdfinfo from
// poppler-utils (.ci/run installs them), never our own code, so what the tests find is what a
// reader can select, search and copy.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publishedPdfs } from '@/db/schema';

function withFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-pdf-'));
  const file = path.join(dir, 'edition.pdf');
  try {
    fs.writeFileSync(file, bytes);
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the document (or of pages first..last), as pdftotext extracts it. */
export function pdfText(bytes: Uint8Array, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return withFile(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** The text with all white space removed: a title set on two lines still reads as one string. */
export const squeezed = (text: string) => text.replace(/\s+/gu, '');

export function pdfPageCount(bytes: Uint8Array): number {
  const info = withFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1]);
}

/** Each font of the document: its name, whether it is embedded and whether only a subset is. */
export function pdfFonts(bytes: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
  const out = withFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  // name, type (may contain spaces), encoding, emb, sub, uni, object ID: read from the right.
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/u);
      const [emb, sub] = cols.slice(-5, -3);
      return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** The stored PDF editions of an issue: the whole issue under null, each case under its id. */
export async function storedEditions(db: Db, issueId: number): Promise<Map<number | null, { id: number; bytes: Uint8Array; pages: number; size: number; fingerprint: string }>> {
  const rows = await db.select().from(publishedPdfs).where(eq(publishedPdfs.issueId, issueId));
  return new Map(rows.map((r) => [r.caseId, { id: r.id, bytes: new Uint8Array(r.bytes), pages: r.pages, size: r.size, fingerprint: r.fingerprint }]));
}

/** A string as it would be written raw in a PDF: as is, or as UTF-16BE (how PDF strings carry Chinese). */
export function rawForms(text: string): string[] {
  const utf16be = Buffer.from(text, 'utf16le').swap16().toString('latin1');
  return [text, utf16be];
}
