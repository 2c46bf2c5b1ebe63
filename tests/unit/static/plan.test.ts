import { describe, expect, it } from 'vitest';
import { cssUrls } from '@/lib/static/css';
import { nginxRedirects } from '@/lib/static/redirects';
import { canReuse, GENERATOR_VERSION, planPages, type ReleaseManifest } from '@/lib/static/release-manifest';

// An incremental run fetches only what changed: pages whose fingerprint is new or different.

describe('planPages', () => {
  it('fetches new and changed pages, shares unchanged ones and drops the ones no longer public', () => {
    const previous = { '/': 'a', '/issues/1': 'b', '/cases/1': 'c', '/cases/2': 'd' };
    const next = { '/': 'a2', '/issues/1': 'b', '/cases/1': 'c', '/cases/3': 'e' };
    expect(planPages(previous, next)).toEqual({ fetch: ['/', '/cases/3'], reuse: ['/issues/1', '/cases/1'], defer: [], removed: ['/cases/2'] });
  });

  it('fetches everything when there is no previous release to share with', () => {
    expect(planPages(null, { '/': 'a', '/about': 'b' })).toEqual({ fetch: ['/', '/about'], reuse: [], defer: [], removed: [] });
  });

  it('may leave pages whose only change is their 相关案例 for a second pass', () => {
    const previous = { '/cases/1': 'own~rel', '/cases/2': 'own~rel', '/cases/3': 'own~rel' };
    const next = { '/cases/1': 'own~rel2', '/cases/2': 'own2~rel2', '/cases/3': 'own~rel', '/cases/4': 'new~rel' };
    expect(planPages(previous, next, { defer: true })).toEqual({ fetch: ['/cases/2', '/cases/4'], reuse: ['/cases/3'], defer: ['/cases/1'], removed: [] });
    expect(planPages(previous, next).defer).toEqual([]);
  });

  it('defers nothing when a page was withdrawn, since related lists may still point to it', () => {
    const previous = { '/cases/1': 'own~rel', '/cases/2': 'own~rel' };
    expect(planPages(previous, { '/cases/1': 'own~rel2' }, { defer: true })).toEqual({ fetch: ['/cases/1'], reuse: [], defer: [], removed: ['/cases/2'] });
  });

  it('is not fooled by URLs that collide with object properties', () => {
    expect(planPages({}, { '/constructor': 'x' }).fetch).toEqual(['/constructor']);
  });
});

describe('canReuse', () => {
  const previous: ReleaseManifest = {
    version: 1,
    generator: GENERATOR_VERSION,
    buildId: 'b1',
    siteUrl: 'https://cases.example.gov.cn',
    baseUrl: 'https://cases.example.gov.cn',
    publication: 'p',
    generatedAt: '2026-11-30T00:00:00.000Z',
    pages: {},
    redirects: [],
    assets: [],
  };
  const same = { buildId: 'b1', siteUrl: previous.siteUrl, baseUrl: previous.baseUrl };

  it('shares pages with a release of the same deployment and addresses', () => {
    expect(canReuse(previous, same)).toBe(true);
  });

  it.each([
    ['a new deployment', { ...same, buildId: 'b2' }],
    ['another site address', { ...same, siteUrl: 'https://new.example.gov.cn' }],
    ['another base URL', { ...same, baseUrl: 'https://mirror.example.gov.cn' }],
  ])('regenerates everything after %s', (_, next) => {
    expect(canReuse(previous, next)).toBe(false);
  });

  it('regenerates everything after the generator itself changed', () => {
    expect(canReuse({ ...previous, generator: GENERATOR_VERSION - 1 }, same)).toBe(false);
  });
});

describe('cssUrls', () => {
  it('finds fonts, images and imported sheets, but not data: URIs or commented-out rules', () => {
    const css = `@import "base.css";@font-face{src:url(/_next/static/media/a.woff2) format("woff2"),url('../media/b.woff')}
      .x{background:url("data:image/svg+xml;utf8,<svg/>")} /* .y{background:url(/gone.png)} */ .z{mask:url(#m)}`;
    expect(cssUrls(css)).toEqual(['base.css', '/_next/static/media/a.woff2', '../media/b.woff']);
  });

  it('stays linear on a hostile stylesheet', () => {
    const css = 'url('.repeat(200_000);
    const started = performance.now();
    cssUrls(css);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('nginxRedirects', () => {
  it('answers 301 for an old address, with and without the trailing slash', () => {
    expect(nginxRedirects([{ from: '/issues/9', to: '/issues/1' }])).toContain('location = /issues/9 { return 301 /issues/1; }\nlocation = /issues/9/ { return 301 /issues/1; }\n');
  });

  it('refuses an address that could inject nginx configuration', () => {
    expect(() => nginxRedirects([{ from: '/issues/9; return 200 x', to: '/issues/1' }])).toThrow();
    expect(() => nginxRedirects([{ from: '/issues/9', to: '/x }\nlocation / {' }])).toThrow();
  });
});
