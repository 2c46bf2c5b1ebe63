// Next.js loads this file itself at run time (next.config.ts `cacheHandler`), outside the app's
// bundles, so it is plain JavaScript. It keeps Next's own in-memory cache and adds the rules that
// make cached public pages safe across restarts, with several app instances, and against a render
// that races a publish or an unpublish:
//
// 1. Entries live in this process's memory only (an LRU, `cacheMaxMemorySize`), never on disk, and
//    only entries this process wrote through set() are served. The build's prerenders (made
//    without a database) and anything else found on disk are misses: nothing may be served that
//    this process has not rendered against the database it uses now.
// 2. The handler numbers the states of the published read model it has known: `epoch` goes up
//    when revalidatePublicSite() runs here (after a publish or unpublish commits) and whenever the
//    read model's fingerprint (queryPublicationFingerprint in lib/public/queries.ts) differs from
//    the last one seen. The fingerprint is read at most every CASEBOOK_PUBLIC_SYNC_MS (default
//    1000 ms), before a cache read, so a change made by another instance or by the scheduler,
//    outside any request, is learnt here too.
// 3. Every entry is stamped with the epoch its data was read in, and only entries of the current
//    epoch are served. cachedRead() (lib/public/cache.ts) tags each read with the epoch current
//    just BEFORE it reads; a page or route handler collects the tags of all its reads (Next writes
//    them into the entry's x-next-cache-tags), and set() stamps the entry with the oldest. An
//    entry is judged by when its data was read, not when it was written.
//
// Why no entry can show text from before a change C once this process has learnt of C (learning
// of C moves the epoch from some e to e + 1):
// - A read tagged e or earlier carries a stamp of at most e: a miss from then on, however late it
//   is written. This is the race that judging entries by write time let through: a slow render
//   read before an unpublish committed, wrote its entry after the reset, and was served until the
//   next publish.
// - A read tagged e + 1 or later began after this process learnt of C, that is, after
//   revalidatePublicSite() (called once C committed) or after a fingerprint reading that already
//   saw C, and it reads the same database, so it sees C. (Data read from a lagging replica while
//   the fingerprint comes from the primary would break this.)
// Epochs only grow, so a stale entry never becomes current again. The price is a few extra
// renders: a read that starts just before the epoch moves is stamped with the old one, and the
// publishing instance moves it twice (revalidatePublicSite(), then the new fingerprint).
//
// Entries with no epoch tag (routes that read nothing public, like robots.txt) are stamped with
// the epoch at write time: they expire with the next change, as every entry used to.
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import pino from 'pino';

/** Must equal PUBLIC_TAG in lib/public/cache.ts (a unit test checks). */
export const PUBLIC_TAG = 'casebook-public';
/** Must equal EPOCH_TAG_PREFIX in lib/public/cache.ts (tests/integration/public/cache-race.test.ts checks). */
export const EPOCH_TAG_PREFIX = 'casebook-public-epoch-';

const TAGS_HEADER = 'x-next-cache-tags';

// The CommonJS module's default export, whichever way Node's interop hands it over.
const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

const SYNC_MS = Number(process.env.CASEBOOK_PUBLIC_SYNC_MS ?? 1000);

// The same line format as lib/log.ts, which this plain-JavaScript file cannot import.
const asked = process.env.CASEBOOK_LOG_LEVEL?.trim().toLowerCase();
/** Exported so a test can watch what the handler reports. */
export const log = pino(
  {
    level: asked && (asked === 'silent' || asked in pino.levels.values) ? asked : process.env.VITEST ? 'silent' : 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.destination({ dest: 1, sync: true }),
);

// Shared by every handler instance in this process (Next creates one per request) and by the app's
// bundles, which reach it through globalThis. `stamps` maps each stored value to its epoch; keyed
// weakly, it forgets what Next's LRU evicts.
const state = (globalThis.__casebookPublicCache ??= {
  epoch: 0,
  stamps: new WeakMap(),
  fingerprint: undefined,
  checkedAt: 0,
  inflight: null,
  written: new Set(),
});
// A state kept across a hot reload may predate the field.
state.written ??= new Set();
/** Keys remembered as stored here; many distinct searches must not grow it without end. */
const WRITTEN_KEYS_LIMIT = 200_000;

/** () => Promise<string>, registered by lib/public/cache.ts once the app has a database. */
function fingerprintProbe() {
  return globalThis.__casebookPublicFingerprint;
}

/** Reads the fingerprint if SYNC_MS has passed since the last reading; a new one moves the epoch. */
function syncWithDatabase() {
  const probe = fingerprintProbe();
  if (!probe) return undefined;
  if (state.inflight) return state.inflight;
  if (Date.now() - state.checkedAt < SYNC_MS) return undefined;
  state.checkedAt = Date.now();
  state.inflight = probe()
    .then((fingerprint) => {
      // The first reading moves it too: what was read before it is not known to match.
      if (fingerprint === state.fingerprint) return;
      state.fingerprint = fingerprint;
      state.epoch += 1;
    })
    .catch((error) => {
      // A database hiccup must not fail page views: keep serving, retry at the next interval.
      log.error({ event: 'public_cache.sync_failed', error: error instanceof Error ? error.message : String(error) }, '公共缓存同步失败，下一周期重试');
    })
    .finally(() => {
      state.inflight = null;
    });
  return state.inflight;
}

// For cachedRead(): the tag it gives a read, and what to wait for before the process's first read
// (the first reading moves the epoch, so a read made before it would only be cached to be dropped).
globalThis.__casebookPublicEpochTag = () => `${EPOCH_TAG_PREFIX}${state.epoch}`;
globalThis.__casebookPublicCacheReady = () => (state.fingerprint === undefined ? syncWithDatabase() : undefined);
// For lib/public/cache.ts syncPublicEpoch(): a reading now, whatever the interval.
globalThis.__casebookPublicSyncNow = () => {
  if (state.inflight) return state.inflight;
  state.checkedAt = 0;
  return syncWithDatabase();
};

/** The oldest epoch among the tags, -1 for a malformed one (never current), undefined if none. */
function oldestEpoch(tags) {
  let oldest;
  for (const tag of tags) {
    if (typeof tag !== 'string' || !tag.startsWith(EPOCH_TAG_PREFIX)) continue;
    const digits = tag.slice(EPOCH_TAG_PREFIX.length);
    const epoch = /^\d{1,15}$/.test(digits) ? Number(digits) : -1;
    oldest = oldest === undefined ? epoch : Math.min(oldest, epoch);
  }
  return oldest;
}

/** A data-cache entry knows its tags from set(); a page or route response carries them in a header. */
function tagsOf(data, ctx) {
  if (data.kind === 'FETCH') return Array.isArray(ctx?.tags) ? ctx.tags : [];
  const header = data.headers?.[TAGS_HEADER];
  return typeof header === 'string' ? header.split(',') : [];
}

export default class PublicCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super({ ...ctx, flushToDisk: false });
  }

  async revalidateTag(tags, durations) {
    if ((Array.isArray(tags) ? tags : [tags]).includes(PUBLIC_TAG)) state.epoch += 1;
    return super.revalidateTag(tags, durations);
  }

  async get(...args) {
    await syncWithDatabase();
    // A key this process never stored cannot be served (rule 1): answer the miss here, before the
    // file-system cache looks for it on disk, which costs a few file opens on every first render.
    if (!state.written.has(args[0])) return null;
    const entry = await super.get(...args);
    if (!entry) return entry;
    return entry.value && state.stamps.get(entry.value) === state.epoch ? entry : null;
  }

  async set(key, data, ctx) {
    // Stamped before it is stored, so no reader ever finds it unstamped.
    if (data) state.stamps.set(data, oldestEpoch(tagsOf(data, ctx)) ?? state.epoch);
    // Bounded, oldest first (a Set keeps insertion order): a forgotten key only costs a render.
    state.written.delete(key);
    if (state.written.size >= WRITTEN_KEYS_LIMIT) state.written.delete(state.written.values().next().value);
    state.written.add(key);
    return super.set(key, data, ctx);
  }
}
