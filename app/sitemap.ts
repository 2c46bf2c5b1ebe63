import type { MetadataRoute } from 'next';
import { THEMES } from '@/lib/content/themes';
import { themePageCount } from '@/lib/public/queries';
import { getAllCases, getIssues, getProvinceCounts } from '@/lib/public/read-model';
import type { PublicCaseSummary } from '@/lib/public/types';
import { absolute, paths } from '@/lib/public/urls';

// Revalidated at least every minute; dropped at once on publish (lib/public/cache.ts).
export const revalidate = 60;

// Published pages only, from the read model; cached like the pages and dropped on publish.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [issues, cases, provinces] = await Promise.all([getIssues(), getAllCases(), getProvinceCounts()]);
  const latest = issues[0]?.publishedAt;
  return [
    { url: absolute(paths.home()), lastModified: latest, changeFrequency: 'weekly', priority: 1 },
    { url: absolute(paths.issues()), lastModified: latest, changeFrequency: 'weekly', priority: 0.6 },
    { url: absolute(paths.regions()), lastModified: latest, changeFrequency: 'weekly', priority: 0.5 },
    { url: absolute(paths.themes()), lastModified: latest, changeFrequency: 'weekly', priority: 0.5 },
    ...issues.map((i) => ({ url: absolute(paths.issue(i.number)), lastModified: i.publishedAt, priority: 0.8 })),
    ...cases.map((c) => ({ url: absolute(paths.case(c.caseId)), lastModified: c.publishedAt, priority: 0.7 })),
    ...provinces.map((p) => ({ url: absolute(paths.province(p.code)), lastModified: latest, priority: 0.4 })),
    ...themePages(cases),
  ];
}

/** Every page of each theme that has cases, dated by the theme's latest publication. */
function themePages(cases: PublicCaseSummary[]): MetadataRoute.Sitemap {
  return THEMES.flatMap(({ name }) => {
    const tagged = cases.filter((c) => c.tags.includes(name));
    if (tagged.length === 0) return [];
    // ISO timestamps in UTC order as strings do.
    const lastModified = tagged.reduce((at, c) => (c.publishedAt > at ? c.publishedAt : at), tagged[0]!.publishedAt);
    return Array.from({ length: themePageCount(tagged.length) }, (_, at) => ({ url: absolute(paths.theme(name, at + 1)), lastModified, priority: 0.4 }));
  });
}
