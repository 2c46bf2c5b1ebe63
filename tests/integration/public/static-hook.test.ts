import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { runDueIssues } from '@/lib/scheduler/run-due';
import { publishIssue as publishService } from '@/lib/services/publishing';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, createStaff, markedContent, publishIssue, scheduleIssueAt, unpublishIssue, type Staff } from './content';

// Every committed change to what the public sees asks for the static snapshot to follow: a publish,
// an unpublish, a scheduled publish. A refused publish changes nothing and asks for nothing.

const job = vi.hoisted(() => ({ reasons: [] as string[] }));
vi.mock('@/lib/static/job', () => ({ scheduleSnapshot: (reason: string) => job.reasons.push(reason) }));

describe(`static snapshot after publishing (${testTarget})`, () => {
  let database: Database;
  let staff: Staff;
  const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Parameters<typeof runDueIssues>[1];

  beforeAll(async () => {
    database = await createTestDatabase();
    staff = await createStaff(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(() => {
    job.reasons = [];
  });

  it('follows a publish and an unpublish, once each, after they committed', async () => {
    const { db } = database;
    const issue = await createIssue(db, staff, 1, '第一期');
    await addCase(db, staff, markedContent('mkhook'), issue, 'approved');
    await publishIssue(db, staff, issue);
    expect(job.reasons).toEqual(['第一期已发布']);
    await unpublishIssue(db, staff, issue);
    expect(job.reasons).toEqual(['第一期已发布', '第一期已撤回发布']);
  });

  it('follows a scheduled publish when it happens', async () => {
    const { db } = database;
    const issue = await createIssue(db, staff, 2, '第二期');
    await addCase(db, staff, markedContent('mkscheduledhook'), issue, 'approved');
    await scheduleIssueAt(db, staff, issue, new Date(Date.now() + 3600_000));
    expect(job.reasons).toEqual([]);
    await runDueIssues(db, silent, new Date(Date.now() + 7200_000));
    expect(job.reasons).toEqual(['定时发布第二期']);
  });

  it('asks for nothing when a publish is refused', async () => {
    const { db } = database;
    const issue = await createIssue(db, staff, 3, '第三期');
    await addCase(db, staff, markedContent('mkdrafthook'), issue, 'draft');
    const refused = await publishService(db, staff.reviewer, { issueId: issue });
    expect(refused.ok).toBe(false);
    await runDueIssues(db, silent, new Date());
    expect(job.reasons).toEqual([]);
  });
});
