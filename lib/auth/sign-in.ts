import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Role } from '@/lib/content/model';
import { writeAudit } from '@/lib/services/audit';
import { signInSchema } from '@/lib/validations/account';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from './password';
import { LOCK_MINUTES, clearAccount, lockedUntil, recordFailure, throttleKeys } from './throttle';

export const WRONG_CREDENTIALS = '邮箱或密码不正确。';
export const THROTTLED = `登录失败次数过多，请${LOCK_MINUTES}分钟后再试。`;
export const DEACTIVATED = '该账号已停用，请联系管理员。';

export interface SignedInUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

export type SignInOutcome = { ok: true; user: SignedInUser } | { ok: false; message: string };

/**
 * Checks an email and password. Every outcome is audited; failures count against the account and
 * the client address; the message is the same whether or not the email exists.
 */
export async function authenticate(db: Db, credentials: unknown, clientAddress: string | null, now: Date = new Date()): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, message: '请输入邮箱和密码。' };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientAddress);
  const failure = async (reason: string, message: string, userId: number | null, count = true): Promise<SignInOutcome> => {
    await db.transaction(async (tx) => {
      if (count) await recordFailure(tx, keys, now);
      await writeAudit(tx, { actorId: userId, action: 'auth.sign_in_failed', targetType: 'user', targetId: userId, after: { email, reason }, clientAddress });
    });
    return { ok: false, message };
  };

  if (await lockedUntil(db, keys, now)) return failure('throttled', THROTTLED, null, false);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  // Unknown emails are checked against a hash that never matches, so they take as long as known ones.
  const valid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !valid) return failure(user ? 'wrong_password' : 'unknown_email', WRONG_CREDENTIALS, user?.id ?? null);
  // Only someone who knows the password learns that the account is deactivated.
  if (!user.active) return failure('deactivated', DEACTIVATED, user.id);

  await db.transaction(async (tx) => {
    await clearAccount(tx, email);
    await writeAudit(tx, { actorId: user.id, action: 'auth.sign_in', targetType: 'user', targetId: user.id, clientAddress });
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}

/** The client address as the proxy in front of the app reports it. */
export function clientAddressOf(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const real = headers?.['x-real-ip'];
  return first || (Array.isArray(real) ? real[0] : real) || null;
}
