import 'server-only';
import { and, eq, gt, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInThrottle as t } from '@/db/schema';
import { requestLogger } from '@/lib/log';
import { writeAudit } from '@/lib/services/audit';

// Sign-in attempts are counted in the database, so the limits hold however many app instances
// share it. Every attempt is counted before its password is checked, in one atomic upsert per
// counter, so a burst of parallel guesses cannot slip past the limit; a success is credited back.
//
// Three counters, each a row keyed by what it counts:
// - pair:EMAIL|ADDRESS — one address guessing one account: strict.
// - address:ADDRESS    — one address trying any accounts: broad.
// - account:EMAIL      — one account guessed from anywhere: a higher limit, and it never refuses an
//   address where the account signed in successfully in the last 30 days (known:EMAIL|ADDRESS), so
//   someone who knows an email cannot keep its owner out.
// Unknown emails are counted like known ones: the throttle must not reveal which accounts exist.

export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const PAIR_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const ACCOUNT_LIMIT = 20;
export const KNOWN_ADDRESS_DAYS = 30;
/** Rows deleted by one purge; purges run on a share of attempts (see sign-in.ts). */
export const PURGE_BATCH = 500;

export type ThrottleScope = 'pair' | 'address' | 'account';
export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
  limit: number;
}

const pairPrefix = (email: string) => `pair:${email}|`;
const accountKey = (email: string) => `account:${email}`;
const knownKey = (email: string, address: string) => `known:${email}|${address}`;
const minutes = (now: Date, n: number) => new Date(now.getTime() + n * 60_000);

/**
 * The counters an attempt is charged to, always in this order (pair, address, account): concurrent
 * transactions then take their row locks in the same order and cannot deadlock.
 */
export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const account: ThrottleKey = { scope: 'account', key: accountKey(email), limit: ACCOUNT_LIMIT };
  if (!clientAddress) return [account];
  return [
    { scope: 'pair', key: `${pairPrefix(email)}${clientAddress}`, limit: PAIR_LIMIT },
    { scope: 'address', key: `address:${clientAddress}`, limit: ADDRESS_LIMIT },
    account,
  ];
}

interface Counted {
  key: ThrottleKey;
  lockedUntil: Date | null;
  /** True for exactly one attempt: the first one over the limit. */
  lockStarted: boolean;
}

/**
 * Adds one attempt to a counter and returns the state after it, in one statement. A counter whose
 * window has passed (and is not locked) starts again at 1; the first attempt over the limit locks it.
 * Attempts made while it is locked are still counted but do not extend the lock.
 */
async function countAttempt(tx: Db, key: ThrottleKey, now: Date): Promise<Counted> {
  const at = now.toISOString();
  const lockedNow = sql`coalesce(${t.lockedUntil} > ${at}::timestamptz, false)`;
  const stale = sql`(not ${lockedNow} and (${t.windowStartedAt} <= ${minutes(now, -WINDOW_MINUTES).toISOString()}::timestamptz or ${t.lockedUntil} is not null))`;
  const failures = sql`(case when ${stale} then 1 else ${t.failures} + 1 end)`;
  const [row] = await tx
    .insert(t)
    .values({ key: key.key, failures: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures,
        windowStartedAt: sql`(case when ${stale} then ${at}::timestamptz else ${t.windowStartedAt} end)`,
        lockedUntil: sql`(case when ${lockedNow} then ${t.lockedUntil} when ${failures} > ${key.limit} then ${minutes(now, LOCK_MINUTES).toISOString()}::timestamptz else null end)`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  const lockedUntil = row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  return { key, lockedUntil, lockStarted: lockedUntil !== null && row!.failures === key.limit + 1 };
}

async function isKnownAddress(tx: Db, email: string, address: string, now: Date): Promise<boolean> {
  const since = minutes(now, -KNOWN_ADDRESS_DAYS * 24 * 60);
  const [row] = await tx.select({ key: t.key }).from(t).where(and(eq(t.key, knownKey(email, address)), gt(t.windowStartedAt, since)));
  return Boolean(row);
}

export interface Charge {
  /** The counters this attempt was charged to. */
  keys: ThrottleKey[];
  /** Until when this attempt is refused, or null when it may go on to the password check. */
  refusedUntil: Date | null;
}

/**
 * Counts one sign-in attempt against all its counters in one transaction and decides whether it may
 * go on to the password check. A counter that becomes locked is audited once, when the lock starts;
 * the attempts refused while it lasts are only counted, so a flood cannot grow the audit log.
 */
export async function chargeAttempt(
  db: Db,
  attempt: { email: string; clientAddress: string | null; userId: number | null },
  now: Date,
): Promise<Charge> {
  const { email, clientAddress, userId } = attempt;
  return db.transaction(async (tx) => {
    const counted: Counted[] = [];
    for (const key of throttleKeys(email, clientAddress)) {
      const c = await countAttempt(tx, key, now);
      counted.push(c);
      // Refused already: the broader counters are not charged, so one address hammering at a lock
      // cannot push the account-wide counter over for everyone else.
      if (c.lockedUntil) break;
    }
    for (const c of counted.filter((c) => c.lockStarted)) {
      await writeAudit(tx, {
        actorId: null,
        action: 'auth.sign_in_locked',
        targetType: 'user',
        targetId: userId,
        after: { email, reason: `too_many_${c.key.scope}`, lockedUntil: c.lockedUntil!.toISOString() },
        clientAddress,
      });
      (await requestLogger()).warn({ event: 'auth.sign_in_locked', scope: c.key.scope, accountId: userId, clientAddress, lockedUntil: c.lockedUntil }, '登录尝试过多，开始限制');
    }
    let refusing = counted.filter((c) => c.lockedUntil);
    // The account-wide counter only slows strangers down: it never refuses the owner's own address.
    if (clientAddress && refusing.some((c) => c.key.scope === 'account') && (await isKnownAddress(tx, email, clientAddress, now))) {
      refusing = refusing.filter((c) => c.key.scope !== 'account');
    }
    const until = refusing.reduce<Date | null>((latest, c) => (!latest || c.lockedUntil! > latest ? c.lockedUntil : latest), null);
    return { keys: counted.map((c) => c.key), refusedUntil: until };
  });
}

/** Takes back one counted attempt (the password was never checked, or it was right). */
async function uncount(tx: Db, key: string): Promise<void> {
  await tx.update(t).set({ failures: sql`greatest(${t.failures} - 1, 0)` }).where(eq(t.key, key));
}

/** The attempt could not be checked (the server was busy): it does not count against anyone. */
export async function creditUnchecked(db: Db, charge: Charge): Promise<void> {
  await db.transaction(async (tx) => {
    for (const key of charge.keys) await uncount(tx, key.key);
  });
}

/**
 * The right password: this address's counter for the account starts again, the attempt is taken
 * back from the broader counters, and the address becomes one of the account's known addresses.
 */
export async function creditSuccess(tx: Db, charge: Charge, email: string, clientAddress: string | null, now: Date): Promise<void> {
  for (const key of charge.keys) {
    if (key.scope === 'pair') await tx.delete(t).where(eq(t.key, key.key));
    else await uncount(tx, key.key);
  }
  if (!clientAddress) return;
  await tx
    .insert(t)
    .values({ key: knownKey(email, clientAddress), failures: 0, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({ target: t.key, set: { windowStartedAt: now } });
}

/**
 * Deletes rows that no longer mean anything: counters whose window has passed and that are not
 * locked, and known addresses not used for 30 days. At most PURGE_BATCH at a time, skipping rows
 * another attempt holds, so a purge never waits for (or deadlocks with) a sign-in.
 */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  const windowStart = minutes(now, -WINDOW_MINUTES).toISOString();
  const knownSince = minutes(now, -KNOWN_ADDRESS_DAYS * 24 * 60).toISOString();
  const expired = sql`(case when starts_with(${t.key}, 'known:') then ${t.windowStartedAt} <= ${knownSince}::timestamptz
    else ${t.windowStartedAt} <= ${windowStart}::timestamptz and (${t.lockedUntil} is null or ${t.lockedUntil} <= ${now.toISOString()}::timestamptz) end)`;
  await db.execute(sql`delete from ${t} where ${t.key} in (select ${t.key} from ${t} where ${expired} limit ${PURGE_BATCH} for update skip locked)`);
}

/** An account's own counters (every address's pair counter and the account-wide one). */
const accountRows = (email: string) => sql`(${t.key} = ${accountKey(email)} or starts_with(${t.key}, ${pairPrefix(email)}))`;

/** Until when the account is refused somewhere (from its own counters), or null. */
export async function accountLockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(t.lockedUntil) })
    .from(t)
    .where(and(accountRows(email), gt(t.lockedUntil, now)));
  return row?.until ?? null;
}

/** Every account that is refused somewhere right now, by email, with until when. */
export async function lockedAccounts(db: Db, now: Date): Promise<Map<string, Date>> {
  const rows = await db
    .select({ key: t.key, until: t.lockedUntil })
    .from(t)
    .where(and(sql`(starts_with(${t.key}, 'account:') or starts_with(${t.key}, 'pair:'))`, gt(t.lockedUntil, now)));
  const out = new Map<string, Date>();
  for (const { key, until } of rows) {
    const email = key.startsWith('account:') ? key.slice('account:'.length) : key.slice('pair:'.length, key.indexOf('|'));
    if (until && (!out.get(email) || until > out.get(email)!)) out.set(email, until);
  }
  return out;
}

/**
 * An admin's unlock: deletes the account's own counters (pair counters first, then the account-wide
 * one, the order sign-ins lock them in). Address counters are not the account's: they expire alone.
 */
export async function clearAccountCounters(tx: Db, email: string): Promise<void> {
  await tx.delete(t).where(sql`starts_with(${t.key}, ${pairPrefix(email)})`);
  await tx.delete(t).where(eq(t.key, accountKey(email)));
}
