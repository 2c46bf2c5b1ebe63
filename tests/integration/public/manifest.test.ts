import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { THEMES } from '@/lib/content/themes';
import { buildSiteManifest } from '@/lib/public/manifest';
import { serialYear } from '@/lib/content/serial';
import { listProvinces } from '@/lib/regions';
import type { SiteManifest } from '@/lib/static/site-manifest';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, createStaff, markedContent, publishIssue, reviseIssue, unpublishIssue, type Staff } from './content';

// The static snapshot's list of pages (GET /api/public/manifest): every public URL and nothing
// else, and fingerprints that change exactly when what a page shows changes, so an incremental run
// neither misses a change nor refetches the whole site.

describe(`site manifest (${testTarget})`, () => {
  let database: Database;
  let staff: Staff;
  const ids: Record<string, number> = {};
  let before: SiteManifest;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    staff = await createStaff(db);
    // 第一期 was published as 第九期 first: 9 now redirects to 1.
    const first = await createIssue(db, staff, 9, '第一期的主题');
    ids.education = await addCase(db, staff, markedContent('mkedu', { tags: ['义务教育'], regions: ['330782'] }), first, 'approved');
    ids.housing = await addCase(db, staff, markedContent('mkhousing', { tags: ['住房保障'], regions: ['440300'] }), first, 'approved');
    await publishIssue(db, staff, first);
    await reviseIssue(db, staff, first, { number: 1 });
    await publishIssue(db, staff, first);
    ids.first = first;
    // Published as 第八期, renumbered to 第三期, then withdrawn: nothing of it is public.
    const withdrawn = await createIssue(db, staff, 8, '撤回的一期');
    ids.withdrawnCase = await addCase(db, staff, markedContent('mkwithdrawn', { tags: ['户籍'], regions: ['500000'] }), withdrawn, 'approved');
    await publishIssue(db, staff, withdrawn);
    await reviseIssue(db, staff, withdrawn, { number: 3 });
    await publishIssue(db, staff, withdrawn);
    await unpublishIssue(db, staff, withdrawn);
    ids.draft = await addCase(db, staff, markedContent('mkdraft', { regions: ['440300'] }), null, 'approved');
    before = await buildSiteManifest(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists every public URL of what is published', () => {
    const expected = [
      '/',
      '/issues',
      '/themes',
      '/regions',
      '/search',
      '/about',
      '/feed.xml',
      '/sitemap.xml',
      '/robots.txt',
      '/api/public/issues',
      '/issues/1',
      '/api/public/issues/1',
      `/cases/${ids.education}`,
      `/api/public/cases/${ids.education}`,
      `/cases/${ids.housing}`,
      `/api/public/cases/${ids.housing}`,
      ...listProvinces().map((p) => `/regions/${p.code}`),
      // Every theme has its page, with cases or not; none has enough cases here for a second one.
      ...THEMES.map((t) => `/themes/${t.slug}`),
    ];
    expect(Object.keys(before.pages).sort()).toEqual(expected.sort());
  });

  it('lists nothing unpublished', () => {
    const urls = Object.keys(before.pages).join('\n');
    for (const id of [ids.withdrawnCase, ids.draft]) expect(urls).not.toMatch(new RegExp(`/cases/${id}$`, 'mu'));
    for (const n of [3, 8, 9]) expect(urls).not.toMatch(new RegExp(`/issues/${n}$`, 'mu'));
  });

  it('sends the old number of a renumbered published issue to its new one, and a withdrawn one nowhere', () => {
    expect(before.redirects.filter((r) => !/^\/issues\/\d+\/\d+$/u.test(r.from))).toEqual([
      { from: '/issues/9', to: '/issues/1' },
      { from: '/api/public/issues/9', to: '/api/public/issues/1' },
    ]);
  });

  it('sends the serial address of each published issue (year and number within it) to its page, as the app does', () => {
    expect(before.redirects.filter((r) => /^\/issues\/\d+\/\d+$/u.test(r.from))).toEqual([{ from: `/issues/${serialYear(new Date())}/1`, to: '/issues/1' }]);
  });

  it('changes the fingerprints of exactly the pages a publish changes', async () => {
    const { db } = database;
    // A new issue whose one case shares the theme of the education case and nothing with the housing case.
    const second = await createIssue(db, staff, 2, '第二期的主题');
    const added = await addCase(db, staff, markedContent('mknew', { tags: ['义务教育'], regions: ['320614'] }), second, 'approved');
    await publishIssue(db, staff, second);
    const after = await buildSiteManifest(db);
    const changed = (url: string) => before.pages[url] !== after.pages[url];

    expect(after.pages[`/cases/${added}`]).toBeDefined();
    expect(after.pages['/issues/2']).toBeDefined();
    // Listings, the previous issue's 下一期 link, and the education case's 相关案例 all show the new case.
    for (const url of ['/', '/issues', '/themes', '/themes/compulsory-education', '/feed.xml', '/sitemap.xml', '/regions', '/search', '/api/public/issues', '/regions/320000', '/issues/1', `/cases/${ids.education}`]) {
      expect(changed(url), url).toBe(true);
    }
    // Nothing the housing case's page shows changed; the about page, unrelated provinces and themes neither.
    for (const url of [`/cases/${ids.housing}`, `/api/public/cases/${ids.housing}`, `/api/public/cases/${ids.education}`, '/api/public/issues/1', '/about', '/robots.txt', '/regions/440000', '/regions/110000', '/themes/housing-security']) {
      expect(changed(url), url).toBe(false);
    }
    before = after;
  });

  it('changes every page of an issue whose theme is republished, and nothing of an unpublished edit', async () => {
    const { db } = database;
    await reviseIssue(db, staff, ids.first!, { title: '第一期改过的主题' });
    const unpublishedEdit = await buildSiteManifest(db);
    expect(unpublishedEdit.pages).toEqual(before.pages);
    await publishIssue(db, staff, ids.first!);
    const after = await buildSiteManifest(db);
    for (const url of ['/issues/1', '/api/public/issues/1', `/cases/${ids.education}`, `/api/public/cases/${ids.housing}`, '/']) {
      expect(after.pages[url], url).not.toBe(before.pages[url]);
    }
    expect(after.publication).not.toBe(before.publication);
  });
});
