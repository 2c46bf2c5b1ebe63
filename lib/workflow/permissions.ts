import type { Role } from '@/lib/content/model';

// Who may do what: the one table every service consults. Pure data, no database.

export const ACTIONS = [
  'case.read',
  'case.create',
  'case.edit',
  'case.submit',
  'case.withdraw',
  'case.requestChanges',
  'case.approve',
  'case.proofread',
  'comment.create',
  'comment.reply',
  'comment.resolve',
  'issue.create',
  'issue.edit',
  'issue.arrange',
  'issue.publish',
  'issue.unpublish',
  'issue.schedule',
  'account.manage',
  'account.unlockSignIn',
  'account.changeOwnPassword',
  'account.notificationPreferences',
  'settings.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const EDITOR: readonly Action[] = [
  'case.read',
  'case.create',
  'case.edit',
  'case.submit',
  'case.withdraw',
  // Editors answer and settle review comments; starting a review thread is the reviewer's job.
  'comment.reply',
  'comment.resolve',
  'issue.create',
  'issue.edit',
  'issue.arrange',
  'account.changeOwnPassword',
  'account.notificationPreferences',
];

const REVIEWER: readonly Action[] = [
  'case.read',
  'case.requestChanges',
  'case.approve',
  'case.proofread',
  'comment.create',
  'comment.reply',
  'comment.resolve',
  'issue.publish',
  'issue.unpublish',
  'issue.schedule',
  'account.changeOwnPassword',
  'account.notificationPreferences',
];

export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  editor: EDITOR,
  reviewer: REVIEWER,
  admin: ACTIONS,
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** The refusal shown when a role lacks a permission. */
export const ACTION_LABELS: Record<Action, string> = {
  'case.read': '查看案例',
  'case.create': '新建案例',
  'case.edit': '修改案例内容',
  'case.submit': '提交审核',
  'case.withdraw': '撤回提交',
  'case.requestChanges': '退回修改',
  'case.approve': '审核通过',
  'case.proofread': '记录校次',
  'comment.create': '发表审核意见',
  'comment.reply': '回复审核意见',
  'comment.resolve': '处理审核意见',
  'issue.create': '新建一期',
  'issue.edit': '修改一期',
  'issue.arrange': '调整本期案例',
  'issue.publish': '发布',
  'issue.unpublish': '撤回发布',
  'issue.schedule': '定时发布',
  'account.manage': '管理账号',
  'account.unlockSignIn': '解除登录限制',
  'account.changeOwnPassword': '修改密码',
  'account.notificationPreferences': '修改通知设置',
  'settings.manage': '修改审核流程与期刊设置',
};

export function permissionDenied(action: Action): string {
  return `你没有“${ACTION_LABELS[action]}”的权限。`;
}
