import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { createTestDatabase, testTarget } from '../support/test-db';
import { crawlPublicSite, type Outcome } from './crawl';
import { PUBLISHED, PUBLISHED_CASES, PUBLISHED_NOTE, UNPUBLISHED, UNPUBLISHED_CASES, UNPUBLISHED_ISSUE_NUMBERS } from './leak-markers';
import { seedLeakStates } from './leak-states';

// The public site must not show anything unpublished, through any route. Content is put in every
// state a case, an issue or a 更正说明 can reach through the newsroom's own services, each with its
// own marker (./leak-states.ts); then every public route is visited (pages, their metadata, search
// with the markers as queries, feed, sitemap, robots, JSON API).

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

describe(`public site leak test (${testTarget})`, () => {
  let pages: Map<string, Outcome>;
  let ids: Record<string, number>;

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    ids = await seedLeakStates(holder.database.db);
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
    for (const marker of UNPUBLISHED_CASES) {
      const id = ids[marker]!;
      expect(pages.get(`/cases/${id}`)?.status, marker).toBe(404);
      expect(pages.get(`/cases/${id} (metadata)`)?.status, marker).toBe(404);
      expect(pages.get(`/api/public/cases/${id}`)?.status, marker).toBe(404);
    }
    for (const n of UNPUBLISHED_ISSUE_NUMBERS) {
      expect(pages.get(`/issues/${n}`)?.status).toBe(404);
      expect(pages.get(`/api/public/issues/${n}`)?.status).toBe(404);
    }
  });

  it('gives a serial address (/issues/<year>/<n>) to every published issue and to no unpublished one', () => {
    const api = pages.get('/api/public/issues');
    const published = api?.status === 200 ? (JSON.parse(api.text) as { issues: { number: number; year: number; yearNumber: number }[] }).issues : [];
    expect(published.length).toBeGreaterThan(0);
    const serial = [...pages.entries()].filter(([url]) => /^\/issues\/\d{4}\/\d+$/u.test(url));
    const targets = serial.flatMap(([, o]) => (o.status === 308 ? [o.location] : []));
    expect(targets.sort()).toEqual(published.map((i) => `/issues/${i.number}`).sort());
    for (const n of UNPUBLISHED_ISSUE_NUMBERS) expect(targets).not.toContain(`/issues/${n}`);
    for (const [url, o] of serial) expect([308, 404], url).toContain(o.status);
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
    expect(corrections.map((c) => c.note)).toEqual([PUBLISHED_NOTE]);
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
    for (const m of PUBLISHED_CASES) {
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
    expect(titles.sort()).toEqual([...PUBLISHED_CASES].sort());
    expect(everything().length).toBeGreaterThan(0);
  });
});
