'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { revalidatePublicSite } from '@/lib/public/cache';
import { addCaseToIssue, createIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { publishIssue, scheduleIssue, unpublishIssue, unscheduleIssue } from '@/lib/services/publishing';
import { ok } from '@/lib/services/result';
import { createIssueSchema, issueCaseSchema, issueRefSchema, reorderCasesSchema, scheduleIssueSchema, updateIssueSchema } from '@/lib/validations/issue';

const touched = (issueId?: number) => {
  revalidatePath('/admin', 'layout');
  if (issueId) revalidatePath(`/admin/issues/${issueId}`);
};

export const createIssueAction = adminAction(createIssueSchema, async (input, actor) => {
  const result = await createIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched();
  return ok({ issueId: result.issue.id, message: `已创建第${result.issue.number}期。` });
});

export const updateIssueAction = adminAction(updateIssueSchema, async (input, actor) => {
  const result = await updateIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  return ok({ version: result.issue.version, message: '已保存。' });
});

export const addCaseAction = adminAction(issueCaseSchema, async (input, actor) => {
  const result = await addCaseToIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  return ok({ message: `已加入本期，为典型做法之${result.position}。` });
});

export const removeCaseAction = adminAction(issueCaseSchema, async (input, actor) => {
  const result = await removeCaseFromIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  return ok({ message: '已移出本期，其余案例已重新编号。' });
});

export const reorderCasesAction = adminAction(reorderCasesSchema, async (input, actor) => {
  const result = await reorderCases(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  return ok({ message: '顺序已保存。' });
});

export const publishIssueAction = adminAction(issueRefSchema, async (input, actor) => {
  const result = await publishIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  revalidatePublicSite();
  return ok({ message: '已发布，读者现在可以看到本期。' });
});

export const unpublishIssueAction = adminAction(issueRefSchema, async (input, actor) => {
  const result = await unpublishIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  revalidatePublicSite();
  return ok({ message: '已撤回发布，公众网站不再显示本期。' });
});

export const scheduleIssueAction = adminAction(scheduleIssueSchema, async (input, actor) => {
  const result = await scheduleIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  return ok({ message: '已设定定时发布。' });
});

export const unscheduleIssueAction = adminAction(issueRefSchema, async (input, actor) => {
  const result = await unscheduleIssue(await getDb(), actor, input);
  if (!result.ok) return result;
  touched(input.issueId);
  return ok({ message: '已取消定时发布。' });
});
