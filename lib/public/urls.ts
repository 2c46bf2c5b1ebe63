import { themeByName } from '@/lib/content/themes';
import { searchPath } from '@/lib/search/query.mjs';

// Public URLs. They are built from ids and issue numbers that never change meaning: a case keeps its
// id when it moves within or between issues, and a renumbered issue's old number redirects.

/** The canonical origin, for metadata, the sitemap, the feed and JSON-LD. */
export function siteUrl(): string {
  const raw = process.env.CASEBOOK_SITE_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  return raw.replace(/\/+$/u, '');
}

export const SITE_NAME = '案例期刊';
/** Every page's <title> but the home page's: the page's own title, then the site's name. */
export const TITLE_TEMPLATE = `%s · ${SITE_NAME}`;
export const SITE_DESCRIPTION = '新型城镇化典型做法案例期刊：各地推进以人为核心的新型城镇化的做法、成效与经验。';

export const paths = {
  home: () => '/',
  issues: () => '/issues',
  issue: (number: number) => `/issues/${number}`,
  /** 2025年第3期 by its serial name: redirects to `issue` of its overall number. */
  issueBySerial: (year: number, yearNumber: number) => `/issues/${year}/${yearNumber}`,
  case: (caseId: number) => `/cases/${caseId}`,
  regions: () => '/regions',
  province: (code: string) => `/regions/${code}`,
  themes: () => '/themes',
  /** A theme's page of cases (page 1 has no number); a tag that is no theme has no page, so the index. */
  theme: (name: string, page = 1) => {
    const theme = themeByName(name);
    if (!theme) return '/themes';
    return page > 1 ? `/themes/${theme.slug}/${page}` : `/themes/${theme.slug}`;
  },
  search: searchPath,
  feed: () => '/feed.xml',
};

export function absolute(path: string): string {
  return `${siteUrl()}${path}`;
}

/** Route parameters that are positive integers; anything else is a 404, not an error. */
export function parseId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/u.test(raw) ? Number(raw) : null;
}

/** A serial year in an address (/issues/2025/3): four digits; anything else is a 404. */
export function parseSerialYear(raw: string): number | null {
  return /^[12]\d{3}$/u.test(raw) ? Number(raw) : null;
}
