import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, notifications } from '@/db/schema';
import type { AuditInput } from '@/lib/services/audit';
import { mailSettings } from './config';
import { isNotificationKind, NOTIFICATION_WEIGHT } from './kinds';
import { deliverAfterCommit } from './mailer';
import { emailMessage, inAppMessage } from './messages';
import { PLANNERS, type Planned } from './recipients';

const targetCaseId = (id: AuditInput['targetId']): number | null => {
  const n = typeof id === 'number' ? id : Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * One action can land a case in someone's 待办 twice (a return and the comment carrying its
 * reason): they hear of it once, as the weightier kind. Notifications made earlier in this
 * transaction share its start time, now().
 */
async function withoutDuplicates(tx: Db, caseId: number, planned: Planned[]): Promise<Planned[]> {
  const earlier = await tx
    .select({ id: notifications.id, userId: notifications.userId, kind: notifications.kind })
    .from(notifications)
    .where(
      and(
        eq(notifications.caseId, caseId),
        inArray(
          notifications.userId,
          planned.map((p) => p.recipient.id),
        ),
        sql`${notifications.createdAt} = now()`,
      ),
    );
  if (earlier.length === 0) return planned;
  const weight = (kind: string) => (isNotificationKind(kind) ? NOTIFICATION_WEIGHT[kind] : 0);
  const kept: Planned[] = [];
  const superseded: number[] = [];
  for (const p of planned) {
    const before = earlier.filter((e) => e.userId === p.recipient.id);
    if (before.some((e) => weight(e.kind) >= NOTIFICATION_WEIGHT[p.kind])) continue;
    superseded.push(...before.map((e) => e.id));
    kept.push(p);
  }
  // Its email goes with it (email_outbox cascades).
  if (superseded.length) await tx.delete(notifications).where(inArray(notifications.id, superseded));
  return kept;
}

/**
 * Called by writeAudit for every audit entry, in the event's transaction, so a rolled-back action
 * leaves no notification and no email behind. Costs nothing for the actions that notify nobody.
 * Emails are only queued here; they go out after the commit, in the background.
 */
export async function notifyForAudit(tx: Db, entry: AuditInput): Promise<void> {
  const planner = entry.targetType === 'case' ? PLANNERS[entry.action] : undefined;
  const caseId = targetCaseId(entry.targetId ?? null);
  if (!planner || caseId === null) return;
  const planned = await planner(tx, entry, caseId);
  if (planned.length === 0) return;
  const kept = await withoutDuplicates(tx, caseId, planned);
  if (kept.length === 0) return;
  const inserted = await tx
    .insert(notifications)
    .values(kept.map((p) => ({ userId: p.recipient.id, kind: p.kind, caseId: p.caseId, actorId: entry.actorId, message: inAppMessage(p.inApp) })))
    .returning({ id: notifications.id, userId: notifications.userId });
  const settings = mailSettings();
  if (!settings) return;
  const mails = kept
    .filter((p) => p.recipient.emailNotifications)
    .map((p) => {
      const { subject, body } = emailMessage({ ...p.email, recipientName: p.recipient.name }, settings.adminUrl);
      const notificationId = inserted.find((n) => n.userId === p.recipient.id)!.id;
      return { notificationId, toAddress: p.recipient.email, subject, body };
    });
  if (mails.length === 0) return;
  await tx.insert(emailOutbox).values(mails);
  await deliverAfterCommit(tx);
}
