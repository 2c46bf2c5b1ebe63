// Next.js loads this file itself at run time (next.config.ts `cacheHandler`), outside the app's
// bundles, so it is plain JavaScript. It keeps Next's own file-system cache and adds two rules that
// make cached public pages safe with several app instances and across restarts:
//
// 1. Entries live in this process's memory only (an LRU, `cacheMaxMemorySize`), never on disk, and
//    an entry older than the process (the build's prerenders, made without a database) is a miss.
//    A disk cache would outlive the process and be shared by every process using the same build
//    folder, whatever database each one reads: nothing may be served that this process has not
//    rendered against the database it uses now.
// 2. At most every CASEBOOK_PUBLIC_SYNC_MS (default 1000 ms), before a cache read, the handler asks
//    the database for the read model's fingerprint (see lib/public/cache.ts). If another instance
//    published, unpublished or renumbered (or the scheduler did, outside any request), the
//    fingerprint changed and every cached entry expires here too, as revalidatePublicSite() does.
//
// The instance that publishes also calls revalidatePublicSite(), so there a publish shows on the
// very next request; elsewhere within the sync interval.
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

/** Must equal PUBLIC_TAG in lib/public/cache.ts (a unit test checks). */
export const PUBLIC_TAG = 'casebook-public';

// The CommonJS module's default export, whichever way Node's interop hands it over.
const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

const SYNC_MS = Number(process.env.CASEBOOK_PUBLIC_SYNC_MS ?? 1000);

// Shared by every handler instance in this process (Next creates one per request). `validFrom`: an
// entry written before it is a miss. It starts at process start and moves on every publication
// change. Checking it here, for every kind of entry, also covers what Next's own tag bookkeeping
// lets through: 404 entries, and entries whose time-based revalidation is also due (Next would
// serve those stale once more).
const state = (globalThis.__casebookPublicCacheState ??= {
  validFrom: Date.now(),
  fingerprint: undefined,
  checkedAt: 0,
  inflight: null,
});

/** () => Promise<string>, registered by lib/public/cache.ts once the app has a database. */
function fingerprintProbe() {
  return globalThis.__casebookPublicFingerprint;
}

export default class PublicCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super({ ...ctx, flushToDisk: false });
  }

  async syncWithDatabase() {
    const probe = fingerprintProbe();
    if (!probe) return;
    if (state.inflight) return state.inflight;
    if (Date.now() - state.checkedAt < SYNC_MS) return;
    state.checkedAt = Date.now();
    state.inflight = probe()
      .then(async (fingerprint) => {
        // The first reading also expires: pages rendered before the probe existed are not known
        // to match it.
        if (fingerprint !== state.fingerprint) await this.revalidateTag([PUBLIC_TAG]);
        state.fingerprint = fingerprint;
      })
      .catch((error) => {
        // A database hiccup must not fail page views: keep serving, retry at the next interval.
        console.error('[casebook] 公共缓存同步失败：', error instanceof Error ? error.message : error);
      })
      .finally(() => {
        state.inflight = null;
      });
    return state.inflight;
  }

  async revalidateTag(tags, durations) {
    if ((Array.isArray(tags) ? tags : [tags]).includes(PUBLIC_TAG)) state.validFrom = Date.now();
    return super.revalidateTag(tags, durations);
  }

  async get(...args) {
    await this.syncWithDatabase();
    const entry = await super.get(...args);
    if (entry && typeof entry.lastModified === 'number' && entry.lastModified < state.validFrom) return null;
    return entry;
  }
}
