import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import { auditLog, caseRevisions, cases, issues, publishedCases, publishedIssues, reviewStages } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveCase, withdrawSubmission } from '@/lib/services/cases';
import { loadReviewSettings, saveReviewStages } from '@/lib/services/review-stages';
import { approve } from '@/lib/services/reviews';
import { publishDueIssues, publishIssue, scheduleIssue } from '@/lib/services/publishing';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, secondConnectionUrl, testTarget } from '../support/test-db';
import { must, newCase, readyIssue, submitted } from './helpers';

// Races on both databases. On PostgreSQL the two sides use separate connection pools, as two app
// instances would; on PGlite (one process, one connection) they interleave on one handle.
describe(`concurrency (${testTarget})`, () => {
  let database: Database;
  let second: Database | null = null;
  let db: Db;
  let db2: Db;
  let editor: Actor, editor2: Actor, reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const url = secondConnectionUrl(database);
    second = url ? await openDatabase({ url }) : null;
    db2 = second?.db ?? db;
    editor = await createActor(db, 'editor', '编辑甲');
    editor2 = await createActor(db, 'editor', '编辑乙');
    reviewer = await createActor(db, 'reviewer', '审核丙');
  });
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  it('two saves from the same base version: one wins, one gets a conflict, nothing is lost', async () => {
    const c = await newCase(db, editor);
    const [a, b] = await Promise.all([
      saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ title: '甲的标题' }) }),
      saveCase(db2, editor2, { caseId: c.id, baseVersion: c.version, content: sampleContent({ title: '乙的标题' }) }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    const winnerTitle = a.ok ? '甲的标题' : '乙的标题';
    expect(loser.ok ? null : loser.conflict?.changes).toHaveLength(1);
    const [row] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ title: winnerTitle, version: c.version + 1 });
    const revisions = await db.select().from(caseRevisions).where(eq(caseRevisions.caseId, c.id));
    expect(revisions.map((r) => r.content.title).sort()).toEqual([sampleContent().title, winnerTitle].sort());
  });

  it('a pass to the last stage racing a configuration that removes that stage never strands the case', async () => {
    const admin = await createActor(db, 'admin', '管理员己');
    const [r1, r2] = [await createActor(db, 'reviewer', '审核庚'), await createActor(db, 'reviewer', '审核辛')];
    const stage = (name: string) => ({ name, roles: ['reviewer' as const, 'admin' as const], userIds: [], requiredRounds: 0, returnRestarts: true });
    for (let i = 0; i < 4; i++) {
      const c = await submitted(db, editor);
      must(await approve(db, r1, { caseId: c.id, revisionId: c.currentRevisionId }));
      const { stagesBase } = must(await loadReviewSettings(db, admin));
      // r2 passes 复审 (the case goes on to 终审) while the admin drops 终审.
      await Promise.all([
        approve(db, r2, { caseId: c.id, revisionId: c.currentRevisionId }),
        saveReviewStages(db2, admin, { base: stagesBase, stages: [stage('初审'), stage('复审')] }),
      ]);
      const configured = (await db.select().from(reviewStages)).length;
      const [row] = await db.select().from(cases).where(eq(cases.id, c.id));
      // Either the save waited and refused (the case waits at 终审, which still exists), or the pass
      // saw two stages and approved the case: never a case waiting at a stage that is gone.
      expect(row!.reviewStage === null || row!.reviewStage <= configured, `round ${i}`).toBe(true);
      for (const x of await db.select().from(cases).where(eq(cases.status, 'in_review'))) must(await withdrawSubmission(db, admin, { caseId: x.id, baseVersion: x.version }));
      const { stagesBase: now } = must(await loadReviewSettings(db, admin));
      must(await saveReviewStages(db, admin, { base: now, stages: [stage('初审'), stage('复审'), stage('终审')] }));
    }
  });

  it('two publishers of the same issue at once publish it once', async () => {
    const { issue } = await readyIssue(db, editor, reviewer, 3);
    const other = await createActor(db, 'reviewer', '审核戊');
    const results = await Promise.all([publishIssue(db, reviewer, { issueId: issue.id }), publishIssue(db2, other, { issueId: issue.id })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.select().from(publishedCases).where(eq(publishedCases.issueId, issue.id))).toHaveLength(3);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'issue.publish'), eq(auditLog.targetId, String(issue.id))));
    expect(audits).toHaveLength(1);
  });

  it('a failure in the middle of publishing publishes nothing and writes nothing', async () => {
    const { issue, cases: list } = await readyIssue(db, editor, reviewer, 3);
    // Make the database fail while the second case is being written to the read model.
    await db.execute(sql.raw(`
      create or replace function fail_second_case() returns trigger language plpgsql as $$
      begin
        if new.position = 2 then raise exception 'injected failure'; end if;
        return new;
      end $$`));
    await db.execute(sql.raw('create trigger fail_second_case before insert on published_cases for each row execute function fail_second_case()'));
    try {
      await expect(publishIssue(db, reviewer, { issueId: issue.id })).rejects.toThrow();
    } finally {
      await db.execute(sql.raw('drop trigger fail_second_case on published_cases'));
      await db.execute(sql.raw('drop function fail_second_case()'));
    }
    expect(await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id))).toHaveLength(0);
    expect(await db.select().from(publishedCases).where(eq(publishedCases.issueId, issue.id))).toHaveLength(0);
    const [after] = await db.select().from(issues).where(eq(issues.id, issue.id));
    expect(after).toMatchObject({ status: 'draft', publishedAt: null, version: issue.version });
    const rows = await db.select().from(cases).where(inArray(cases.id, list.map((c) => c.id)));
    expect(rows.map((r) => [r.status, r.publishedRevisionId])).toEqual(list.map(() => ['approved', null]));
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'issue.publish'), eq(auditLog.targetId, String(issue.id))));
    expect(audits).toHaveLength(0);
    // And once the fault is gone, the same issue publishes.
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
  });

  it('two workers racing over due issues publish each exactly once', async () => {
    const now = new Date();
    const at = new Date(now.getTime() + 60_000);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { issue } = await readyIssue(db, editor, reviewer, 2);
      must(await scheduleIssue(db, reviewer, { issueId: issue.id, scheduledAt: at.toISOString() }, now));
      ids.push(issue.id);
    }
    expect((await publishDueIssues(db, now)).published).toEqual([]);
    const due = new Date(at.getTime() + 1000);
    const [a, b, c] = await Promise.all([publishDueIssues(db, due), publishDueIssues(db2, due), publishDueIssues(db2, due)]);
    const all = [...a.published, ...b.published, ...c.published].sort((x, y) => x - y);
    expect(all).toEqual(ids);
    const rows = await db.select().from(issues).where(inArray(issues.id, ids));
    expect(rows.every((r) => r.status === 'published' && r.scheduledAt === null)).toBe(true);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'issue.publish'), inArray(auditLog.targetId, ids.map(String))));
    expect(audits).toHaveLength(4);
    expect(audits.every((e) => e.actorId === null)).toBe(true);
  });

  it('a scheduled issue that is no longer publishable goes back to draft with the reason audited', async () => {
    const now = new Date();
    const { issue, cases: [c] } = await readyIssue(db, editor, reviewer, 1);
    must(await scheduleIssue(db, reviewer, { issueId: issue.id, scheduledAt: new Date(now.getTime() + 60_000) }, now));
    // No service changes a scheduled issue's cases any more; what is left is a rule that changed in
    // between (a newer release's checks) or data written by other means, played here by hand.
    await db.update(cases).set({ status: 'draft', approvedRevisionId: null }).where(eq(cases.id, c!.id));
    const run = await publishDueIssues(db, new Date(now.getTime() + 120_000));
    expect(run.published).toEqual([]);
    expect(run.failed).toEqual([expect.objectContaining({ issueId: issue.id })]);
    const [row] = await db.select().from(issues).where(eq(issues.id, issue.id));
    expect(row).toMatchObject({ status: 'draft', scheduledAt: null });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'issue.schedule_failed'), eq(auditLog.targetId, String(issue.id))))).toHaveLength(1);
    expect(await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id))).toHaveLength(0);
  });
});
