import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issues, type Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { dematerializeIssue, materializeIssue } from '@/lib/publication/materialize';
import { publishIssueSchema } from '@/lib/validations/correction';
import { issueRefSchema, scheduleIssueSchema } from '@/lib/validations/issue';
import { issueTransition, type IssueEvent } from '@/lib/workflow';
import { assertCorrectionNotes, auditCorrection, pendingCorrections, recordCorrection } from './corrections';
import { authorize, inTransaction, Refusal, refuse } from './guard';
import { lockIssue } from './issues';
import { logIssueOutcome } from './publishing-log';
import { assertPublishable, hasUnpublishedChanges } from './publish-gate';
import { fail, ok, type Result } from './result';
import { updateIssueVersioned } from './versioned-update';

type IssueResult = Result<{ issue: Issue }>;

/**
 * Publishes a locked issue and all its cases; the caller's transaction makes it all or nothing. A
 * case already public whose text this changes is a correction and needs its note (lib/services/corrections.ts).
 */
async function publishLocked(tx: Db, issue: Issue, now: Date, actorId: number | null, notes: ReadonlyMap<number, string> = new Map()): Promise<Issue> {
  const rows = await assertPublishable(tx, issue);
  if (issue.status === 'published' && !(await hasUnpublishedChanges(tx, issue, rows))) {
    refuse('本期已经发布，没有新的内容需要发布。');
  }
  const pending = await pendingCorrections(tx, rows);
  assertCorrectionNotes(pending, notes);
  for (const p of pending.filter((c) => c.changed)) {
    const note = notes.get(p.caseId)!;
    await recordCorrection(tx, actorId, p, note, now);
    await auditCorrection(tx, actorId, p, note);
  }
  await materializeIssue(tx, issue.id, now, { gateChecked: true });
  return updateIssueVersioned(tx, issue, {
    actorId,
    action: 'issue.publish',
    // Out of its scheduler's 待办 once published.
    set: { scheduledById: null },
    before: { status: issue.status },
    after: {
      status: 'published',
      scheduled: actorId === null,
      cases: rows.map((c) => ({ caseId: c.id, position: c.position, status: c.status })),
    },
  });
}

async function lockForEvent(tx: Db, actor: Actor, issueId: number, event: IssueEvent): Promise<Issue> {
  const issue = await lockIssue(tx, issueId);
  const next = issueTransition(issue.status, event, actor.role);
  if (!next.ok) refuse(next.reason);
  return issue;
}

/** Publishes now. Two reviewers pressing 发布 at once publish it once: the second waits for the
 *  row lock, then finds nothing new to publish. */
export async function publishIssue(db: Db, actor: Actor, input: unknown, now: Date = new Date()): Promise<IssueResult> {
  const parsed = authorize(actor, 'issue.publish', publishIssueSchema, input);
  if (!parsed.ok) return parsed;
  const notes = new Map(parsed.data.corrections.map((c) => [c.caseId, c.note]));
  return inTransaction(db, async (tx) => {
    const issue = await lockForEvent(tx, actor, parsed.data.issueId, 'publish');
    return ok({ issue: await publishLocked(tx, issue, now, actor.id, notes) });
  }).then((result) => logIssueOutcome('issue.publish', actor, result));
}

/** Takes an issue off the public site; its cases return to approved, ready to be published again. */
export async function unpublishIssue(db: Db, actor: Actor, input: unknown): Promise<IssueResult> {
  const parsed = authorize(actor, 'issue.unpublish', issueRefSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => {
    const issue = await lockForEvent(tx, actor, parsed.data.issueId, 'unpublish');
    await dematerializeIssue(tx, issue.id);
    await tx.update(cases).set({ status: 'approved' }).where(and(eq(cases.issueId, issue.id), eq(cases.status, 'published')));
    await tx.update(cases).set({ publishedRevisionId: null, publishedErrors: 0 }).where(eq(cases.issueId, issue.id));
    const updated = await updateIssueVersioned(tx, issue, {
      actorId: actor.id,
      action: 'issue.unpublish',
      set: { status: 'draft', publishedAt: null },
      before: { status: issue.status, publishedAt: issue.publishedAt },
      after: { status: 'draft' },
    });
    return ok({ issue: updated });
  }).then((result) => logIssueOutcome('issue.unpublish', actor, result));
}

/** Sets (or moves) the time an issue goes out; it must be publishable now and the time in the future. */
export async function scheduleIssue(db: Db, actor: Actor, input: unknown, now: Date = new Date()): Promise<IssueResult> {
  const parsed = authorize(actor, 'issue.schedule', scheduleIssueSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, scheduledAt } = parsed.data;
  if (scheduledAt.getTime() <= now.getTime()) {
    return fail('发布时间必须晚于现在。', { scheduledAt: ['发布时间必须晚于现在；要立即发布请直接点“发布”'] });
  }
  return inTransaction(db, async (tx) => {
    const issue = await lockForEvent(tx, actor, issueId, 'schedule');
    await assertPublishable(tx, issue);
    const updated = await updateIssueVersioned(tx, issue, {
      actorId: actor.id,
      action: 'issue.schedule',
      // Whoever sets the time finds the issue in their 待办 until it goes out.
      set: { status: 'scheduled', scheduledAt, scheduledById: actor.id },
      before: { status: issue.status, scheduledAt: issue.scheduledAt },
      after: { status: 'scheduled', scheduledAt },
    });
    return ok({ issue: updated });
  });
}

export async function unscheduleIssue(db: Db, actor: Actor, input: unknown): Promise<IssueResult> {
  const parsed = authorize(actor, 'issue.schedule', issueRefSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => {
    const issue = await lockForEvent(tx, actor, parsed.data.issueId, 'unschedule');
    const updated = await updateIssueVersioned(tx, issue, {
      actorId: actor.id,
      action: 'issue.unschedule',
      set: { status: 'draft', scheduledAt: null, scheduledById: null },
      before: { status: issue.status, scheduledAt: issue.scheduledAt },
      after: { status: 'draft', scheduledAt: null },
    });
    return ok({ issue: updated });
  });
}

export interface DueRun {
  published: number[];
  failed: { issueId: number; message: string; details: string[] }[];
}

/**
 * Publishes every issue whose time has come, each in its own transaction. Several workers may run
 * this at once: SKIP LOCKED hands each due issue to exactly one of them, and once committed it is
 * no longer scheduled. An issue that can no longer be published goes back to draft, with the
 * reasons in the audit log, instead of being retried forever.
 */
export async function publishDueIssues(db: Db, now: Date = new Date()): Promise<DueRun> {
  const run: DueRun = { published: [], failed: [] };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(issues)
        .where(and(eq(issues.status, 'scheduled'), lte(issues.scheduledAt, now)))
        .orderBy(asc(issues.scheduledAt), asc(issues.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return false;
      try {
        await publishLocked(tx, due, now, null);
        run.published.push(due.id);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        // Refusals happen before any write, so the transaction is still clean to record the failure in.
        const details = error.failure.details ?? [];
        await updateIssueVersioned(tx, due, {
          actorId: null,
          action: 'issue.schedule_failed',
          set: { status: 'draft', scheduledAt: null, scheduledById: null },
          before: { status: 'scheduled', scheduledAt: due.scheduledAt },
          after: { status: 'draft', reason: error.failure.message, details },
        });
        run.failed.push({ issueId: due.id, message: error.failure.message, details });
      }
      return true;
    });
    if (!done) return run;
  }
}
