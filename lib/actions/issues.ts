'use server';
import { adminAction } from '@/lib/admin/action';
import { revalidatePublicSite } from '@/lib/public/cache';
import { addCaseToIssue, createIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { publishIssue, scheduleIssue, unpublishIssue, unscheduleIssue } from '@/lib/services/publishing';
import { publishIssueSchema } from '@/lib/validations/correction';
import { createIssueSchema, issueCaseSchema, issueRefSchema, reorderCasesSchema, scheduleIssueSchema, updateIssueSchema } from '@/lib/validations/issue';
import { revalidateAdmin } from './revalidate';
import { issueLabel } from '@/lib/content/numerals';

/** A publish or unpublish changes the public site as well as the admin. */
function revalidateEverywhere(): void {
  revalidateAdmin();
  revalidatePublicSite();
}

export const createIssueAction = adminAction(createIssueSchema, {
  run: createIssue,
  reply: (r) => ({ issueId: r.issue.id, message: `已创建${issueLabel(r.issue.number)}。` }),
  revalidate: revalidateAdmin,
});

export const updateIssueAction = adminAction(updateIssueSchema, {
  run: updateIssue,
  reply: (r) => ({ version: r.issue.version, message: '已保存。' }),
  revalidate: revalidateAdmin,
});

export const addCaseAction = adminAction(issueCaseSchema, {
  run: addCaseToIssue,
  reply: (r) => ({ message: `已加入本期，为典型做法之${r.position}。` }),
  revalidate: revalidateAdmin,
});

export const removeCaseAction = adminAction(issueCaseSchema, {
  run: removeCaseFromIssue,
  reply: () => ({ message: '已移出本期，其余案例已重新编号。' }),
  revalidate: revalidateAdmin,
});

export const reorderCasesAction = adminAction(reorderCasesSchema, {
  run: reorderCases,
  reply: () => ({ message: '顺序已保存。' }),
  revalidate: revalidateAdmin,
});

export const publishIssueAction = adminAction(publishIssueSchema, {
  run: publishIssue,
  reply: () => ({ message: '已发布，读者现在可以看到本期。' }),
  revalidate: revalidateEverywhere,
});

export const unpublishIssueAction = adminAction(issueRefSchema, {
  run: unpublishIssue,
  reply: () => ({ message: '已撤回发布，公众网站不再显示本期。' }),
  revalidate: revalidateEverywhere,
});

export const scheduleIssueAction = adminAction(scheduleIssueSchema, {
  run: scheduleIssue,
  reply: () => ({ message: '已设定定时发布。' }),
  revalidate: revalidateAdmin,
});

export const unscheduleIssueAction = adminAction(issueRefSchema, {
  run: unscheduleIssue,
  reply: () => ({ message: '已取消定时发布。' }),
  revalidate: revalidateAdmin,
});
