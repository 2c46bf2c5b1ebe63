'use server';
import { adminAction } from '@/lib/admin/action';
import { markNotificationsRead } from '@/lib/services/notifications';
import { updateNotificationPreferences } from '@/lib/services/notification-preferences';
import { markNotificationsReadSchema, notificationPreferencesSchema } from '@/lib/validations/notifications';
import { revalidateAdmin } from './revalidate';

export const updateNotificationPreferencesAction = adminAction(notificationPreferencesSchema, {
  run: updateNotificationPreferences,
  reply: (r) => ({ message: r.emailNotifications ? '已开启邮件通知。' : '已关闭邮件通知；后台的通知照常显示。' }),
});

/** The header's count changes with it, so every admin page is refreshed. */
export const markNotificationsReadAction = adminAction(markNotificationsReadSchema, {
  run: markNotificationsRead,
  reply: (r) => ({ message: r.marked > 0 ? `已将 ${r.marked} 条通知标记为已读。` : '没有未读的通知。' }),
  revalidate: revalidateAdmin,
});
