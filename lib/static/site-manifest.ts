import { z } from 'zod';

// What the app tells the generator at GET /api/public/manifest (lib/public/manifest.ts writes it):
// every public URL with a fingerprint of what that page shows, so an incremental run fetches only
// the pages whose fingerprint changed. Published data only, like every other public route.

export const SITE_MANIFEST_PATH = '/api/public/manifest';

/** The JSON API's batch of cases (app/api/public/cases/route.ts): what the generator writes case files from. */
export const CASE_BATCH_PATH = '/api/public/cases';
/** Every case's own JSON address starts with this: /api/public/cases/12. */
export const CASE_DATA_PREFIX = `${CASE_BATCH_PATH}/`;
/** The most ids one batch request may name. */
export const CASE_BATCH_LIMIT = 100;

/** The batch's answer: each case exactly as its own address answers it, and the ids that are not published. */
export const caseBatchSchema = z.object({
  cases: z.array(z.looseObject({ id: z.number().int().positive() })),
  missing: z.array(z.number().int().positive()),
});

/** Several case pages' data, for the snapshot's renderer: GET /api/public/case-pages?ids=12,13. */
export const CASE_PAGE_DATA_PATH = '/api/public/case-pages';

/** Its answer, checked as far as the generator relies on it; the renderer reads the rest. */
export const casePageBatchSchema = z.object({
  pages: z.array(z.looseObject({ case: z.looseObject({ caseId: z.number().int().positive() }) })),
  missing: z.array(z.number().int().positive()),
});

/**
 * A case page's fingerprint is `<own content>~<相关案例>`: when only the second part changed (a new
 * issue entered the page's related list), the page may be refreshed just after the rest of a publish.
 */
export const RELATED_SEPARATOR = '~';

/** Root-relative paths of the shapes public URLs take: ASCII letters, digits, `/ . _ -`. */
const sitePath = z.string().regex(/^\/(?:[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*)?$/u, '不是站内地址');

export const siteManifestSchema = z.object({
  version: z.literal(1),
  /** The deployment the pages come from; it is part of every fingerprint. */
  buildId: z.string().min(1),
  /** The app's configured public origin (CASEBOOK_SITE_URL), used in canonical and feed links. */
  siteUrl: z.url(),
  /** Changes with any change to the published read model (lib/public/queries.ts). */
  publication: z.string().min(1),
  /** A path that matches no route: it answers with the site's 404 page. */
  notFound: sitePath,
  /** Every public URL with its fingerprint. */
  pages: z.record(sitePath, z.string().min(1)),
  /** Old addresses of renumbered issues (pages and API) and where they now live. */
  redirects: z.array(z.object({ from: sitePath, to: sitePath })),
});

export type SiteManifest = z.infer<typeof siteManifestSchema>;

/** GET /api/public/manifest?only=publication: enough to tell whether a manifest is still current. */
export const publicationStateSchema = z.object({ buildId: z.string().min(1), publication: z.string().min(1) });

export type PublicationState = z.infer<typeof publicationStateSchema>;
