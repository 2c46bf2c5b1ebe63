import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { createTestDatabase, testTarget } from '../support/test-db';
import { installIncrementalCache } from './incremental-cache';
import { addCase, createIssue, createStaff, markedContent, publishIssue, unpublishIssue, type Staff } from './content';
import { visit } from './crawl';

// A case page's 相关案例 come from one list of every case's related cases, kept in the process until
// the public cache's epoch moves (epochMemo in lib/public/cache.ts). A publish elsewhere on the site
// must reach the page: a new case sharing a theme is listed as soon as it is published, and gone as
// soon as it is withdrawn, whether this instance published it or learnt of it from the database.
// Real pieces throughout, as in ./cache-race.test.ts: the publishing services, cachedRead() over
// Next's unstable_cache and IncrementalCache, and the cache handler Next is configured with.

const holder = await vi.hoisted(async () => {
  process.env.CASEBOOK_PUBLIC_SYNC_MS = '0';
  // A Next.js server provides this global before any of its modules load; they need it for requests.
  const { AsyncLocalStorage } = await import('node:async_hooks');
  (globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
  return { database: undefined as Database | undefined, listReads: 0 };
});
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Counts the reads of the whole case list, which the related list is built from.
vi.mock('@/lib/public/queries', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/public/queries')>();
  return {
    ...actual,
    queryAllCases: async (...args: Parameters<typeof actual.queryAllCases>) => {
      holder.listReads++;
      return actual.queryAllCases(...args);
    },
  };
});

const cache = installIncrementalCache('casebook-related-');
const { revalidatePublicSite } = cache;

/** The case page as a reader gets it: its text from the 相关案例 heading on ('' when it has none). */
async function relatedSection(caseId: number): Promise<string> {
  const casePage = await import('@/app/(site)/cases/[id]/page');
  const outcome = await visit(() => casePage.default({ params: Promise.resolve({ id: String(caseId) }) }));
  expect(outcome.status).toBe(200);
  const text = outcome.status === 200 ? outcome.text : '';
  const at = text.indexOf('相关案例');
  return at < 0 ? '' : text.slice(at);
}

describe(`相关案例 across publishes (${testTarget})`, () => {
  let staff: Staff;
  const db = () => holder.database!.db;
  let existing: number;
  let neighbour: number;

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    staff = await createStaff(db());
    const first = await createIssue(db(), staff, 1, '第一期的主题');
    existing = await addCase(db(), staff, markedContent('mkexisting', { tags: ['义务教育'], regions: ['330782'] }), first, 'approved');
    // Shares the first case's province, so its page has a 相关案例 list from the start.
    neighbour = await addCase(db(), staff, markedContent('mkneighbour', { tags: ['住房保障'], regions: ['330102'] }), first, 'approved');
    await publishIssue(db(), staff, first);
    await revalidatePublicSite();
  });
  afterAll(async () => {
    await holder.database?.close();
    cache.dispose();
  });

  it('builds the related lists once for all pages, not once per page, while nothing is published', async () => {
    const before = holder.listReads;
    expect(await relatedSection(existing)).toContain('mkneighbour');
    expect(await relatedSection(neighbour)).toContain('mkexisting');
    expect(await relatedSection(existing)).toContain('mkneighbour');
    expect(holder.listReads - before).toBe(1);
  });

  it('lists a case of a newly published issue that shares a theme, once the publish is known here', async () => {
    expect(await relatedSection(existing)).not.toContain('mknewcase');
    const second = await createIssue(db(), staff, 2, '第二期的主题');
    await addCase(db(), staff, markedContent('mknewcase', { tags: ['义务教育'], regions: ['320614'] }), second, 'approved');
    await publishIssue(db(), staff, second);
    await revalidatePublicSite();
    const related = await relatedSection(existing);
    // Newest first among equals: the shared theme counts double, so the new case leads the list.
    expect(related).toContain('mknewcase');
    expect(related.indexOf('mknewcase')).toBeLessThan(related.indexOf('mkneighbour'));
  });

  it('drops it once its issue is withdrawn, when this instance learns of that only from the database', async () => {
    const second = await createIssue(db(), staff, 3, '第三期的主题');
    await addCase(db(), staff, markedContent('mkwithdrawn', { tags: ['义务教育'], regions: ['320614'] }), second, 'approved');
    await publishIssue(db(), staff, second);
    await revalidatePublicSite();
    expect(await relatedSection(existing)).toContain('mkwithdrawn');
    // Withdrawn by another instance: no revalidation here, only the changed read model.
    await unpublishIssue(db(), staff, second);
    const related = await relatedSection(existing);
    expect(related).not.toContain('mkwithdrawn');
    expect(related).toContain('mknewcase');
  });
});
