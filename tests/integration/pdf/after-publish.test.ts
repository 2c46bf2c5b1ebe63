import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { publishedIssues, publishedPdfs } from '@/db/schema';
import { logger, type Logger } from '@/lib/log';
import type { EditionIssue } from '@/lib/pdf/edition-types';
import { runDueIssues } from '@/lib/scheduler/run-due';
import { catchUpPdfEditions, pdfEditionsIdle } from '@/lib/services/pdf-editions';
import { addCase, createIssue, createStaff, markedContent, publishIssue, scheduleIssueAt, unpublishIssue, type Staff } from '../public/content';
import { createTestDatabase, testTarget } from '../support/test-db';

// The editions follow every commit that changes what the public sees, in the background: the
// publish neither waits for them nor fails with them, the static snapshot waits for them, and an
// edition that could not be made is made at the next change or the next start.

const holder = vi.hoisted(() => ({
  database: undefined as Database | undefined,
  /** While set, making an issue's edition waits for it. */
  gate: null as Promise<void> | null,
  fail: false,
  snapshots: [] as { reason: string; editionsStoredFirst: Promise<number> | null }[],
}));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
vi.mock('@/lib/pdf/issue-edition', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/pdf/issue-edition')>();
  return {
    renderIssueEdition: async (issue: EditionIssue) => {
      if (holder.gate) await holder.gate;
      if (holder.fail) throw new Error('字体文件无法读取（测试注入的故障）');
      return original.renderIssueEdition(issue);
    },
  };
});
// The snapshot job records what it was asked, and how many editions were stored once it could start.
vi.mock('@/lib/static/job', () => ({
  scheduleSnapshot: (reason: string, _log?: Logger, after?: Promise<unknown>) => {
    const stored = async () => Number((await holder.database!.db.select({ n: count() }).from(publishedPdfs))[0]?.n ?? 0);
    holder.snapshots.push({ reason, editionsStoredFirst: after ? after.then(stored) : null });
  },
  snapshotIdle: async () => {},
}));

const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;

describe(`PDF editions follow the publishes (${testTarget})`, () => {
  let staff: Staff;
  const db = () => holder.database!.db;
  const editionsOf = async (issueId: number) => Number((await db().select({ n: count() }).from(publishedPdfs).where(eq(publishedPdfs.issueId, issueId)))[0]?.n ?? 0);
  const readyIssue = async (number: number, marker: string) => {
    const issueId = await createIssue(db(), staff, number, `第${number}期的主题`);
    await addCase(db(), staff, markedContent(marker), issueId, 'approved');
    await addCase(db(), staff, markedContent(`${marker}two`, { regions: ['320614'] }), issueId, 'approved');
    return issueId;
  };

  beforeAll(async () => {
    vi.stubEnv('CASEBOOK_PDF_EDITIONS', '1');
    holder.database = await createTestDatabase();
    staff = await createStaff(db());
  });
  afterAll(async () => {
    await pdfEditionsIdle();
    vi.unstubAllEnvs();
    await holder.database?.close();
  });
  beforeEach(() => {
    holder.snapshots = [];
    holder.fail = false;
    holder.gate = null;
  });

  it('lets the publish return before its editions are made, which follow it', async () => {
    let open = () => {};
    holder.gate = new Promise((resolve) => (open = resolve));
    const issueId = await readyIssue(1, 'mkfollow');
    await publishIssue(db(), staff, issueId);
    // Published, and answered, while the edition is still being made.
    expect(await db().select({ id: publishedIssues.issueId }).from(publishedIssues)).toEqual([{ id: issueId }]);
    expect(await editionsOf(issueId)).toBe(0);
    open();
    await pdfEditionsIdle();
    expect(await editionsOf(issueId)).toBe(3);
  });

  it('has the static snapshot wait until the editions are stored', async () => {
    const issueId = await readyIssue(2, 'mksnapshot');
    await publishIssue(db(), staff, issueId);
    expect(holder.snapshots.map((s) => s.reason)).toEqual(['第二期已发布']);
    await pdfEditionsIdle();
    // 3 editions of 第一期 and 3 of 第二期 were stored when the snapshot could start.
    expect(await holder.snapshots[0]!.editionsStoredFirst).toBe(6);
  });

  it('never fails a publish when making the editions fails, and makes them at the next change', async () => {
    const error = vi.spyOn(logger, 'error');
    holder.fail = true;
    const failing = await readyIssue(3, 'mkfailing');
    await publishIssue(db(), staff, failing);
    await pdfEditionsIdle();
    expect(await db().select({ id: publishedIssues.issueId }).from(publishedIssues).where(eq(publishedIssues.issueId, failing))).toHaveLength(1);
    expect(await editionsOf(failing)).toBe(0);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ event: 'pdf.failed', issueId: failing }), expect.stringContaining('PDF 版生成失败'));
    error.mockRestore();

    holder.fail = false;
    const next = await readyIssue(4, 'mknext');
    await publishIssue(db(), staff, next);
    await pdfEditionsIdle();
    expect([await editionsOf(failing), await editionsOf(next)]).toEqual([3, 3]);
  });

  it('follows a scheduled publish', async () => {
    const issueId = await readyIssue(5, 'mkscheduledpdf');
    await scheduleIssueAt(db(), staff, issueId, new Date(Date.now() + 3600_000));
    await runDueIssues(db(), silent, new Date(Date.now() + 7200_000));
    await pdfEditionsIdle();
    expect(await editionsOf(issueId)).toBe(3);
  });

  it('takes the editions down with the unpublish itself', async () => {
    const issueId = await readyIssue(6, 'mkwithdrawnpdf');
    await publishIssue(db(), staff, issueId);
    await pdfEditionsIdle();
    expect(await editionsOf(issueId)).toBe(3);
    await unpublishIssue(db(), staff, issueId);
    expect(await editionsOf(issueId)).toBe(0);
  });

  it('makes at start-up the editions a stopped process left missing, then updates the snapshot', async () => {
    const [first] = await db().select({ id: publishedIssues.issueId }).from(publishedIssues).where(eq(publishedIssues.number, 1));
    await db().delete(publishedPdfs).where(eq(publishedPdfs.issueId, first!.id));
    catchUpPdfEditions({ log: silent });
    await pdfEditionsIdle();
    expect(await editionsOf(first!.id)).toBe(3);
    await vi.waitFor(() => expect(holder.snapshots.map((s) => s.reason)).toEqual(['PDF 版已补齐']));
  });

  it('makes none when turned off (CASEBOOK_PDF_EDITIONS=0)', async () => {
    vi.stubEnv('CASEBOOK_PDF_EDITIONS', '0');
    const issueId = await readyIssue(7, 'mkoff');
    await publishIssue(db(), staff, issueId);
    await pdfEditionsIdle();
    expect(await editionsOf(issueId)).toBe(0);
    vi.stubEnv('CASEBOOK_PDF_EDITIONS', '1');
  });
});
