import { describe, expect, it } from 'vitest';
import { THEMES, themeBySlug } from '@/lib/content/themes';
import { paths } from '@/lib/public/urls';
import { siteManifestSchema } from '@/lib/static/site-manifest';

// A theme's address is published (links, sitemaps, the static snapshot's files): it must be plain
// ASCII a static host can serve, one per theme, and never change once given.

describe('theme addresses', () => {
  it('keeps the address each theme was published under', () => {
    expect(Object.fromEntries(THEMES.map((t) => [t.name, paths.theme(t.name)]))).toEqual({
      义务教育: '/themes/compulsory-education',
      职业技能: '/themes/vocational-skills',
      医疗卫生: '/themes/health-care',
      养老服务: '/themes/elderly-care',
      住房保障: '/themes/housing-security',
      就业服务: '/themes/employment-services',
      户籍与居住证: '/themes/hukou-residence-permits',
      基层治理: '/themes/community-governance',
      城市群: '/themes/city-clusters',
      公共服务: '/themes/public-services',
    });
  });

  it('numbers later pages by path, and finds each theme again by its slug', () => {
    expect(paths.theme('住房保障', 1)).toBe('/themes/housing-security');
    expect(paths.theme('住房保障', 3)).toBe('/themes/housing-security/3');
    for (const t of THEMES) expect(themeBySlug(t.slug)?.name).toBe(t.name);
    expect(themeBySlug('住房保障')).toBeUndefined();
  });

  it('gives addresses the static snapshot accepts', () => {
    const pages = Object.fromEntries(THEMES.flatMap((t) => [paths.theme(t.name), paths.theme(t.name, 2)]).map((url) => [url, 'x']));
    const manifest = { version: 1, buildId: 'b', siteUrl: 'https://cases.example.gov.cn', publication: 'p', notFound: '/x', pages, redirects: [] };
    expect(siteManifestSchema.safeParse(manifest).success).toBe(true);
  });

  it('sends a tag that is no theme to the themes index', () => {
    expect(paths.theme('不是主题')).toBe('/themes');
  });
});
