import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, reviewComments, type Case, type ReviewComment } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { approveSchema, caseRefSchema, requestChangesSchema } from '@/lib/validations/case';
import { commentRefSchema, commentSchema } from '@/lib/validations/review';
import { can, permissionDenied } from '@/lib/workflow';
import { writeAudit } from './audit';
import { changeStatus } from './cases';
import { authorize, inTransaction, parseInput, refuse } from './guard';
import { fail, ok, type Result } from './result';

/** Sends a case back to its editor; the reason is a comment on the revision under review. */
export async function requestChanges(db: Db, actor: Actor, input: unknown): Promise<Result<{ case: Case; comment: ReviewComment }>> {
  const parsed = authorize(actor, 'case.requestChanges', requestChangesSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, comment, sectionIndex } = parsed.data;
  return inTransaction(db, async (tx) => {
    const row = await changeStatus(tx, actor, { caseId }, 'requestChanges', 'case.request_changes', () => ({ lastReviewerId: actor.id }));
    const created = await insertComment(tx, actor, { caseId, revisionId: row.currentRevisionId!, sectionIndex, parentId: null, body: comment });
    return ok({ case: row, comment: created });
  });
}

/** Approves the revision the reviewer read; if the case moved on since, nothing is approved. */
export async function approve(db: Db, actor: Actor, input: unknown): Promise<Result<{ case: Case }>> {
  const parsed = authorize(actor, 'case.approve', approveSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, revisionId } = parsed.data;
  return inTransaction(db, async (tx) => {
    const row = await changeStatus(tx, actor, { caseId }, 'approve', 'case.approve', (locked) => {
      if (locked.currentRevisionId !== revisionId) refuse('你审阅的不是最新版本：案例在你审阅期间已被修改，请查看最新版本后再审核。');
      return { approvedRevisionId: revisionId, lastReviewerId: actor.id };
    });
    // Marks the text as reviewed, so later revisions built on it no longer count its writers.
    await tx.update(caseRevisions).set({ approvedAt: new Date(), approvedById: actor.id }).where(eq(caseRevisions.id, revisionId));
    return ok({ case: row });
  });
}

interface CommentValues {
  caseId: number;
  revisionId: number;
  sectionIndex: number | null;
  parentId: number | null;
  body: string;
}

async function insertComment(tx: Db, actor: Actor, values: CommentValues): Promise<ReviewComment> {
  const [revision] = await tx
    .select({ content: caseRevisions.content })
    .from(caseRevisions)
    .where(and(eq(caseRevisions.id, values.revisionId), eq(caseRevisions.caseId, values.caseId)));
  if (!revision) refuse('该版本不属于这个案例。');
  if (values.sectionIndex !== null && values.sectionIndex >= revision.content.sections.length) refuse('该版本没有这个段落。');
  const [comment] = await tx
    .insert(reviewComments)
    .values({ ...values, authorId: actor.id })
    .returning();
  await writeAudit(tx, {
    actorId: actor.id,
    action: values.parentId ? 'comment.reply' : 'comment.create',
    targetType: 'case',
    targetId: values.caseId,
    after: { commentId: comment!.id, revisionId: values.revisionId, sectionIndex: values.sectionIndex, body: values.body },
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
