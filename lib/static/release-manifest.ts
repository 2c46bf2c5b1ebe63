import { z } from 'zod';
import { RELATED_SEPARATOR } from './site-manifest';

// release/_manifest.json: what a release holds, so the next run can tell what changed. Pages whose
// fingerprint is the same as last time are shared with the previous release instead of fetched.

/** Bumped whenever the generator writes pages differently: a release from an older one is not reused. */
export const GENERATOR_VERSION = 1;

export const releaseManifestSchema = z.object({
  version: z.literal(1),
  generator: z.number(),
  buildId: z.string(),
  /** The origin the app wrote into absolute links. */
  siteUrl: z.string(),
  /** The origin the release's files carry (the same unless the run was given another base URL). */
  baseUrl: z.string(),
  publication: z.string(),
  generatedAt: z.string(),
  pages: z.record(z.string(), z.string()),
  redirects: z.array(z.object({ from: z.string(), to: z.string() })),
  /** Asset paths (stylesheets, fonts, icons) present in the release. */
  assets: z.array(z.string()),
});

export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;

export interface PagePlan {
  /** New pages and pages whose fingerprint changed: fetched from the app. */
  fetch: string[];
  /** Same fingerprint as in the previous release: shared with it. */
  reuse: string[];
  /**
   * Changed only in their 相关案例: shared with the previous release for now and fetched by a
   * second pass right after, so a publish reaches readers without waiting for thousands of them.
   */
  defer: string[];
  /** In the previous release, no longer public: left out. */
  removed: string[];
}

/** Whether a page changed in nothing but the part of its fingerprint after RELATED_SEPARATOR. */
function onlyRelatedChanged(previous: string, next: string): boolean {
  const at = next.indexOf(RELATED_SEPARATOR);
  return at !== -1 && previous.indexOf(RELATED_SEPARATOR) === at && previous.slice(0, at) === next.slice(0, at);
}

/**
 * What to fetch, what to share, what to drop; with no usable previous release, everything is
 * fetched. Deferring is only safe when nothing was removed: a withdrawn case must leave every
 * related list at once, or a shared page would link to a page that is gone.
 */
export function planPages(previous: Record<string, string> | null, next: Record<string, string>, options: { defer?: boolean } = {}): PagePlan {
  const removed = previous === null ? [] : Object.keys(previous).filter((url) => !Object.hasOwn(next, url));
  const mayDefer = options.defer === true && removed.length === 0;
  const plan: PagePlan = { fetch: [], reuse: [], defer: [], removed };
  for (const [url, fingerprint] of Object.entries(next)) {
    const before = previous !== null && Object.hasOwn(previous, url) ? previous[url] : undefined;
    if (before === fingerprint) plan.reuse.push(url);
    else if (mayDefer && before !== undefined && onlyRelatedChanged(before, fingerprint)) plan.defer.push(url);
    else plan.fetch.push(url);
  }
  return plan;
}

/** Whether a previous release can lend its files to a run with these settings. */
export function canReuse(previous: ReleaseManifest | null, next: Pick<ReleaseManifest, 'buildId' | 'siteUrl' | 'baseUrl'>): previous is ReleaseManifest {
  return previous !== null && previous.generator === GENERATOR_VERSION && previous.buildId === next.buildId && previous.siteUrl === next.siteUrl && previous.baseUrl === next.baseUrl;
}
