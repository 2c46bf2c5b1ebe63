import 'server-only';
import { and, gt, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInThrottle } from '@/db/schema';

// Failed sign-ins are counted in the database, per account and per client address, so the limit
// holds however many app instances share it. Unknown emails are counted like known ones: the
// throttle must not reveal which accounts exist.

export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export interface ThrottleKey {
  key: string;
  limit: number;
}

export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const keys = [{ key: `account:${email}`, limit: ACCOUNT_LIMIT }];
  if (clientAddress) keys.push({ key: `address:${clientAddress}`, limit: ADDRESS_LIMIT });
  return keys;
}

/** Until when sign-in is refused for any of the keys, or null if it is not. */
export async function lockedUntil(db: Db, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(signInThrottle.lockedUntil) })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys.map((k) => k.key)), gt(signInThrottle.lockedUntil, now)));
  return row?.until ?? null;
}

/** Counts one failure against each key in one atomic upsert each, and locks a key at its limit. */
export async function recordFailure(tx: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const at = now.toISOString();
  for (const { key, limit } of keys) {
    const fresh = sql`${signInThrottle.windowStartedAt} <= ${windowStart}::timestamptz`;
    const count = sql`(case when ${fresh} then 1 else ${signInThrottle.failures} + 1 end)`;
    await tx
      .insert(signInThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? new Date(lockUntil) : null })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: count,
          windowStartedAt: sql`(case when ${fresh} then ${at}::timestamptz else ${signInThrottle.windowStartedAt} end)`,
          lockedUntil: sql`(case when ${count} >= ${limit} then ${lockUntil}::timestamptz else ${signInThrottle.lockedUntil} end)`,
        },
      });
  }
}

/** A successful sign-in clears the account's count; the address keeps its own. */
export async function clearAccount(tx: Db, email: string): Promise<void> {
  await tx.delete(signInThrottle).where(inArray(signInThrottle.key, [`account:${email}`]));
}
