// The audit vocabulary: every action name the services write, with its one Chinese label. writeAudit
// accepts only these names, so an entry can never be written that the log cannot name. Pure, no db.

export const AUDIT_ACTIONS = [
  'case.create',
  'case.save',
  'case.restore',
  'case.submit',
  'case.withdraw',
  'case.request_changes',
  'case.approve',
  'case.pass_stage',
  'case.record_round',
  'case.publish_correction',
  'case.add_to_issue',
  'case.remove_from_issue',
  'comment.create',
  'comment.reply',
  'comment.resolve',
  'comment.reopen',
  'issue.create',
  'issue.update',
  'issue.reorder',
  'issue.schedule',
  'issue.unschedule',
  'issue.schedule_failed',
  'issue.publish',
  'issue.unpublish',
  'issue.sections',
  'import.compilation',
  'settings.review_stages',
  'settings.return_reasons',
  'settings.site',
  'user.create',
  'user.change_role',
  'user.deactivate',
  'user.reactivate',
  'user.reset_password',
  'user.change_own_password',
  'user.notification_preferences',
  'user.unlock_sign_in',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'auth.sign_out',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Verb phrases that read both in the log's column and after a name: "张三 提交审核". */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'case.create': '新建案例',
  'case.save': '修改案例',
  'case.restore': '恢复历史版本',
  'case.submit': '提交审核',
  'case.withdraw': '撤回提交',
  'case.request_changes': '退回修改',
  'case.approve': '审核通过',
  'case.pass_stage': '通过一审',
  'case.record_round': '记录校次',
  'case.publish_correction': '发布更正',
  'case.add_to_issue': '编入期刊',
  'case.remove_from_issue': '移出期刊',
  'comment.create': '提出意见',
  'comment.reply': '回复意见',
  'comment.resolve': '解决意见',
  'comment.reopen': '重新打开意见',
  'issue.create': '新建一期',
  'issue.update': '修改一期',
  'issue.reorder': '调整案例顺序',
  'issue.schedule': '设定定时发布',
  'issue.unschedule': '取消定时发布',
  'issue.schedule_failed': '定时发布未成功',
  'issue.publish': '发布一期',
  'issue.unpublish': '撤销发布',
  'issue.sections': '调整栏目',
  'import.compilation': '导入汇编',
  'settings.review_stages': '修改审核流程',
  'settings.return_reasons': '修改退回理由',
  'settings.site': '修改期刊设置',
  'user.create': '新建账号',
  'user.change_role': '修改角色',
  'user.deactivate': '停用账号',
  'user.reactivate': '恢复账号',
  'user.reset_password': '重置密码',
  'user.change_own_password': '修改自己的密码',
  'user.notification_preferences': '修改通知设置',
  'user.unlock_sign_in': '解除登录限制',
  'auth.sign_in': '登录',
  'auth.sign_in_failed': '登录失败',
  'auth.sign_in_locked': '登录受限',
  'auth.sign_out': '退出登录',
};

const known: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isAuditAction(name: string): name is AuditAction {
  return known.has(name);
}

/** The label of a name read back from the database; a name outside the list shows as written. */
export function auditActionLabel(name: string): string {
  return isAuditAction(name) ? AUDIT_ACTION_LABELS[name] : name;
}

/**
 * The newsroom's own work: cases, comments, issues, imports. Sign-ins and account management are
 * for the admins' audit view, not for everyone's dashboard.
 */
export const EDITORIAL_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter((a) => !a.startsWith('auth.') && !a.startsWith('user.'));

/** What an entry is about; its targetId is that row's id (an import names several issues, comma-separated). */
export const AUDIT_TARGET_TYPES = ['case', 'issue', 'user', 'settings'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
export const AUDIT_TARGET_LABELS: Record<AuditTargetType, string> = { case: '案例', issue: '期刊', user: '账号', settings: '设置' };
