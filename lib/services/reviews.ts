import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, returnReasons, reviewComments, type Case, type ReviewComment } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { approveSchema, caseRefSchema, OTHER_RETURN_REASON, requestChangesSchema } from '@/lib/validations/case';
import { commentRefSchema, commentSchema } from '@/lib/validations/review';
import { can, permissionDenied, stageAt } from '@/lib/workflow';
import { writeAudit } from './audit';
import { changeStatus } from './cases';
import { authorize, inTransaction, parseInput, refuse } from './guard';
import { fail, ok, type Result } from './result';
import { readReviewStages } from './review-stages';

/**
 * Returns a case to its editor from the stage it waits at, with a stock reason and the reviewer's
 * words (required for 其他). The reason and words also open a comment thread on the revision, so the
 * editor answers them where they answer every other comment.
 */
export async function requestChanges(db: Db, actor: Actor, input: unknown): Promise<Result<{ case: Case; comment: ReviewComment }>> {
  const parsed = authorize(actor, 'case.requestChanges', requestChangesSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, reasonId, comment, sectionIndex, stage } = parsed.data;
  return inTransaction(db, async (tx) => {
    const [reason] = await tx.select().from(returnReasons).where(eq(returnReasons.id, reasonId));
    if (!reason || !reason.active) refuse('所选的退回理由已停用或不存在，请刷新页面后重新选择。', { fieldErrors: { reasonId: ['请重新选择退回理由'] } });
    if (reason.label === OTHER_RETURN_REASON && !comment) {
      refuse('退回理由选择“其他”时，必须写明退回意见。', { fieldErrors: { comment: ['选择“其他”时必须写明退回意见'] } });
    }
    const note = { reasonId: reason.id, reasonLabel: reason.label, comment };
    const row = await changeStatus(tx, actor, { caseId, stage }, 'requestChanges', 'case.request_changes', note);
    const body = `【${reason.label}】${comment}`;
    const created = await insertComment(tx, actor, { caseId, revisionId: row.currentRevisionId!, sectionIndex, parentId: null, body });
    return ok({ case: row, comment: created });
  });
}

/**
 * Passes the revision the reviewer read at the stage the case waits at; the last stage's pass
 * approves it. If the case moved on since, nothing is passed.
 */
export async function approve(db: Db, actor: Actor, input: unknown): Promise<Result<{ case: Case; passed: string; next: string | null }>> {
  const parsed = authorize(actor, 'case.approve', approveSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, revisionId, stage } = parsed.data;
  return inTransaction(db, async (tx) => {
    const row = await changeStatus(tx, actor, { caseId, revisionId, stage }, 'approve', 'case.approve');
    // Marks the text as reviewed, so later revisions built on it no longer count its writers.
    if (row.status === 'approved') {
      await tx.update(caseRevisions).set({ approvedAt: new Date(), approvedById: actor.id }).where(eq(caseRevisions.id, revisionId));
    }
    const stages = await readReviewStages(tx);
    const next = row.reviewStage === null ? null : stageAt(stages, row.reviewStage);
    const passed = stageAt(stages, next ? next.position - 1 : stages.length);
    return ok({ case: row, passed: passed.name, next: next?.name ?? null });
  });
}

interface CommentValues {
  caseId: number;
  revisionId: number;
  sectionIndex: number | null;
  parentId: number | null;
  body: string;
}

/**
 * Whose 待办 a comment lands in: a new thread goes to whoever put the case into review (else the
 * current revision's author); a reply goes to the thread's starter, or, when the starter replies, to
 * that same submitter. Never to the writer themselves.
 */
async function addresseeOf(tx: Db, actor: Actor, values: CommentValues): Promise<number | null> {
  const [owner] = await tx
    .select({ submittedById: cases.submittedById, authorId: caseRevisions.authorId })
    .from(cases)
    .leftJoin(caseRevisions, eq(caseRevisions.id, cases.currentRevisionId))
    .where(eq(cases.id, values.caseId));
  const submitter = owner?.submittedById ?? owner?.authorId ?? null;
  let addressee = submitter;
  if (values.parentId !== null) {
    const [thread] = await tx.select({ authorId: reviewComments.authorId }).from(reviewComments).where(eq(reviewComments.id, values.parentId));
    if (thread && thread.authorId !== actor.id) addressee = thread.authorId;
  }
  return addressee === actor.id ? null : addressee;
}

async function insertComment(tx: Db, actor: Actor, values: CommentValues): Promise<ReviewComment> {
  const [revision] = await tx
    .select({ content: caseRevisions.content })
    .from(caseRevisions)
    .where(and(eq(caseRevisions.id, values.revisionId), eq(caseRevisions.caseId, values.caseId)));
  if (!revision) refuse('该版本不属于这个案例。');
  if (values.sectionIndex !== null && values.sectionIndex >= revision.content.sections.length) refuse('该版本没有这个段落。');
  const addresseeId = await addresseeOf(tx, actor, values);
  const [comment] = await tx
    .insert(reviewComments)
    .values({ ...values, authorId: actor.id, addresseeId })
    .returning();
  await writeAudit(tx, {
    actorId: actor.id,
    action: values.parentId ? 'comment.reply' : 'comment.create',
    targetType: 'case',
    targetId: values.caseId,
    after: { commentId: comment!.id, revisionId: values.revisionId, sectionIndex: values.sectionIndex, body: values.body, addresseeId },
  });
  return comment!;
}

/** A new comment on a section of a revision, or a reply in an existing thread. */
export async function addComment(db: Db, actor: Actor, input: unknown): Promise<Result<{ comment: ReviewComment }>> {
  const parsed = parseInput(commentSchema, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const action = data.parentId ? 'comment.reply' : 'comment.create';
  if (!can(actor.role, action)) return fail(permissionDenied(action));
  return inTransaction(db, async (tx) => {
    const [exists] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, data.caseId));
    if (!exists) refuse('案例不存在或已被删除。');
    let values: CommentValues = data;
    if (data.parentId) {
      const [parent] = await tx
        .select()
        .from(reviewComments)
        .where(and(eq(reviewComments.id, data.parentId), eq(reviewComments.caseId, data.caseId)));
      if (!parent) refuse('所回复的意见不存在。');
      // A reply belongs to its thread's anchor, whatever the client sent.
      values = { ...data, parentId: parent.parentId ?? parent.id, revisionId: parent.revisionId, sectionIndex: parent.sectionIndex };
    }
    return ok({ comment: await insertComment(tx, actor, values) });
  });
}

async function setResolved(db: Db, actor: Actor, input: unknown, resolved: boolean): Promise<Result<{ comment: ReviewComment }>> {
  const parsed = authorize(actor, 'comment.resolve', commentRefSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => {
    const [comment] = await tx.select().from(reviewComments).where(eq(reviewComments.id, parsed.data.commentId)).for('update');
    if (!comment) refuse('意见不存在。');
    if (comment.parentId !== null) refuse('请处理整条意见，而不是其中的回复。');
    if ((comment.resolvedAt !== null) === resolved) refuse(resolved ? '这条意见已经处理。' : '这条意见尚未处理。');
    const [updated] = await tx
      .update(reviewComments)
      .set(resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null })
      .where(eq(reviewComments.id, comment.id))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: resolved ? 'comment.resolve' : 'comment.reopen',
      targetType: 'case',
      targetId: comment.caseId,
      before: { commentId: comment.id, resolved: !resolved },
      after: { commentId: comment.id, resolved },
    });
    return ok({ comment: updated! });
  });
}

export const resolveComment = (db: Db, actor: Actor, input: unknown) => setResolved(db, actor, input, true);
export const reopenComment = (db: Db, actor: Actor, input: unknown) => setResolved(db, actor, input, false);

export async function listComments(db: Db, actor: Actor, input: unknown): Promise<Result<{ comments: ReviewComment[] }>> {
  const parsed = authorize(actor, 'case.read', caseRefSchema, input);
  if (!parsed.ok) return parsed;
  const comments = await db
    .select()
    .from(reviewComments)
    .where(eq(reviewComments.caseId, parsed.data.caseId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));
  return ok({ comments });
}
