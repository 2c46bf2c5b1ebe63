import { z } from './zod';

export const notificationPreferencesSchema = z.object({
  emailNotifications: z.boolean({ error: '请选择是否接收邮件通知' }),
});

// Notification ids are bigserial: past int4, but within what a JavaScript number holds exactly.
const notificationId = z
  .number({ error: '缺少通知' })
  .int('通知无效')
  .positive('通知无效')
  .max(Number.MAX_SAFE_INTEGER, '通知无效');

/** One notification, or all of the signed-in person's unread ones. */
export const markNotificationsReadSchema = z.union([z.object({ notificationId }), z.object({ all: z.literal(true) })], {
  error: '请选择要标记为已读的通知',
});

export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;
