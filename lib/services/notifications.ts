import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { markNotificationsReadSchema } from '@/lib/validations/notifications';
import { parseInput } from './guard';
import { fail, ok, type Result } from './result';

/**
 * Marks one of the signed-in person's notifications read, or all of them. Anyone signed in may;
 * the where clause holds them to their own. Reading is not an editorial change and is not audited.
 */
export async function markNotificationsRead(db: Db, actor: Actor, input: unknown): Promise<Result<{ marked: number }>> {
  const parsed = parseInput(markNotificationsReadSchema, input);
  if (!parsed.ok) return parsed;
  const mine = and(eq(notifications.userId, actor.id), isNull(notifications.readAt));
  const where = 'notificationId' in parsed.data ? and(mine, eq(notifications.id, parsed.data.notificationId)) : mine;
  const marked = await db.update(notifications).set({ readAt: new Date() }).where(where).returning({ id: notifications.id });
  if ('notificationId' in parsed.data && marked.length === 0) {
    const [exists] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, parsed.data.notificationId), eq(notifications.userId, actor.id)));
    if (!exists) return fail('这条通知不存在或不是发给你的。');
  }
  return ok({ marked: marked.length });
}
