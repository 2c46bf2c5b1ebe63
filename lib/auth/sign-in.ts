import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { SignInFailureReason } from '@/lib/audit/reasons';
import type { Role } from '@/lib/content/model';
import { requestLogger } from '@/lib/log';
import { writeAudit } from '@/lib/services/audit';
import { signInSchema } from '@/lib/validations/account';
import { SERVER_BUSY, ServerBusyError } from './hash-gate';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from './password';
import { LOCK_MINUTES, chargeAttempt, creditSuccess, creditUnchecked, purgeExpired } from './throttle';

export const WRONG_CREDENTIALS = '邮箱或密码不正确。';
export const THROTTLED = `登录尝试过于频繁，请${LOCK_MINUTES}分钟后再试；如急需登录，请联系管理员。`;
export const DEACTIVATED = '该账号已停用，请联系管理员。';
export { SERVER_BUSY };

/** One attempt in this many also clears out expired throttle rows, so that table stays small. */
export const PURGE_ONE_IN = 20;

export interface SignedInUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

export type SignInOutcome = { ok: true; user: SignedInUser } | { ok: false; message: string };

export interface SignInOptions {
  /** Decides when this attempt also purges expired throttle rows; tests pass a fixed one. */
  random?: () => number;
}

/**
 * Checks an email and password. The attempt is counted before the password is checked, and
 * refused without hashing when a limit is reached (lib/auth/throttle.ts). Every checked attempt is
 * audited; the message is the same whether or not the email exists.
 */
export async function authenticate(
  db: Db,
  credentials: unknown,
  clientAddress: string | null,
  now: Date = new Date(),
  { random = Math.random }: SignInOptions = {},
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, message: '请输入邮箱和密码。' };
  const { email, password } = parsed.data;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const charge = await chargeAttempt(db, { email, clientAddress, userId: user?.id ?? null }, now);
  if (random() < 1 / PURGE_ONE_IN) await purgeExpired(db, now);
  if (charge.refusedUntil) return { ok: false, message: THROTTLED };

  let valid: boolean;
  try {
    // Unknown emails are checked against a hash that never matches, so they take as long as known ones.
    valid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH, { refuseWhenBusy: true });
  } catch (error) {
    if (!(error instanceof ServerBusyError)) throw error;
    await creditUnchecked(db, charge);
    (await requestLogger()).warn({ event: 'auth.hash_gate_refused', accountId: user?.id ?? null }, '密码运算已满，登录请求被拒绝（HTTP 429）');
    return { ok: false, message: SERVER_BUSY };
  }

  const failed = async (reason: SignInFailureReason, message: string, userId: number | null): Promise<SignInOutcome> => {
    await writeAudit(db, { actorId: userId, action: 'auth.sign_in_failed', targetType: 'user', targetId: userId, after: { email, reason }, clientAddress });
    return { ok: false, message };
  };
  if (!user || !valid) return failed(user ? 'wrong_password' : 'unknown_email', WRONG_CREDENTIALS, user?.id ?? null);
  // Only someone who knows the password learns that the account is deactivated.
  if (!user.active) return failed('deactivated', DEACTIVATED, user.id);

  await db.transaction(async (tx) => {
    await creditSuccess(tx, charge, email, clientAddress, now);
    await writeAudit(tx, { actorId: user.id, action: 'auth.sign_in', targetType: 'user', targetId: user.id, clientAddress });
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}
