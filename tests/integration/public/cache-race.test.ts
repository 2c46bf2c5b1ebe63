import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { EPOCH_TAG_PREFIX as HANDLER_EPOCH_TAG_PREFIX, PUBLIC_TAG as HANDLER_PUBLIC_TAG } from '@/lib/public/cache-handler.mjs';
import { cachedRead, EPOCH_TAG_PREFIX, PUBLIC_TAG } from '@/lib/public/cache';
import { queryCaseDocuments } from '@/lib/public/case-documents';
import { queryIssues } from '@/lib/public/queries';
import { publishIssue, unpublishIssue } from '@/lib/services/publishing';
import { createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { installIncrementalCache } from './incremental-cache';
import { must, readyIssue } from '../workflow/helpers';

// A reader's request that read a case just before the issue was withdrawn, and is written to the
// cache just after: the next reader must not be served the withdrawn text. Real pieces throughout:
// the publishing services, the database, cachedRead() over Next's unstable_cache and
// IncrementalCache, and the cache handler Next is configured with. This instance checks the
// database before every cache read (CASEBOOK_PUBLIC_SYNC_MS=0), as instance B of the two-instance
// end-to-end test does.

const holder = await vi.hoisted(async () => {
  process.env.CASEBOOK_PUBLIC_SYNC_MS = '0';
  // A Next.js server provides this global before any of its modules load; they need it for requests.
  const { AsyncLocalStorage } = await import('node:async_hooks');
  (globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
  return { database: undefined as Database | undefined };
});
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));

const cache = installIncrementalCache('casebook-cache-');
const { revalidatePublicSite } = cache;

/** A case read that pauses between reading the database and handing its result to the cache. */
function slowCaseRead(name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let markRead!: () => void;
  const read = new Promise<void>((resolve) => (markRead = resolve));
  let reads = 0;
  const getCase = cachedRead(
    name,
    async (db, caseId: number) => {
      const found = (await queryCaseDocuments(db, [caseId]))[0]?.case ?? null;
      reads++;
      markRead();
      await gate;
      return found;
    },
    null,
  );
  return { getCase, release, read, reads: () => reads };
}

describe(`public cache against a render racing an unpublish (${testTarget})`, () => {
  let database: Database;
  let editor: Actor;
  let reviewer: Actor;

  beforeAll(async () => {
    database = holder.database = await createTestDatabase();
    editor = await createActor(database.db, 'editor');
    reviewer = await createActor(database.db, 'reviewer');
  });
  afterAll(async () => {
    await holder.database?.close();
    cache.dispose();
  });

  async function publishedCase() {
    const { issue, cases } = await readyIssue(database.db, editor, reviewer, 1);
    must(await publishIssue(database.db, reviewer, { issueId: issue.id }));
    await revalidatePublicSite();
    // Some reader's request since: this instance has checked the database and caught up.
    await cachedRead('catch-up', queryIssues, [])();
    return { issueId: issue.id, caseId: cases[0]!.id, title: cases[0]!.title };
  }

  it('uses the tags the cache handler reads', () => {
    expect(PUBLIC_TAG).toBe(HANDLER_PUBLIC_TAG);
    expect(typeof EPOCH_TAG_PREFIX).toBe('string');
    expect(EPOCH_TAG_PREFIX).toBe(HANDLER_EPOCH_TAG_PREFIX);
  });

  // First of the reads in this file: the process has not looked at the database yet.
  it('caches the very first read after the server starts', async () => {
    let reads = 0;
    const getIssues = cachedRead(
      'first',
      async (db) => {
        reads++;
        return queryIssues(db);
      },
      [],
    );
    expect(await getIssues()).toEqual([]);
    expect(await getIssues()).toEqual([]);
    expect(reads).toBe(1);
  });

  it('serves a published case from the cache, and stops once it is unpublished elsewhere', async () => {
    const { issueId, caseId, title } = await publishedCase();
    const calm = slowCaseRead('calm');
    calm.release();
    expect((await calm.getCase(caseId))?.title).toBe(title);
    expect((await calm.getCase(caseId))?.title).toBe(title);
    expect(calm.reads()).toBe(1);

    must(await unpublishIssue(database.db, reviewer, { issueId }));
    expect(await calm.getCase(caseId)).toBeNull();
    expect(calm.reads()).toBe(2);
  });

  it('does not keep a case read before an unpublish on this instance and cached after it', async () => {
    const { issueId, caseId, title } = await publishedCase();
    const race = slowCaseRead('race-here');
    const firstReader = race.getCase(caseId);
    await race.read;
    must(await unpublishIssue(database.db, reviewer, { issueId }));
    await revalidatePublicSite();
    // Other readers keep browsing while the slow render is still on its way.
    expect(await cachedRead('issues-here', queryIssues, [])()).not.toContainEqual(expect.objectContaining({ issueId }));
    race.release();
    // The reader who asked before the unpublish gets the case as it was then…
    expect((await firstReader)?.title).toBe(title);
    // …but it was cached after the reset, and the next reader must not get it.
    expect(await race.getCase(caseId)).toBeNull();
    expect(race.reads()).toBe(2);
  });

  it('does not keep a case read before an unpublish made elsewhere that this instance learnt of meanwhile', async () => {
    const { issueId, caseId } = await publishedCase();
    const race = slowCaseRead('race-elsewhere');
    const firstReader = race.getCase(caseId);
    await race.read;
    must(await unpublishIssue(database.db, reviewer, { issueId }));
    // Another reader's request in the meantime: this instance checks the database and resets.
    expect(await cachedRead('issues-meanwhile', queryIssues, [])()).not.toContainEqual(expect.objectContaining({ issueId }));
    race.release();
    await firstReader;
    expect(await race.getCase(caseId)).toBeNull();
  });
});
