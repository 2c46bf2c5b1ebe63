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
// Each read also carries the cache handler's epoch from just before it read, so an entry rendered
// from data older than the last change is never served, however late it is written
// (lib/public/cache-handler.mjs explains why that holds).

/** Must equal PUBLIC_TAG in lib/public/cache-handler.mjs (tests/unit/public/helpers.test.ts checks). */
export const PUBLIC_TAG = 'casebook-public';
/** Must equal EPOCH_TAG_PREFIX in lib/public/cache-handler.mjs (tests/integration/public/cache-race.test.ts checks). */
export const EPOCH_TAG_PREFIX = 'casebook-public-epoch-';

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

type HandlerLink = typeof globalThis & {
  __casebookPublicFingerprint?: () => Promise<string>;
  __casebookPublicEpochTag?: () => string;
  __casebookPublicCacheReady?: () => Promise<void> | undefined;
  __casebookPublicSyncNow?: () => Promise<void> | undefined;
};
const link = globalThis as HandlerLink;

// The cache handler runs outside the app's bundles and has no database of its own: it asks the app,
// through this probe, for the read model's fingerprint (works on PGlite and PostgreSQL alike).
if (!isBuildPhase()) {
  link.__casebookPublicFingerprint ??= async () => queryPublicationFingerprint(await getDb());
}

/** The handler's current epoch as a tag; without a handler, one that is never current. */
function epochTag(): string {
  return link.__casebookPublicEpochTag?.() ?? `${EPOCH_TAG_PREFIX}none`;
}

/**
 * A public read, cached under PUBLIC_TAG until a publish or unpublish. During `next build` it returns
 * `atBuild` without touching the database; those prerendered pages are never served, because the
 * cache handler serves only entries the running process wrote.
 */
export function cachedRead<A extends unknown[], R>(name: string, read: (db: Db, ...args: A) => Promise<R>, atBuild: R): (...args: A) => Promise<R> {
  const load = async (...args: A): Promise<R> => {
    if (isBuildPhase()) return atBuild;
    return read(await getDb(), ...args);
  };
  // The tags are fixed per unstable_cache wrapper, so there is one per epoch; the cache key does not
  // include tags, so every epoch's wrapper reads and writes the same entries.
  let current: { tag: string; run: (...args: A) => Promise<R> } | undefined;
  return async (...args: A) => {
    // Only the first reads of the process wait: for the handler's first look at the database.
    const ready = link.__casebookPublicCacheReady?.();
    if (ready) await ready;
    // Taken before the read starts: the entry must not claim an epoch newer than its data.
    const tag = epochTag();
    if (current?.tag !== tag) current = { tag, run: unstable_cache(load, ['public', name], { tags: [PUBLIC_TAG, tag] }) };
    return current.run(...args);
  };
}

/**
 * A value derived from the whole read model, kept in this process until the epoch moves: for reads
 * that are cheap once built and costly per page, such as the 相关案例 of every case. The epoch is
 * taken before the read starts, as cachedRead() does, so a value is never kept as current when its
 * data predates a change this process has learnt of; a failed read is forgotten at once. Kept on
 * globalThis by name: the server's pages, actions and route handlers are separate module copies.
 *
 * It gives the page that uses it no epoch tag of its own: a page must make a cachedRead() before it
 * calls it (lib/public/read-model.ts does), or the page could be stamped with an epoch newer than
 * the value it shows.
 */
export function epochMemo<R>(name: string, read: (db: Db) => Promise<R>, atBuild: R): () => Promise<R> {
  const memos = ((globalThis as { __casebookEpochMemos?: Map<string, { tag: string; value: Promise<unknown> }> }).__casebookEpochMemos ??= new Map());
  return async () => {
    if (isBuildPhase()) return atBuild;
    const ready = link.__casebookPublicCacheReady?.();
    if (ready) await ready;
    // Without the handler (a test that stubs the cache) there are no epochs to key on: read afresh.
    if (!link.__casebookPublicEpochTag) return getDb().then(read);
    const tag = epochTag();
    let current = memos.get(name) as { tag: string; value: Promise<R> } | undefined;
    if (current?.tag !== tag) {
      const entry = { tag, value: getDb().then(read) };
      memos.set(name, entry);
      current = entry;
      entry.value.catch(() => {
        if (memos.get(name) === entry) memos.delete(name);
      });
    }
    return current.value;
  };
}

/**
 * Brings this process's epoch up to the database now instead of at the next interval (the cache
 * handler reads the fingerprint at most every CASEBOOK_PUBLIC_SYNC_MS): for work done right after a
 * publish, so what it builds is not dropped by the epoch moving again a moment later.
 */
export async function syncPublicEpoch(): Promise<void> {
  await link.__casebookPublicSyncNow?.();
}
