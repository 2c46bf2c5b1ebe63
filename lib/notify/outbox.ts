import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, notifications, users } from '@/db/schema';
import { logger as processLogger, type Logger } from '@/lib/log';

// The email outbox: rows are written with their notification, in the event's transaction, and sent
// here, after it committed, by whichever instance claims them first. A failure is retried later
// with growing delays; the user's action never waits for a mail server and never fails because of one.

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** After this many failures a message is left unsent, its last error kept for the admin. */
export const MAX_ATTEMPTS = 10;
/** How long a claimed message is reserved for the instance sending it; if that one dies, another retries. */
export const CLAIM_MS = 10 * 60_000;
const BATCH = 20;

/** 1 min after the first failure, then 2, 4, 8 … at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export const DROPPED_NOTE = '收件人的账号已停用或已关闭邮件通知，不再发送。';

interface Claimed {
  id: number;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

/** Reserves the next due messages (SKIP LOCKED: each goes to one instance), in a short transaction. */
async function claim(db: Db, now: Date): Promise<{ due: Claimed[]; dropped: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: emailOutbox.id,
        toAddress: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        body: emailOutbox.body,
        attempts: emailOutbox.attempts,
        active: users.active,
        wantsEmail: users.emailNotifications,
      })
      .from(emailOutbox)
      .leftJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
      .leftJoin(users, eq(users.id, notifications.userId))
      // The database's clock as well: a message queued a moment ago is due even if this server's clock lags.
      .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, sql`greatest(now(), ${now.toISOString()}::timestamptz)`), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(BATCH)
      .for('update', { of: emailOutbox, skipLocked: true });
    // Someone deactivated or opted out since the message was queued: it is not sent.
    const dropped = rows.filter((r) => !r.active || !r.wantsEmail).map((r) => r.id);
    const due = rows.filter((r) => r.active && r.wantsEmail);
    if (dropped.length) {
      await tx.update(emailOutbox).set({ attempts: MAX_ATTEMPTS, lastError: DROPPED_NOTE }).where(inArray(emailOutbox.id, dropped));
    }
    if (due.length) {
      await tx
        .update(emailOutbox)
        .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
        .where(
          inArray(
            emailOutbox.id,
            due.map((r) => r.id),
          ),
        );
    }
    return { due: due.map(({ active: _a, wantsEmail: _w, ...m }) => m), dropped: dropped.length };
  });
}

export interface DrainRun {
  sent: number;
  failed: number;
  dropped: number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Sends every message due at `now`; returns what happened. Never throws for a mail server's refusal. */
export async function drainOutbox(db: Db, send: SendMail, from: string, now: Date = new Date(), log: Logger = processLogger): Promise<DrainRun> {
  const run: DrainRun = { sent: 0, failed: 0, dropped: 0 };
  for (;;) {
    const { due, dropped } = await claim(db, now);
    run.dropped += dropped;
    if (due.length === 0 && dropped === 0) return run;
    for (const mail of due) {
      const attempts = mail.attempts + 1;
      try {
        await send({ from, to: mail.toAddress, subject: mail.subject, text: mail.body });
        await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, mail.id));
        run.sent += 1;
      } catch (error) {
        const last = attempts >= MAX_ATTEMPTS;
        await db
          .update(emailOutbox)
          .set({ lastError: errorText(error), ...(last ? {} : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }) })
          .where(eq(emailOutbox.id, mail.id));
        run.failed += 1;
        // The error text can name the recipient's address: it stays in the outbox row, not the log.
        const code = (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code;
        log[last ? 'error' : 'warn'](
          { event: last ? 'mail.gave_up' : 'mail.send_failed', outboxId: mail.id, attempts, code },
          last ? `[邮件通知] 第${attempts}次发送失败，不再重试` : `[邮件通知] 发送失败（第${attempts}次），稍后重试`,
        );
      }
    }
  }
}
