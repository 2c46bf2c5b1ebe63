'use server';
import type { Db } from '@/db/client';
import { adminAction } from '@/lib/admin/action';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/services/guard';
import { addComment, approve, reopenComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import { recordRound } from '@/lib/services/proofreading-rounds';
import { restoreRevision } from '@/lib/services/revisions';
import { approveSchema, requestChangesSchema } from '@/lib/validations/case';
import { commentSchema, resolveCommentSchema } from '@/lib/validations/review';
import { restoreRevisionSchema } from '@/lib/validations/revision';
import { recordRoundSchema } from '@/lib/validations/stages';
import { roundLabel } from '@/lib/workflow';
import { revalidateCase } from './revalidate';

export const requestChangesAction = adminAction(requestChangesSchema, {
  run: requestChanges,
  reply: () => ({ message: '已退回修改，编辑会看到退回理由和你的意见。' }),
  revalidate: (r) => revalidateCase(r.case.id),
});

/** Passes the stage the case waits at; the last stage's pass approves it. */
export const approveAction = adminAction(approveSchema, {
  run: approve,
  reply: (r) => ({
    message: r.next ? `${r.passed}通过，案例已转入${r.next}。` : `${r.passed}通过，案例已审核通过，可以随所在的一期发布。`,
  }),
  revalidate: (r) => revalidateCase(r.case.id),
});

/** 记录校次 on the revision the reviewer read. */
export const recordRoundAction = adminAction(recordRoundSchema, {
  run: recordRound,
  reply: (r) => ({ message: `已记录${roundLabel(r.round.round)}：校对发现错误${r.round.errors}处、提醒${r.round.warnings}处。` }),
  revalidate: (r) => revalidateCase(r.round.caseId),
});

export const commentAction = adminAction(commentSchema, {
  run: addComment,
  reply: () => ({ message: '意见已发表。' }),
  revalidate: (r) => revalidateCase(r.comment.caseId),
});

/** One action for both directions; the services check the comment and the permission. */
async function setResolved(db: Db, actor: Actor, input: unknown) {
  const parsed = parseInput(resolveCommentSchema, input);
  if (!parsed.ok) return parsed;
  const { commentId, resolved } = parsed.data;
  return resolved ? resolveComment(db, actor, { commentId }) : reopenComment(db, actor, { commentId });
}

/** Marks a comment handled, or opens it again. */
export const resolveCommentAction = adminAction(resolveCommentSchema, {
  run: setResolved,
  reply: (r) => ({ message: r.comment.resolvedAt ? '意见已标记为已处理。' : '意见已重新打开。' }),
  // The comment's own case, as stored, rather than the one the client named.
  revalidate: (r) => revalidateCase(r.comment.caseId),
});

export const restoreRevisionAction = adminAction(restoreRevisionSchema, {
  run: restoreRevision,
  reply: (r) => ({ message: r.revision ? `已恢复为新的第${r.revision.number}版。` : '该版本与当前内容相同，无需恢复。' }),
  revalidate: (r) => revalidateCase(r.case.id),
});
