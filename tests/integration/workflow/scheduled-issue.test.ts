import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import { caseRevisions, cases, issues, publishedCases } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveCase } from '@/lib/services/cases';
import { addCaseToIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { publishDueIssues, publishIssue, scheduleIssue, unscheduleIssue } from '@/lib/services/publishing';
import type { Result } from '@/lib/services/result';
import { restoreRevision } from '@/lib/services/revisions';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, secondConnectionUrl, testTarget } from '../support/test-db';
import { must, newCase, readyIssue } from './helpers';

// What a reviewer schedules is what goes out: while an issue is scheduled nothing in it changes.
describe(`a scheduled issue is frozen until unscheduled (${testTarget})`, () => {
  let database: Database;
  let second: Database | null = null;
  let db: Db;
  let db2: Db;
  let editor: Actor, reviewer: Actor, admin: Actor;
  const now = new Date();
  const at = new Date(now.getTime() + 3_600_000);
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const url = secondConnectionUrl(database);
    second = url ? await openDatabase({ url }) : null;
    db2 = second?.db ?? db;
    editor = await createActor(db, 'editor', '编辑甲');
    reviewer = await createActor(db, 'reviewer', '审核丙');
    admin = await createActor(db, 'admin', '管理员丁');
  });
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  async function scheduledIssue(n = 2) {
    const ready = await readyIssue(db, editor, reviewer, n);
    const issue = must(await scheduleIssue(db, reviewer, { issueId: ready.issue.id, scheduledAt: at }, now)).issue;
    return { issue, cases: ready.cases };
  }
  const snapshot = async (issueId: number) => ({
    issue: (await db.select().from(issues).where(eq(issues.id, issueId)))[0]!,
    cases: (await db.select().from(cases).where(eq(cases.issueId, issueId))).sort((a, b) => a.position! - b.position!),
  });
  const refusal = (r: Result) => (r.ok ? 'ok' : r.message);

  it('refuses changes to number, theme and foreword, naming the schedule, for editors and admins alike', async () => {
    const { issue } = await scheduledIssue(1);
    const before = await snapshot(issue.id);
    for (const actor of [editor, admin]) {
      const r = await updateIssue(db, actor, { issueId: issue.id, baseVersion: issue.version, number: issue.number, title: '排期后改的主题', foreword: '' });
      expect(refusal(r)).toMatch(/^第.+期已排期在\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}发布，请先取消排期再修改。$/u);
    }
    expect(await snapshot(issue.id)).toEqual(before);
  });

  it('refuses adding, removing and reordering its cases', async () => {
    const { issue, cases: list } = await scheduledIssue(2);
    const outsider = await newCase(db, editor);
    const before = await snapshot(issue.id);
    const results = [
      await addCaseToIssue(db, editor, { issueId: issue.id, caseId: outsider.id }),
      await removeCaseFromIssue(db, editor, { issueId: issue.id, caseId: list[0]!.id }),
      await reorderCases(db, admin, { issueId: issue.id, caseIds: list.map((c) => c.id).reverse() }),
    ];
    for (const r of results) expect(refusal(r)).toMatch(/已排期在.+请先取消排期再调整本期案例。/u);
    expect(await snapshot(issue.id)).toEqual(before);
    expect((await db.select().from(cases).where(eq(cases.id, outsider.id)))[0]!.issueId).toBeNull();
  });

  it('refuses editing or restoring the content of its cases, so unreviewed text cannot ride along', async () => {
    const { issue, cases: [c] } = await scheduledIssue(1);
    const revisionsBefore = await db.select().from(caseRevisions).where(eq(caseRevisions.caseId, c!.id));
    const saved = await saveCase(db, editor, { caseId: c!.id, baseVersion: c!.version, content: sampleContent({ lead: '未经审核的改动' }) });
    expect(refusal(saved)).toMatch(/^本案例所在的第.+期已排期在.+发布，请先取消排期再修改。$/u);
    const restored = await restoreRevision(db, admin, { caseId: c!.id, revisionId: c!.currentRevisionId!, baseVersion: c!.version });
    expect(refusal(restored)).toContain('请先取消排期');
    expect(await db.select().from(caseRevisions).where(eq(caseRevisions.caseId, c!.id))).toEqual(revisionsBefore);
    expect((await db.select().from(cases).where(eq(cases.id, c!.id)))[0]).toMatchObject({ status: 'approved', version: c!.version });
    // And at its time the issue goes out as scheduled, with the approved text.
    const run = await publishDueIssues(db, new Date(at.getTime() + 1000));
    expect(run.published).toContain(issue.id);
    expect((await db.select().from(publishedCases).where(eq(publishedCases.caseId, c!.id)))[0]!.lead).toBe(sampleContent().lead);
  });

  it('once unscheduled, the issue and its cases can be changed again', async () => {
    const { issue, cases: list } = await scheduledIssue(2);
    const unscheduled = must(await unscheduleIssue(db, reviewer, { issueId: issue.id })).issue;
    must(await updateIssue(db, editor, { issueId: issue.id, baseVersion: unscheduled.version, number: issue.number, title: '取消排期后改的主题', foreword: '' }));
    must(await reorderCases(db, editor, { issueId: issue.id, caseIds: list.map((c) => c.id).reverse() }));
    const edited = must(await saveCase(db, editor, { caseId: list[0]!.id, baseVersion: list[0]!.version, content: sampleContent({ lead: '取消排期后的改动' }) }));
    expect(edited.case.status).toBe('draft');
  });

  it('a published issue keeps its cases until unpublished, but its theme may be edited for the next publish', async () => {
    const { issue: ready } = await readyIssue(db, editor, reviewer, 1);
    const published = must(await publishIssue(db, reviewer, { issueId: ready.id })).issue;
    const r = await reorderCases(db, editor, { issueId: ready.id, caseIds: [] });
    expect(refusal(r)).toMatch(/已发布，请先撤回发布再调整本期案例。$/u);
    must(await updateIssue(db, editor, { issueId: ready.id, baseVersion: published.version, number: ready.number, title: '下次发布的主题', foreword: '' }));
  });

  it('an edit racing a schedule: never a scheduled issue holding an unapproved case', async () => {
    for (let round = 0; round < 3; round++) {
      const { issue, cases: [c] } = await readyIssue(db, editor, reviewer, 1);
      const [saved, scheduled] = await Promise.all([
        saveCase(db, editor, { caseId: c!.id, baseVersion: c!.version, content: sampleContent({ lead: `竞争中的改动${round}` }) }),
        scheduleIssue(db2, reviewer, { issueId: issue.id, scheduledAt: at }, now),
      ]);
      expect([saved.ok, scheduled.ok]).not.toEqual([true, true]);
      expect(saved.ok || scheduled.ok).toBe(true);
      const after = await snapshot(issue.id);
      if (after.issue.status === 'scheduled') expect(after.cases.map((x) => x.status)).toEqual(['approved']);
    }
  });
});
