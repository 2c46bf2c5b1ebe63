import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { buildSiteManifest } from '@/lib/public/manifest';
import type { SiteManifest } from '@/lib/static/site-manifest';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, createStaff, markedContent, publishIssue, type Staff } from './content';
import { visit } from './crawl';

// The public lists that grow with the archive stay a size a reader (and the static snapshot) can
// take: the themes index shows each theme's newest few and links to the theme's own pages, which
// split its cases by path (/themes/<slug>, /themes/<slug>/2); 往期 names every issue but lists the
// cases of the newest few only.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const EDUCATION = '/themes/compulsory-education';
const HOUSING = '/themes/housing-security';
/** Zero-padded, so no marker is part of another. */
const edu = (n: number) => `mkedu${String(n).padStart(3, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
/** The 义务教育 cases newest first: issues 5, 4, 3, 2 with one each, then issue 1's 48 in their order. */
const NEWEST_FIRST = [52, 51, 50, 49, ...range(1, 48)].map(edu);

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

/** A page's HTML as the server sends it (the pages are async only at their top). */
async function html(run: () => unknown): Promise<string> {
  return renderToStaticMarkup((await run()) as ReactElement);
}

/** The markers in a page, in the order the page shows them. */
const markersIn = (text: string) => [...text.matchAll(/mkedu\d{3}/gu)].map((m) => m[0]);

describe(`theme pages and 往期 at scale (${testTarget})`, () => {
  let staff: Staff;
  const issueTitles: string[] = [];
  let manifest: SiteManifest;

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    const { db } = holder.database;
    staff = await createStaff(db);
    const first = await createIssue(db, staff, 1, '第一期 mkissue1');
    for (const n of range(1, 48)) await addCase(db, staff, markedContent(edu(n), { tags: ['义务教育'] }), first, 'approved');
    await publishIssue(db, staff, first);
    issueTitles.push('第一期 mkissue1');
    for (const number of [2, 3, 4, 5]) {
      const issue = await createIssue(db, staff, number, `第${number}期 mkissue${number}`);
      await addCase(db, staff, markedContent(edu(number + 47), { tags: ['义务教育'] }), issue, 'approved');
      if (number === 5) await addCase(db, staff, markedContent('mkhouse001', { tags: ['住房保障'] }), issue, 'approved');
      await publishIssue(db, staff, issue);
      issueTitles.push(`第${number}期 mkissue${number}`);
    }
    manifest = await buildSiteManifest(db);
  });
  afterAll(async () => {
    await holder.database?.close();
  });

  it('shows each theme on the index with its count and only its newest cases, and links to its page', async () => {
    const themes = await import('@/app/(site)/themes/page');
    const page = await html(() => themes.default());
    expect(page).toContain('义务教育（52）');
    expect(page).toContain('住房保障（1）');
    expect(markersIn(page)).toEqual(NEWEST_FIRST.slice(0, 6));
    expect(page).toMatch(new RegExp(`<a href="${EDUCATION}">查看全部52个案例`, 'u'));
    expect(page).toContain(`href="${HOUSING}"`);
  });

  it('splits a theme into pages of fifty, newest first, with canonical, prev/next and a pager', async () => {
    const first = await import('@/app/(site)/themes/[slug]/page');
    const paged = await import('@/app/(site)/themes/[slug]/[page]/page');
    const one = await html(() => first.default(params({ slug: 'compulsory-education' })));
    const two = await html(() => paged.default(params({ slug: 'compulsory-education', page: '2' })));
    expect(markersIn(one)).toEqual(NEWEST_FIRST.slice(0, 50));
    expect(markersIn(two)).toEqual(NEWEST_FIRST.slice(50));
    expect(one).toContain('共52个案例，新的在前；第1页，共2页。');
    expect(one).toContain(`<link rel="next" href="${EDUCATION}/2"/>`);
    expect(one).not.toContain('rel="prev"');
    expect(two).toContain(`<link rel="prev" href="${EDUCATION}"/>`);
    expect(two).not.toContain('rel="next"');
    expect(two).toMatch(new RegExp(`<a href="${EDUCATION}" rel="prev">`, 'u'));
    const meta = await paged.generateMetadata(params({ slug: 'compulsory-education', page: '2' }));
    expect(meta.alternates?.canonical).toBe(`${EDUCATION}/2`);
    expect(meta.title).toBe('主题：义务教育（第2页）');
  });

  it('answers 404 for a page past the last, page 1 under a second address, and an unknown theme', async () => {
    const first = await import('@/app/(site)/themes/[slug]/page');
    const paged = await import('@/app/(site)/themes/[slug]/[page]/page');
    for (const page of ['3', '1', '0', '02', 'x']) {
      expect((await visit(() => paged.default(params({ slug: 'compulsory-education', page })))).status, page).toBe(404);
    }
    expect((await visit(() => paged.default(params({ slug: 'housing-security', page: '2' })))).status).toBe(404);
    for (const slug of ['no-such-theme', '义务教育', 'Compulsory-Education']) {
      expect((await visit(() => first.default(params({ slug })))).status, slug).toBe(404);
      // The 404 page's own metadata: nothing names a theme or claims an address.
      const meta = await first.generateMetadata(params({ slug }));
      expect(meta.alternates?.canonical, slug).toBeUndefined();
      expect(String(meta.title), slug).not.toContain('主题');
    }
  });

  it('links the themes of a case page to the theme pages', async () => {
    const casePage = await import('@/app/(site)/cases/[id]/page');
    const [id] = Object.keys(manifest.pages).flatMap((url) => /^\/cases\/(\d+)$/u.exec(url)?.[1] ?? []);
    const page = await html(() => casePage.default(params({ id: id! })));
    expect(page).toMatch(new RegExp(`href="(${EDUCATION}|${HOUSING})"`, 'u'));
    expect(page).not.toContain('/themes#');
  });

  it('lists every issue on 往期, but the cases of the newest three only', async () => {
    const issues = await import('@/app/(site)/issues/page');
    const page = await html(() => issues.default());
    for (const title of issueTitles) expect(page, title).toContain(`>${title}</a>`);
    expect(page).toContain('48个案例');
    // Issues 5, 4 and 3 name their cases; 2 and 1 do not.
    expect(markersIn(page)).toEqual([edu(52), edu(51), edu(50)]);
    expect(page).toContain('mkhouse001');
  });

  it('puts every page of every theme with cases in the sitemap', async () => {
    const sitemap = await import('@/app/sitemap');
    const urls = (await sitemap.default()).map((entry) => new URL(entry.url).pathname);
    expect(urls).toEqual(expect.arrayContaining([EDUCATION, `${EDUCATION}/2`, HOUSING]));
    expect(urls).not.toContain(`${EDUCATION}/3`);
    expect(urls).not.toContain('/themes/elderly-care');
  });

  it('lists every theme page in the manifest, and changes a theme page exactly when its list changes', async () => {
    const { db } = holder.database!;
    const urls = Object.keys(manifest.pages);
    expect(urls).toEqual(expect.arrayContaining([EDUCATION, `${EDUCATION}/2`, HOUSING, '/themes/elderly-care']));
    expect(urls).not.toContain(`${EDUCATION}/3`);
    expect(urls).not.toContain(`${HOUSING}/2`);

    // A case of another theme: the 义务教育 pages stay as they are.
    const sixth = await createIssue(db, staff, 6, '第6期 mkissue6');
    await addCase(db, staff, markedContent('mkhouse002', { tags: ['住房保障'] }), sixth, 'approved');
    await publishIssue(db, staff, sixth);
    const housing = await buildSiteManifest(db);
    for (const url of [EDUCATION, `${EDUCATION}/2`]) expect(housing.pages[url], url).toBe(manifest.pages[url]);
    for (const url of [HOUSING, '/themes']) expect(housing.pages[url], url).not.toBe(manifest.pages[url]);

    // A case of this theme moves every page of it along by one.
    const seventh = await createIssue(db, staff, 7, '第7期 mkissue7');
    await addCase(db, staff, markedContent(edu(53), { tags: ['义务教育'] }), seventh, 'approved');
    await publishIssue(db, staff, seventh);
    const education = await buildSiteManifest(db);
    for (const url of [EDUCATION, `${EDUCATION}/2`, '/themes']) expect(education.pages[url], url).not.toBe(housing.pages[url]);
    expect(education.pages[HOUSING]).toBe(housing.pages[HOUSING]);
  });
});
