import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { createLogger } from '@/lib/log';
import { runDueIssues } from '@/lib/scheduler/run-due';
import { scheduleIssue } from '@/lib/services/publishing';
import { createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, readyIssue } from '../workflow/helpers';

// What an operator reads when the scheduler runs: the issue as readers know it (第N期), not the
// internal row id that the log used to print as if it were the number ("第1号期").
describe(`scheduled publishing logs issues by their number (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor', '编辑甲');
    reviewer = await createActor(db, 'reviewer', '审核丙');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('says 第N期 with the issue number in a structured line', async () => {
    const now = new Date();
    const { issue } = await readyIssue(db, editor, reviewer, 1);
    // The helpers number issues from 100, so the number and the row id differ.
    expect(issue.number).toBe(100);
    expect(issue.id).not.toBe(100);
    must(await scheduleIssue(db, reviewer, { issueId: issue.id, scheduledAt: new Date(now.getTime() + 60_000) }, now));
    const lines: string[] = [];
    const log = createLogger({ write: (line: string) => void lines.push(line) }, 'info');

    const run = await runDueIssues(db, log, new Date(now.getTime() + 120_000));

    expect(run.published).toEqual([issue.id]);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 'info', event: 'issue.publish', scheduled: true, issueNumber: 100, issueId: issue.id });
    expect(entries[0]!.msg).toBe('[定时发布] 第一百期已按计划发布');
    expect(lines.join('')).not.toContain('号期');
  });
});
