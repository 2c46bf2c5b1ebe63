// What lands in someone's 待办 and is announced to them: one closed list, each with its label.

export const NOTIFICATION_KINDS = ['case.at_stage', 'case.returned', 'comment.addressed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'case.at_stage': '待审核',
  'case.returned': '退回修改',
  'comment.addressed': '审核意见',
};

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/**
 * When one action lands a case in someone's 待办 twice (a return also writes its reason as a
 * comment to the same person), they hear of it once, as the weightier kind.
 */
export const NOTIFICATION_WEIGHT: Record<NotificationKind, number> = {
  'case.returned': 3,
  'case.at_stage': 2,
  'comment.addressed': 1,
};
