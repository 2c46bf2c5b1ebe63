import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { publishedPdfs } from '@/db/schema';
import type { Logger } from '@/lib/log';
import { refreshPdfEditions } from '@/lib/services/pdf-editions';
import { PUBLISHED_CASES, PUBLISHED_NOTE, UNPUBLISHED } from '../public/leak-markers';
import { seedLeakStates } from '../public/leak-states';
import { createTestDatabase, testTarget } from '../support/test-db';
import { pdfText, rawForms, squeezed } from './poppler';

// The PDF editions are made from the published read model alone, so they cannot carry unpublished
// text. Proved against the public leak test's states (drafts, cases in review, approved but not
// published, withdrawn and scheduled issues, new revisions of published cases, refused and
// withdrawn 更正说明, unpublished edits of an issue), each with its own marker: every marker of
// what is published is in the PDFs, none of the others is, in the text or anywhere in the file.

const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;

describe(`PDF editions and unpublished text (${testTarget})`, () => {
  let database: Database;
  let ids: Record<string, number>;
  let files: { caseId: number | null; text: string; raw: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    ids = await seedLeakStates(database.db);
    const run = await refreshPdfEditions(database.db, silent);
    expect(run.failed).toEqual([]);
    const rows = await database.db.select().from(publishedPdfs);
    files = rows.map((r) => ({ caseId: r.caseId, text: pdfText(new Uint8Array(r.bytes)), raw: Buffer.from(r.bytes).toString('latin1') }));
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it('makes editions of the published issue only: the whole issue and each of its cases', () => {
    expect(files.map((f) => f.caseId).sort()).toEqual([null, ...PUBLISHED_CASES.map((m) => ids[m]!)].sort());
  });

  it.each(UNPUBLISHED)('never carries the unpublished marker %s, in its text or its bytes', (marker) => {
    for (const file of files) {
      expect(file.text.includes(marker), `"${marker}" in the text of the edition of ${file.caseId ?? 'the issue'}`).toBe(false);
      for (const form of rawForms(marker)) expect(file.raw.includes(form), `"${marker}" in the bytes`).toBe(false);
    }
  });

  it('prints the published revision of each case, and the issue as published', () => {
    const whole = files.find((f) => f.caseId === null)!.text;
    expect(whole).toContain('公开的一期 mkpubissue');
    for (const marker of PUBLISHED_CASES) {
      expect(whole).toContain(marker);
      expect(files.find((f) => f.caseId === ids[marker])!.text).toContain(marker);
    }
  });

  it('prints the published 更正说明 with the corrected case, in its own PDF and the issue’s', () => {
    for (const file of [files.find((f) => f.caseId === null)!, files.find((f) => f.caseId === ids.mkpubone)!]) {
      expect(squeezed(file.text)).toContain(squeezed(PUBLISHED_NOTE));
      expect(file.text).toContain('更正说明');
    }
    expect(files.find((f) => f.caseId === ids.mkpubtwo)!.text).not.toContain('更正说明');
  });
});
