import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { issueNumberRedirects } from '@/db/schema';
import { createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, markedContent, publishIssue, reviseCase, unpublishIssue } from './content';
import { crawlPublicSite, type Outcome } from './crawl';

// The public site must not show anything unpublished, through any route. Content is put in every
// state a case can be in, each with its own marker; then every public route is visited (pages,
// their metadata, search with the markers as queries, feed, sitemap, robots, JSON API).

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const PUBLISHED = ['mkpubone', 'mkpubtwo', 'mkpubissue'];
const UNPUBLISHED = ['mkdraft', 'mkreview', 'mkchanges', 'mkapproved', 'mkloose', 'mkissuedraft', 'mkwithdrawn', 'mknewrevision', 'mklatedraft'];

describe(`public site leak test (${testTarget})`, () => {
  let pages: Map<string, Outcome>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    const { db } = holder.database;
    const editor = await createActor(db, 'editor');

    const published = await createIssue(db, 1, '公开的一期 mkpubissue', '编者按 mkpubissue');
    ids.mkpubone = await addCase(db, editor.id, markedContent('mkpubone'), published, 1);
    ids.mkpubtwo = await addCase(db, editor.id, markedContent('mkpubtwo', { regions: ['320614'] }), published, 2);
    await publishIssue(db, published);
    // After publication: a new working revision of a published case, and a new draft in the issue.
    await reviseCase(db, ids.mkpubtwo, editor.id, markedContent('mknewrevision'));
    ids.mklatedraft = await addCase(db, editor.id, markedContent('mklatedraft', { regions: ['110119'] }), published, 3);

    const draftIssue = await createIssue(db, 2, '未发布的一期 mkissuedraft', '编者按 mkissuedraft');
    ids.mkdraft = await addCase(db, editor.id, markedContent('mkdraft', { regions: ['440300'] }), draftIssue, 1, 'draft');
    ids.mkreview = await addCase(db, editor.id, markedContent('mkreview', { regions: ['440300'] }), draftIssue, 2, 'in_review');
    ids.mkchanges = await addCase(db, editor.id, markedContent('mkchanges', { regions: ['440300'] }), draftIssue, 3, 'changes_requested');
    ids.mkapproved = await addCase(db, editor.id, markedContent('mkapproved', { regions: ['440300'] }), draftIssue, 4, 'approved');
    ids.mkloose = await addCase(db, editor.id, markedContent('mkloose', { regions: ['440300'] }), null, null, 'approved');

    const withdrawn = await createIssue(db, 3, '撤回的一期 mkwithdrawn');
    ids.mkwithdrawn = await addCase(db, editor.id, markedContent('mkwithdrawn', { regions: ['440300'] }), withdrawn, 1);
    await publishIssue(db, withdrawn);
    await unpublishIssue(db, withdrawn);

    // Old numbers: one now pointing at the published issue, one at an unpublished issue.
    await db.insert(issueNumberRedirects).values([
      { oldNumber: 9, issueId: published },
      { oldNumber: 8, issueId: draftIssue },
    ]);

    pages = await crawlPublicSite({ issueNumbers: [1, 2, 3, 8, 9], caseIds: Object.values(ids), queries: [...PUBLISHED, ...UNPUBLISHED, '住房公积金'] });
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
    for (const marker of ['mkdraft', 'mkreview', 'mkchanges', 'mkapproved', 'mkloose', 'mkwithdrawn', 'mklatedraft']) {
      const id = ids[marker]!;
      expect(pages.get(`/cases/${id}`)?.status, marker).toBe(404);
      expect(pages.get(`/cases/${id} (metadata)`)?.status, marker).toBe(404);
      expect(pages.get(`/api/public/cases/${id}`)?.status, marker).toBe(404);
    }
    for (const n of [2, 3, 8]) {
      expect(pages.get(`/issues/${n}`)?.status).toBe(404);
      expect(pages.get(`/api/public/issues/${n}`)?.status).toBe(404);
    }
  });

  it('keeps showing the published revision while a newer one is being edited', () => {
    const page = pages.get(`/cases/${ids.mkpubtwo}`);
    expect(page?.status).toBe(200);
    expect(page?.status === 200 && page.text.includes('mkpubtwo')).toBe(true);
  });

  it('redirects an old issue number permanently to the published issue, and only to a published one', () => {
    expect(pages.get('/issues/9')).toEqual({ status: 308, location: '/issues/1' });
    expect(pages.get('/api/public/issues/9')).toMatchObject({ status: 308 });
  });

  it('finds published cases by their markers and nothing by unpublished ones', () => {
    for (const m of PUBLISHED.slice(0, 2)) {
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
    expect(titles.sort()).toEqual(['mkpubone', 'mkpubtwo']);
    expect(everything().length).toBeGreaterThan(0);
  });
});
