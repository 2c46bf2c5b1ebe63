import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mailSettings } from '@/lib/notify/config';
import { notificationPreferencesSchema } from '@/lib/validations/notifications';
import { can, permissionDenied } from '@/lib/workflow';
import { writeAudit } from './audit';
import { authorize, inTransaction, refuse } from './guard';
import { fail, ok, type Result } from './result';

export interface NotificationPreferences {
  emailNotifications: boolean;
  /** Whether this server sends email at all (CASEBOOK_SMTP_URL): without it the choice has no effect yet. */
  emailConfigured: boolean;
}

/** The signed-in person's own notification settings. */
export async function getNotificationPreferences(db: Db, actor: Actor): Promise<Result<{ preferences: NotificationPreferences }>> {
  if (!can(actor.role, 'account.notificationPreferences')) return fail(permissionDenied('account.notificationPreferences'));
  const [row] = await db.select({ emailNotifications: users.emailNotifications }).from(users).where(eq(users.id, actor.id));
  if (!row) return fail('账号不存在。');
  return ok({ preferences: { emailNotifications: row.emailNotifications, emailConfigured: mailSettings() !== null } });
}

/** Turns one's own email notifications on or off; in-app notifications always arrive. Audited. */
export async function updateNotificationPreferences(db: Db, actor: Actor, input: unknown): Promise<Result<{ emailNotifications: boolean }>> {
  const parsed = authorize(actor, 'account.notificationPreferences', notificationPreferencesSchema, input);
  if (!parsed.ok) return parsed;
  const { emailNotifications } = parsed.data;
  return inTransaction(db, async (tx) => {
    // Only ever the signed-in person's own row: the id comes from the session, never the input.
    const [row] = await tx.select({ emailNotifications: users.emailNotifications }).from(users).where(eq(users.id, actor.id)).for('update');
    if (!row) refuse('账号不存在。');
    if (row.emailNotifications === emailNotifications) return ok({ emailNotifications });
    await tx.update(users).set({ emailNotifications }).where(eq(users.id, actor.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'user.notification_preferences',
      targetType: 'user',
      targetId: actor.id,
      before: { emailNotifications: row.emailNotifications },
      after: { emailNotifications },
    });
    return ok({ emailNotifications });
  });
}
