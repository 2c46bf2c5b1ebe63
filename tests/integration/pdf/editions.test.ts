import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { publishedCases, publishedIssues, publishedPdfs, type PublishedCase, type PublishedIssue } from '@/db/schema';
import { caseLabel } from '@/lib/content/numerals';
import { serialLabel } from '@/lib/content/serial';
import { paragraphsOf } from '@/lib/pdf/line-break';
import { bootstrapDemo } from '@/lib/services/demo';
import { refreshPdfEditions } from '@/lib/services/pdf-editions';
import type { Logger } from '@/lib/log';
import { createTestDatabase, testTarget } from '../support/test-db';
import { pdfFonts, pdfPageCount, pdfText, squeezed, storedEditions } from './poppler';

// The PDF editions of the demo content (the seed compilation, three issues, 25 cases), read back
// with poppler's tools: every case is in its issue's PDF and in its own, with its text, under the
// issue's serial label; the table of contents sends the reader to the right pages; the Chinese
// fonts are embedded as subsets.

const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;

/** The start of a case's text: its lead, else its first section. */
function sampleOf(c: PublishedCase): string {
  const first = paragraphsOf(c.lead)[0] ?? paragraphsOf(c.sections[0]?.body ?? '')[0] ?? '';
  return squeezed(first).slice(0, 30);
}

/** The table of contents as 典型做法之N → the page number printed beside it. */
function tocPages(bytes: Uint8Array, tocPage: number): Map<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-toc-'));
  try {
    const file = path.join(dir, 'issue.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(tocPage), '-l', String(tocPage + 1), file, '-'], { encoding: 'utf8' });
    const pages = new Map<string, number>();
    let label: string | null = null;
    for (const line of text.split('\n')) {
      label = /(典型做法之\d+)/u.exec(line)?.[1] ?? label;
      const number = /\s(\d+)\s*$/u.exec(line)?.[1];
      if (label && number && !line.includes('页')) {
        pages.set(label, Number(number));
        label = null;
      }
    }
    return pages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe(`PDF editions of the demo content (${testTarget})`, () => {
  let database: Database;
  let dataDir: string;
  let issues: PublishedIssue[];
  const casesOf = new Map<number, PublishedCase[]>();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-pdf-demo-'));
    await bootstrapDemo(database.db, { dataDir, log: () => {} });
    const run = await refreshPdfEditions(database.db, silent);
    expect(run.failed).toEqual([]);
    issues = await database.db.select().from(publishedIssues).orderBy(asc(publishedIssues.number));
    for (const issue of issues) {
      casesOf.set(issue.issueId, await database.db.select().from(publishedCases).where(eq(publishedCases.issueId, issue.issueId)).orderBy(asc(publishedCases.position)));
    }
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const labelOf = (i: PublishedIssue) => serialLabel({ year: i.year, yearNumber: i.yearNumber, number: i.number });

  it('makes one PDF of each published issue and one of each of its cases, and says how many pages each has', async () => {
    expect(issues).toHaveLength(3);
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(publishedPdfs);
    expect(n).toBe(3 + 25);
    for (const issue of issues) {
      const stored = await storedEditions(database.db, issue.issueId);
      expect([...stored.keys()].sort()).toEqual([null, ...casesOf.get(issue.issueId)!.map((c) => c.caseId)].sort());
      for (const file of stored.values()) {
        expect(file.size).toBe(file.bytes.byteLength);
        expect(file.pages).toBe(pdfPageCount(file.bytes));
        expect(Buffer.from(file.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      }
    }
  });

  it('prints the serial label, the theme, every case title and each case’s own text in the issue’s PDF', async () => {
    for (const issue of issues) {
      const text = squeezed(pdfText((await storedEditions(database.db, issue.issueId)).get(null)!.bytes));
      expect(text).toContain(squeezed(labelOf(issue)));
      expect(text).toContain(squeezed(issue.title));
      for (const c of casesOf.get(issue.issueId)!) {
        expect(text, c.title).toContain(squeezed(c.title));
        expect(text, c.title).toContain(sampleOf(c));
        expect(text).toContain(caseLabel(c.position));
      }
      // The colophon closes it.
      expect(text).toContain(squeezed(`期号：${labelOf(issue)}`));
    }
  });

  it('lists every case in the table of contents with the page it starts on', async () => {
    for (const issue of issues) {
      const { bytes, pages } = (await storedEditions(database.db, issue.issueId)).get(null)!;
      const tocPage = [1, 2, 3].find((p) => pdfText(bytes, { first: p, last: p }).includes('目录'))!;
      expect(tocPage).toBeGreaterThan(1);
      const toc = tocPages(bytes, tocPage);
      const cases = casesOf.get(issue.issueId)!;
      expect([...toc.keys()]).toEqual(cases.map((c) => caseLabel(c.position)));
      let previous = tocPage;
      for (const c of cases) {
        const page = toc.get(caseLabel(c.position))!;
        expect(page).toBeGreaterThan(previous);
        expect(page).toBeLessThan(pages);
        // The page it names is where the case begins: its label and title at the top.
        const onPage = squeezed(pdfText(bytes, { first: page, last: page }));
        expect(onPage, `${c.title} on page ${page}`).toContain(squeezed(`${caseLabel(c.position)}${c.title}`));
        previous = page;
      }
    }
  });

  it('makes each case’s own PDF with its title, text and where it was published', async () => {
    for (const issue of issues) {
      const stored = await storedEditions(database.db, issue.issueId);
      for (const c of casesOf.get(issue.issueId)!) {
        const text = squeezed(pdfText(stored.get(c.caseId)!.bytes));
        expect(text).toContain(squeezed(c.title));
        expect(text).toContain(sampleOf(c));
        expect(text).toContain(squeezed(`${labelOf(issue)}·${caseLabel(c.position)}`));
        // Another case of the issue is not in it.
        const other = casesOf.get(issue.issueId)!.find((o) => o.caseId !== c.caseId)!;
        expect(text).not.toContain(squeezed(other.title));
      }
    }
  });

  it('embeds its Chinese fonts, and only the glyphs it uses', async () => {
    for (const issue of issues) {
      for (const file of (await storedEditions(database.db, issue.issueId)).values()) {
        const fonts = pdfFonts(file.bytes);
        expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/u, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
        for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      }
      // A subset: the whole issue is a fraction of the 15 MB font files.
      expect((await storedEditions(database.db, issue.issueId)).get(null)!.size).toBeLessThan(1_500_000);
    }
  });

  it('makes nothing again while the published content stays the same', async () => {
    const before = await database.db.select({ id: publishedPdfs.id }).from(publishedPdfs).orderBy(asc(publishedPdfs.id));
    const run = await refreshPdfEditions(database.db, silent);
    expect(run).toEqual({ made: [], failed: [] });
    expect(await database.db.select({ id: publishedPdfs.id }).from(publishedPdfs).orderBy(asc(publishedPdfs.id))).toEqual(before);
  });
});
