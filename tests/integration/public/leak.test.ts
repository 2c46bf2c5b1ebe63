import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { createTestDatabase, testTarget } from '../support/test-db';
import {
  addCase,
  correctCase,
  createIssue,
  createStaff,
  markedContent,
  publishIssue,
  refusedCorrection,
  reviseCase,
  reviseIssue,
  scheduleIssueAt,
  unpublishIssue,
} from './content';
import { crawlPublicSite, type Outcome } from './crawl';

// The public site must not show anything unpublished, through any route. Content is put in every
// state a case or issue can reach through the newsroom's own services, each with its own marker;
// then every public route is visited (pages, their metadata, search with the markers as queries,
// feed, sitemap, robots, JSON API).

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const PUBLISHED = ['mkpubone', 'mkpubtwo', 'mkpubthree', 'mkpubissue', 'mkpubnote'];
const UNPUBLISHED = [
  'mkdraft',
  'mkreview',
  'mkchanges',
  'mkapproved',
  'mkloose',
  'mkissuedraft',
  'mkwithdrawn',
  'mkscheduled',
  'mknewrevision',
  'mkapprovedrevision',
  'mkissueedit',
  // 更正说明 that must never reach readers: refused (bad note, or a revision not approved) and withdrawn.
  'mknoterefused',
  'mknotedraft',
  'mknotewithdrawn',
];

describe(`public site leak test (${testTarget})`, () => {
  let pages: Map<string, Outcome>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    const { db } = holder.database;
    const staff = await createStaff(db);

    // Published as 第九期, then renumbered and published again: 9 stays as a redirect to 1.
    const published = await createIssue(db, staff, 9, '公开的一期 mkpubissue', '编者按 mkpubissue');
    ids.mkpubone = await addCase(db, staff, markedContent('mkpubone'), published, 'approved');
    ids.mkpubtwo = await addCase(db, staff, markedContent('mkpubtwo', { regions: ['320614'] }), published, 'approved');
    ids.mkpubthree = await addCase(db, staff, markedContent('mkpubthree'), published, 'approved');
    await publishIssue(db, staff, published);
    await reviseIssue(db, staff, published, { number: 1 });
    await publishIssue(db, staff, published);
    // A correction published with its 更正说明: the note is public with the corrected text.
    await correctCase(db, staff, ids.mkpubone, markedContent('mkpubone', { lead: '更正后补充的导语。' }), '更正说明 mkpubnote：补充了导语。');
    // After publication, not published again: a working draft of one case, an approved new revision
    // of another, and a new theme and foreword for the issue.
    await reviseCase(db, staff, ids.mkpubtwo, markedContent('mknewrevision'));
    await reviseCase(db, staff, ids.mkpubthree, markedContent('mkapprovedrevision'), 'approved');
    // Notes for those two that are refused: a draft cannot be published, nor a note with a control
    // character or past the length limit. None of them may be kept anywhere the public can see.
    await refusedCorrection(db, staff, ids.mkpubtwo, '更正说明 mknotedraft');
    await refusedCorrection(db, staff, ids.mkpubthree, '更正说明 mknoterefused\u0007');
    await refusedCorrection(db, staff, ids.mkpubthree, `更正说明 mknoterefused ${'很长'.repeat(120)}`);
    await reviseIssue(db, staff, published, { title: '改过的主题 mkissueedit', foreword: '改过的编者按 mkissueedit' });

    const draftIssue = await createIssue(db, staff, 2, '未发布的一期 mkissuedraft', '编者按 mkissuedraft');
    ids.mkdraft = await addCase(db, staff, markedContent('mkdraft', { regions: ['440300'] }), draftIssue, 'draft');
    ids.mkreview = await addCase(db, staff, markedContent('mkreview', { regions: ['440300'] }), draftIssue, 'in_review');
    ids.mkchanges = await addCase(db, staff, markedContent('mkchanges', { regions: ['440300'] }), draftIssue, 'changes_requested');
    ids.mkapproved = await addCase(db, staff, markedContent('mkapproved', { regions: ['440300'] }), draftIssue, 'approved');
    ids.mkloose = await addCase(db, staff, markedContent('mkloose', { regions: ['440300'] }), null, 'approved');

    // Published as 第八期, renumbered to 第三期 and published again, then withdrawn: the old number's
    // redirect still exists but leads to nothing public.
    const withdrawn = await createIssue(db, staff, 8, '撤回的一期 mkwithdrawn');
    ids.mkwithdrawn = await addCase(db, staff, markedContent('mkwithdrawn', { regions: ['440300'] }), withdrawn, 'approved');
    await publishIssue(db, staff, withdrawn);
    // Its correction was public while it was; withdrawn with the issue, it must go with it.
    await correctCase(db, staff, ids.mkwithdrawn, markedContent('mkwithdrawn', { regions: ['440300'], lead: '更正后的导语。' }), '更正说明 mknotewithdrawn');
    await reviseIssue(db, staff, withdrawn, { number: 3 });
    await publishIssue(db, staff, withdrawn);
    await unpublishIssue(db, staff, withdrawn);

    const scheduled = await createIssue(db, staff, 4, '定时发布的一期 mkscheduled');
    ids.mkscheduled = await addCase(db, staff, markedContent('mkscheduled', { regions: ['440300'] }), scheduled, 'approved');
    await scheduleIssueAt(db, staff, scheduled, new Date(Date.now() + 24 * 3600_000));

    pages = await crawlPublicSite({ issueNumbers: [1, 2, 3, 4, 8, 9], caseIds: Object.values(ids), queries: [...PUBLISHED, ...UNPUBLISHED, '住房公积金'] });
  });
  afterAll(async () => {
    await holder.database?.close();
  });

  const everything = () =>
    [...pages.entries()]
      .map(([url, o]) => `${url}\n${o.status === 200 ? o.text : ''}`)
      .join('\n');
  // A search page repeats its own query (in the box, the title): that echo is not a leak, so it is
  // removed; what the search finds is checked separately below.
  const bodies = () =>
    [...pages.entries()]
      .map(([url, o]) => {
        if (o.status !== 200) return '';
        const q = /[?&]q=([^&]*?)(?: \(metadata\))?$/u.exec(url)?.[1];
        return q ? o.text.split(q).join('') : o.text;
      })
      .join('\n');

  it('visits every kind of public route', () => {
    expect(pages.size).toBeGreaterThan(100);
    for (const url of ['/', '/regions', '/themes', '/feed.xml', '/sitemap.xml', '/robots.txt', '/api/public/issues']) expect(pages.get(url)?.status).toBe(200);
  });

  it.each(UNPUBLISHED)('never shows the unpublished marker %s anywhere', (marker) => {
    const text = bodies();
    expect(text.includes(marker), `"${marker}" leaked`).toBe(false);
  });

  it.each(PUBLISHED)('shows the published marker %s', (marker) => {
    expect(bodies().includes(marker)).toBe(true);
  });

  it('answers 404, not 403, for every unpublished case and issue, in pages, metadata and API alike', () => {
    for (const marker of ['mkdraft', 'mkreview', 'mkchanges', 'mkapproved', 'mkloose', 'mkwithdrawn', 'mkscheduled']) {
      const id = ids[marker]!;
      expect(pages.get(`/cases/${id}`)?.status, marker).toBe(404);
      expect(pages.get(`/cases/${id} (metadata)`)?.status, marker).toBe(404);
      expect(pages.get(`/api/public/cases/${id}`)?.status, marker).toBe(404);
    }
    for (const n of [2, 3, 4, 8]) {
      expect(pages.get(`/issues/${n}`)?.status).toBe(404);
      expect(pages.get(`/api/public/issues/${n}`)?.status).toBe(404);
    }
  });

  it('keeps showing the published revision while a newer one is edited or approved but not yet published', () => {
    for (const marker of ['mkpubtwo', 'mkpubthree']) {
      const page = pages.get(`/cases/${ids[marker]}`);
      expect(page?.status, marker).toBe(200);
      expect(page?.status === 200 && page.text.includes(marker), marker).toBe(true);
    }
  });

  it('shows the 更正说明 of a corrected case, dated, on its page and in its API', () => {
    const page = pages.get(`/cases/${ids.mkpubone}`);
    expect(page?.status === 200 && page.text.includes('更正说明 mkpubnote')).toBe(true);
    expect(page?.status === 200 && page.text.includes('更正：')).toBe(true);
    const api = pages.get(`/api/public/cases/${ids.mkpubone}`);
    const corrections = api?.status === 200 ? (JSON.parse(api.text) as { corrections: { note: string; date: string }[] }).corrections : [];
    expect(corrections.map((c) => c.note)).toEqual(['更正说明 mkpubnote：补充了导语。']);
    expect(corrections[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });

  it('keeps showing the published theme of an issue whose edit is not published yet', () => {
    const page = pages.get('/issues/1');
    expect(page?.status === 200 && page.text.includes('公开的一期 mkpubissue')).toBe(true);
  });

  it('redirects an old issue number permanently to the published issue, and only to a published one', () => {
    expect(pages.get('/issues/9')).toEqual({ status: 308, location: '/issues/1' });
    expect(pages.get('/api/public/issues/9')).toMatchObject({ status: 308 });
  });

  it('finds published cases by their markers and nothing by unpublished ones', () => {
    for (const m of PUBLISHED.slice(0, 3)) {
      const res = pages.get(`/api/public/search?q=${m}`);
      expect(res?.status === 200 && (JSON.parse(res.text) as { total: number }).total).toBe(1);
    }
    for (const m of UNPUBLISHED) {
      const res = pages.get(`/api/public/search?q=${m}`);
      expect(res?.status === 200 && (JSON.parse(res.text) as { total: number }).total, m).toBe(0);
      const page = pages.get(`/search?q=${m}`);
      expect(page?.status === 200 && page.text.includes('没有找到相符的案例'), m).toBe(true);
    }
    // A query that every marked case matches finds exactly the published ones.
    const all = pages.get('/api/public/search?q=住房公积金');
    const titles = all?.status === 200 ? (JSON.parse(all.text) as { hits: { title: string }[] }).hits.map((h) => h.title.split(' ')[0]) : [];
    expect(titles.sort()).toEqual(['mkpubone', 'mkpubthree', 'mkpubtwo']);
    expect(everything().length).toBeGreaterThan(0);
  });
});
