import type { MetadataRoute } from 'next';
import { getAllCases, getIssues, getProvinceCounts } from '@/lib/public/read-model';
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
  ];
}
