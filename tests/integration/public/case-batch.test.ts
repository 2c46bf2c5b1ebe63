import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { publishedPdfs } from '@/db/schema';
import type { Logger } from '@/lib/log';
import type { CasePageData } from '@/lib/public/case-page-data';
import { getAllCases, getCasePage } from '@/lib/public/read-model';
import { rankRelatedCases } from '@/lib/public/related';
import { refreshPdfEditions } from '@/lib/services/pdf-editions';
import { CASE_BATCH_LIMIT } from '@/lib/static/site-manifest';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, correctCase, createIssue, createStaff, markedContent, publishIssue } from './content';
import { PUBLISHED_CASES, UNPUBLISHED, UNPUBLISHED_CASES } from './leak-markers';
import { seedLeakStates } from './leak-states';

// The JSON API's batch (GET /api/public/cases?ids=…), from which the static snapshot writes its case
// files: each entry must be byte for byte what the case's own address answers (更正说明 and PDF
// edition included, a stale PDF left out alike), in the order asked, and an id that address would
// answer 404 for is only named under `missing`, never shown. Run against the leak test's states.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;

interface Batch {
  cases: { id: number; pdf: unknown; corrections: { note: string }[] }[];
  missing: number[];
}

async function batch(query: string): Promise<{ status: number; headers: Headers; text: string }> {
  const route = await import('@/app/api/public/cases/route');
  const res = await route.GET(new Request(`http://test/api/public/cases${query}`));
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The case pages' data, from which the static snapshot renders its case pages (GET /api/public/case-pages?ids=…). */
async function casePages(query: string): Promise<{ status: number; text: string }> {
  const route = await import('@/app/api/public/case-pages/route');
  const res = await route.GET(new Request(`http://test/api/public/case-pages${query}`));
  return { status: res.status, text: await res.text() };
}

async function single(id: number): Promise<{ status: number; headers: Headers; text: string }> {
  const route = await import('@/app/api/public/cases/[id]/route');
  const res = await route.GET(new Request(`http://test/api/public/cases/${id}`), { params: Promise.resolve({ id: String(id) }) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A 400 with a message in Chinese and nothing else: no case text of any kind. */
function expectRefused(res: { status: number; text: string }): void {
  expect(res.status).toBe(400);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(body.error).toBe('bad_request');
  expect(body.message).toMatch(/[\u4e00-\u9fff]{4}/u);
  for (const marker of [...PUBLISHED_CASES, ...UNPUBLISHED]) expect(res.text.includes(marker), marker).toBe(false);
}

describe(`JSON API batch of cases (${testTarget})`, () => {
  let ids: Record<string, number>;
  let twice: number;
  let stale: number;
  const db = () => holder.database!.db;
  const published = () => [...PUBLISHED_CASES.map((m) => ids[m]!), twice, stale];
  const unpublished = () => UNPUBLISHED_CASES.map((m) => ids[m]!);

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    ids = await seedLeakStates(db());
    // A case corrected twice (two 更正说明, oldest first), the second time after its issue's PDFs
    // were made: they are still stored, the other case's too, but no longer show the issue as it is.
    const staff = await createStaff(db());
    const issue = await createIssue(db(), staff, 6, '第六期的主题');
    twice = await addCase(db(), staff, markedContent('mktwice', { regions: ['320614'] }), issue, 'approved');
    stale = await addCase(db(), staff, markedContent('mkstale', { regions: ['440300'] }), issue, 'approved');
    await publishIssue(db(), staff, issue);
    await correctCase(db(), staff, twice, markedContent('mktwice', { regions: ['320614'], lead: '第一次更正后的导语。' }), '更正说明 mktwicefirst：补充了导语。');
    const run = await refreshPdfEditions(db(), silent);
    expect(run.failed).toEqual([]);
    await correctCase(db(), staff, twice, markedContent('mktwice', { regions: ['320614'], lead: '第二次更正后的导语。' }), '更正说明 mktwicesecond：改正了导语。');
  }, 180_000);
  afterAll(async () => {
    await holder.database?.close();
  });

  it('answers each case exactly as its own address does: the same bytes, in the order asked', async () => {
    const asked = [stale, ids.mkpubone!, twice, ids.mkpubthree!, ids.mkpubtwo!];
    const res = await batch(`?ids=${asked.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/u);
    for (const name of ['access-control-allow-origin', 'x-content-type-options']) expect(res.headers.get(name), name).toBe((await single(asked[0]!)).headers.get(name));
    const body = JSON.parse(res.text) as Batch;
    expect(body.cases.map((c) => c.id)).toEqual(asked);
    expect(body.missing).toEqual([]);
    for (const [i, id] of asked.entries()) {
      const own = await single(id);
      expect(own.status).toBe(200);
      expect(JSON.stringify(body.cases[i]), `case ${id}`).toBe(own.text);
    }
  });

  it('carries the 更正说明 and the current PDF edition, and leaves out a PDF made before the issue changed', async () => {
    const body = JSON.parse((await batch(`?ids=${ids.mkpubone},${twice},${stale}`)).text) as Batch;
    const [corrected, correctedTwice, withStalePdf] = body.cases;
    // The fixtures are what the test says they are: a current edition, two notes, a stored stale edition.
    expect(corrected!.pdf).toMatchObject({ url: expect.stringMatching(new RegExp(`/cases/${ids.mkpubone}/edition\\.pdf$`, 'u')) });
    expect(corrected!.corrections).toHaveLength(1);
    expect(correctedTwice!.corrections.map((c) => c.note)).toEqual(['更正说明 mktwicefirst：补充了导语。', '更正说明 mktwicesecond：改正了导语。']);
    expect((await db().select({ id: publishedPdfs.id }).from(publishedPdfs).where(eq(publishedPdfs.caseId, stale))).length).toBe(1);
    expect(withStalePdf!.pdf).toBeNull();
    expect(correctedTwice!.pdf).toBeNull();
    expect((JSON.parse((await single(stale)).text) as { pdf: unknown }).pdf).toBeNull();
  });

  it('lists every id its own address answers 404 for under `missing`, and shows nothing of them', async () => {
    const unknown = 987654321;
    const asked = [unpublished()[0]!, ...published(), ...unpublished().slice(1), unknown];
    const res = await batch(`?ids=${asked.join(',')}`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as Batch;
    expect(body.cases.map((c) => c.id)).toEqual(published());
    expect(body.missing).toEqual([...unpublished(), unknown]);
    for (const id of body.missing) expect((await single(id)).status, `case ${id}`).toBe(404);
    for (const marker of UNPUBLISHED) expect(res.text.includes(marker), `"${marker}" leaked`).toBe(false);
    for (const marker of PUBLISHED_CASES) expect(res.text).toContain(marker);
  });

  it('answers each id once, however often it is asked for, in the order of its first mention', async () => {
    const res = await batch(`?ids=${twice},${ids.mkpubone},${twice},${ids.mkdraft},${ids.mkpubone},${ids.mkdraft}`);
    const body = JSON.parse(res.text) as Batch;
    expect(body.cases.map((c) => c.id)).toEqual([twice, ids.mkpubone]);
    expect(body.missing).toEqual([ids.mkdraft]);
  });

  it(`takes up to ${CASE_BATCH_LIMIT} ids in one request`, async () => {
    const asked = [...published(), ...Array.from({ length: CASE_BATCH_LIMIT - published().length }, (_, i) => 900_000 + i)];
    const res = await batch(`?ids=${asked.join(',')}`);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as Batch).cases.map((c) => c.id)).toEqual(published());
  });

  const tooMany = () => [...published(), ...Array.from({ length: CASE_BATCH_LIMIT + 1 - published().length }, (_, i) => 900_000 + i)].join(',');
  it.each([
    ['more than the limit', () => `?ids=${tooMany()}`],
    ['no ids parameter', () => ''],
    ['an empty ids parameter', () => '?ids='],
    ['only spaces', () => '?ids=%20%20'],
    ['a word', () => '?ids=abc'],
    ['zero', () => '?ids=0'],
    ['a negative id', () => `?ids=-${ids.mkpubone}`],
    ['an empty item', () => `?ids=${ids.mkpubone},,${ids.mkpubtwo}`],
    ['a published id beside a bad one', () => `?ids=${ids.mkpubone},${ids.mkpubtwo}x`],
  ])('refuses %s with 400 and a message in Chinese, and nothing else', async (_, query) => {
    expectRefused(await batch(query()));
  });

  // The case pages' data: what the snapshot draws each case page from must be what that page reads.
  describe('case pages (GET /api/public/case-pages)', () => {
    it('answers each page exactly as the case page reads it: its issue’s cases in order and the 相关案例 it shows', async () => {
      const asked = [ids.mkpubthree!, twice, ids.mkpubone!, stale, ids.mkpubtwo!];
      const res = await casePages(`?ids=${asked.join(',')}`);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as { pages: CasePageData[]; missing: number[] };
      expect(body.pages.map((p) => p.case.caseId)).toEqual(asked);
      expect(body.missing).toEqual([]);
      const issueOne = [ids.mkpubone!, ids.mkpubtwo!, ids.mkpubthree!];
      const all = await getAllCases();
      for (const [i, id] of asked.entries()) {
        const page = body.pages[i]!;
        expect(page.siblings.map((s) => s.caseId), `case ${id}`).toEqual(issueOne.includes(id) ? issueOne : [twice, stale]);
        // The page's own rule over every published case: sharing 住房保障, each has the others.
        expect(page.related.map((s) => s.caseId), `case ${id}`).toEqual(rankRelatedCases(page.case, all).map((s) => s.caseId));
        expect(page.related.length, `case ${id}`).toBeGreaterThan(0);
        expect(JSON.stringify(page), `case ${id}`).toBe(JSON.stringify(await getCasePage(id)));
      }
      expect(body.pages[1]!.corrections.map((k) => k.note)).toEqual(['更正说明 mktwicefirst：补充了导语。', '更正说明 mktwicesecond：改正了导语。']);
      for (const marker of PUBLISHED_CASES) expect(res.text).toContain(marker);
      for (const marker of UNPUBLISHED) expect(res.text.includes(marker), `"${marker}" leaked`).toBe(false);
    });

    it('lists unpublished and unknown ids under `missing` and shows nothing of them', async () => {
      const unknown = 987654321;
      const asked = [unpublished()[0]!, ...published(), ...unpublished().slice(1), unknown];
      const res = await casePages(`?ids=${asked.join(',')}`);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as { pages: CasePageData[]; missing: number[] };
      expect(body.pages.map((p) => p.case.caseId)).toEqual(published());
      expect(body.missing).toEqual([...unpublished(), unknown]);
      for (const id of body.missing) expect(await getCasePage(id), `case ${id}`).toBeNull();
      // Not in a page, nor among a published page's issue cases or 相关案例.
      for (const marker of UNPUBLISHED) expect(res.text.includes(marker), `"${marker}" leaked`).toBe(false);
      const onlyDrafts = await casePages(`?ids=${unpublished().join(',')}`);
      expect(JSON.parse(onlyDrafts.text)).toEqual({ pages: [], missing: unpublished() });
      for (const marker of UNPUBLISHED) expect(onlyDrafts.text.includes(marker), `"${marker}" leaked`).toBe(false);
    });

    it.each([
      ['no ids parameter', () => ''],
      ['an empty ids parameter', () => '?ids='],
      ['more than the limit', () => `?ids=${tooMany()}`],
      ['a word', () => '?ids=abc'],
      ['zero', () => '?ids=0'],
      ['an empty item', () => `?ids=${ids.mkpubone},,${ids.mkpubtwo}`],
      ['a draft beside a bad id', () => `?ids=${ids.mkdraft},abc`],
    ])('refuses %s with 400 and a message in Chinese, and nothing else', async (_, query) => {
      expectRefused(await casePages(query()));
    });
  });
});
