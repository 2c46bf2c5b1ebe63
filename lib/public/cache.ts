import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { queryPublicationFingerprint } from './queries';

// Caching of the public site. Every public read goes through cachedRead(), which tags it with
// PUBLIC_TAG; the pages (ISR) collect that tag, so one revalidation drops every public page and
// every cached read together. One tag for everything is deliberate: a publish can change the home
// page, the archive, region and theme lists, the feed, the sitemap, related-case links and search
// filters, and publishing happens a few times a month, so precision would buy nothing but bugs.

/** Must equal PUBLIC_TAG in lib/public/cache-handler.mjs (tests/unit/public/cache.test.ts checks). */
export const PUBLIC_TAG = 'casebook-public';

/**
 * Call after a publish or unpublish commits (from the Server Action or Route Handler that did it).
 * `expire: 0`: the next request renders fresh instead of being served the stale page once more.
 * Other instances learn of it from the database (lib/public/cache-handler.mjs).
 */
export function revalidatePublicSite(): void {
  revalidateTag(PUBLIC_TAG, { expire: 0 });
}

/** `next build` prerenders pages without parameters; it must not open the database. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

type ProbeHolder = typeof globalThis & { __casebookPublicFingerprint?: () => Promise<string> };

// The cache handler runs outside the app's bundles and has no database of its own: it asks the app,
// through this probe, for the read model's fingerprint (works on PGlite and PostgreSQL alike).
if (!isBuildPhase()) {
  (globalThis as ProbeHolder).__casebookPublicFingerprint ??= async () => queryPublicationFingerprint(await getDb());
}

/**
 * A public read, cached under PUBLIC_TAG until a publish or unpublish. During `next build` it returns
 * `atBuild` without touching the database; those prerendered pages are never served, because the
 * cache handler treats entries older than the running process as misses.
 */
export function cachedRead<A extends unknown[], R>(name: string, read: (db: Db, ...args: A) => Promise<R>, atBuild: R): (...args: A) => Promise<R> {
  return unstable_cache(
    async (...args: A): Promise<R> => {
      if (isBuildPhase()) return atBuild;
      return read(await getDb(), ...args);
    },
    ['public', name],
    { tags: [PUBLIC_TAG] },
  );
}
