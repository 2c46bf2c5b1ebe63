'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { submitForReview, saveCase, withdrawSubmission } from '@/lib/services/cases';
import { addComment, approve, reopenComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import { restoreRevision } from '@/lib/services/revisions';
import { ok } from '@/lib/services/result';
import { commentRefSchema, commentSchema } from '@/lib/validations/review';
import { restoreRevisionSchema } from '@/lib/validations/revision';
import { approveSchema, caseRefSchema, caseStatusChangeSchema, requestChangesSchema, saveCaseSchema } from '@/lib/validations/case';

const touched = (caseId: number) => {
  revalidatePath(`/admin/cases/${caseId}`, 'layout');
  revalidatePath('/admin/cases');
  revalidatePath('/admin');
};

/** Saves the editor's content as a new revision; a stale base version comes back as a conflict. */
export const saveCaseAction = adminAction(saveCaseSchema, async (input, actor) => {
  const result = await saveCase(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({
    version: result.case.version,
    status: result.case.status,
    message: result.revision ? `已保存为第${result.revision.number}版。` : '内容没有变化，无需保存。',
  });
});

export const submitCaseAction = adminAction(caseStatusChangeSchema, async (input, actor) => {
  const result = await submitForReview(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({ version: result.case.version, status: result.case.status, message: '已提交审核。' });
});

export const withdrawCaseAction = adminAction(caseStatusChangeSchema, async (input, actor) => {
  const result = await withdrawSubmission(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({ version: result.case.version, status: result.case.status, message: '已撤回提交，案例回到草稿。' });
});

export const requestChangesAction = adminAction(requestChangesSchema, async (input, actor) => {
  const result = await requestChanges(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({ message: '已退回修改，编辑会看到你的意见。' });
});

export const approveAction = adminAction(approveSchema, async (input, actor) => {
  const result = await approve(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({ message: '已审核通过。' });
});

export const commentAction = adminAction(commentSchema, async (input, actor) => {
  const result = await addComment(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({ message: '意见已发表。' });
});

const resolveSchema = commentRefSchema.extend({ caseId: caseRefSchema.shape.caseId, resolved: z.boolean() });

/** Marks a comment handled, or opens it again. */
export const resolveCommentAction = adminAction(resolveSchema, async ({ commentId, caseId, resolved }, actor) => {
  const db = await getDb();
  const result = resolved ? await resolveComment(db, actor, { commentId }) : await reopenComment(db, actor, { commentId });
  if (!result.ok) return result;
  touched(caseId);
  return ok({ message: resolved ? '意见已标记为已处理。' : '意见已重新打开。' });
});

export const restoreRevisionAction = adminAction(restoreRevisionSchema, async (input, actor) => {
  const result = await restoreRevision(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.caseId);
  return ok({ message: result.revision ? `已恢复为新的第${result.revision.number}版。` : '该版本与当前内容相同，无需恢复。' });
});
