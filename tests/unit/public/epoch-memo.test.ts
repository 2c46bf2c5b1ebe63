import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';

// epochMemo (lib/public/cache.ts) keeps a value built from the whole read model, such as every
// case's 相关案例, until the public cache's epoch moves. Readers must never get a value from before a
// change this process has learnt of, nor a failure that has passed; and within an epoch it is built
// once, which is its whole point. The epoch is driven here as the cache handler exposes it.

const fakeDb = vi.hoisted(() => ({ opened: 0, db: { name: 'the database' } }));
vi.mock('@/db', () => ({
  getDb: async () => {
    fakeDb.opened++;
    return fakeDb.db;
  },
}));
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

import { EPOCH_TAG_PREFIX, epochMemo } from '@/lib/public/cache';

type Link = typeof globalThis & { __casebookPublicEpochTag?: () => string };
let epoch = 0;

beforeEach(() => {
  epoch = 1;
  fakeDb.opened = 0;
  (globalThis as Link).__casebookPublicEpochTag = () => `${EPOCH_TAG_PREFIX}${epoch}`;
});
afterEach(() => {
  delete (globalThis as Link).__casebookPublicEpochTag;
  vi.unstubAllEnvs();
});

/** A memo whose reads are numbered, and can be held open until released; each under a name of its own. */
let memoNames = 0;
function counted() {
  let reads = 0;
  const held: (() => void)[] = [];
  const fails = { next: false };
  const memo = epochMemo(`test-${++memoNames}`, async (db: Db) => {
    expect(db).toBe(fakeDb.db);
    const n = ++reads;
    if (fails.next) {
      fails.next = false;
      throw new Error('connection refused');
    }
    await new Promise<void>((resolve) => held.push(resolve));
    return `read ${n}`;
  }, 'at build');
  const get = async () => {
    const value = memo();
    // Handled here so that a failure waits for the caller without being reported as unhandled.
    value.catch(() => {});
    // Lets the read start, then releases whatever reads are waiting.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const release of held.splice(0)) release();
    return value;
  };
  return { memo, get, fails, held, reads: () => reads };
}

describe('epochMemo', () => {
  it('builds the value once per epoch, for every reader, and again once the epoch moves', async () => {
    const m = counted();
    expect(await m.get()).toBe('read 1');
    expect(await Promise.all([m.get(), m.get()])).toEqual(['read 1', 'read 1']);
    expect(m.reads()).toBe(1);
    epoch = 2;
    expect(await m.get()).toBe('read 2');
    expect(await m.get()).toBe('read 2');
    expect(m.reads()).toBe(2);
  });

  it('shares one read among readers who ask while it is under way', async () => {
    const m = counted();
    const first = m.memo();
    const second = m.memo();
    expect(await m.get()).toBe('read 1');
    expect(await Promise.all([first, second])).toEqual(['read 1', 'read 1']);
    expect(m.reads()).toBe(1);
  });

  it('does not keep a value whose read began before the epoch moved', async () => {
    const m = counted();
    const early = m.memo();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A publish is learnt of while the read is still under way.
    epoch = 2;
    for (const release of m.held.splice(0)) release();
    expect(await early).toBe('read 1');
    expect(await m.get()).toBe('read 2');
  });

  it('forgets a failed read: the reader who asked gets the error, the next one a new read', async () => {
    const m = counted();
    m.fails.next = true;
    await expect(m.get()).rejects.toThrow('connection refused');
    expect(await m.get()).toBe('read 2');
    expect(await m.get()).toBe('read 2');
    expect(m.reads()).toBe(2);
  });

  it('gives its build-time value during next build without opening the database', async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    const m = counted();
    expect(await m.get()).toBe('at build');
    expect(m.reads()).toBe(0);
    expect(fakeDb.opened).toBe(0);
  });
});
