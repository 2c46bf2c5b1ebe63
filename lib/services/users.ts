import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { users, type User } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/actions';
import type { Actor } from '@/lib/auth/actor';
import { generatePassword, hashPassword, verifyPassword } from '@/lib/auth/password';
import { accountLockedUntil, clearAccountCounters, lockedAccounts } from '@/lib/auth/throttle';
import { ROLE_LABELS, type Role } from '@/lib/content/model';
import { changeOwnPasswordSchema, changeRoleSchema, createUserSchema, resetPasswordSchema, userRefSchema } from '@/lib/validations/account';
import { can, permissionDenied } from '@/lib/workflow';
import { writeAudit } from './audit';
import { authorize, inTransaction, isUniqueViolation, parseInput, refuse } from './guard';
import { fail, ok, type Result } from './result';

/** An account as the admin screens see it: never the password hash. */
export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'active' | 'createdAt'>;
const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt };
const toPublic = (u: User): PublicUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt });

/** An account in the admin's list, with until when its sign-in is refused somewhere (null if it is not). */
export type ListedUser = PublicUser & { signInLockedUntil: Date | null };

export async function listUsers(db: Db, actor: Actor): Promise<Result<{ users: ListedUser[] }>> {
  if (!can(actor.role, 'account.manage')) return fail(permissionDenied('account.manage'));
  const [rows, locks] = await Promise.all([db.select(publicColumns).from(users).orderBy(asc(users.id)), lockedAccounts(db, new Date())]);
  return ok({ users: rows.map((u) => ({ ...u, signInLockedUntil: locks.get(u.email) ?? null })) });
}

/** Creates an account; without a password one is generated and returned once, for the admin to pass on. */
export async function createUser(db: Db, actor: Actor, input: unknown): Promise<Result<{ user: PublicUser; generatedPassword: string | null }>> {
  const parsed = authorize(actor, 'account.manage', createUserSchema, input);
  if (!parsed.ok) return parsed;
  return insertUser(db, actor.id, parsed.data);
}

/** The command line's way in (npm run user:create), for the first admin: no acting user, audited as the system. */
export async function createUserFromCommandLine(db: Db, input: unknown): Promise<Result<{ user: PublicUser; generatedPassword: string | null }>> {
  const parsed = parseInput(createUserSchema, input);
  if (!parsed.ok) return parsed;
  return insertUser(db, null, parsed.data);
}

async function insertUser(db: Db, actorId: number | null, input: z.output<typeof createUserSchema>) {
  const { password, ...data } = input;
  const generatedPassword = password ? null : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const emailTaken = fail('该邮箱已有账号。', { email: ['该邮箱已有账号'] });
  try {
    return await inTransaction(db, async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
      if (taken) return emailTaken;
      const [user] = await tx.insert(users).values({ ...data, passwordHash }).returning();
      await writeAudit(tx, { actorId, action: 'user.create', targetType: 'user', targetId: user!.id, after: data });
      return ok({ user: toPublic(user!), generatedPassword });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) return emailTaken;
    throw error;
  }
}

async function lockUser(tx: Db, userId: number): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) refuse('账号不存在。');
  return user;
}

/** Refuses a change that would leave no active admin to manage accounts. Locks the admins so that
 *  two admins demoting each other at once cannot both succeed. */
async function keepOneAdmin(tx: Db, target: User): Promise<void> {
  if (target.role !== 'admin' || !target.active) return;
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, target.id)))
    .for('update');
  if (others.length === 0) refuse('这是最后一位可用的管理员账号，不能更改；请先设置另一位管理员。');
}

type UserResult = Result<{ user: PublicUser }>;

/** Every account change bumps sessionVersion: the user's sessions re-check it on their next request. */
async function changeAccount(
  db: Db,
  actor: Actor,
  userId: number,
  action: AuditAction,
  decide: (user: User, tx: Db) => Promise<Partial<typeof users.$inferInsert>>,
): Promise<UserResult> {
  return inTransaction(db, async (tx) => {
    const user = await lockUser(tx, userId);
    const changes = await decide(user, tx);
    const [updated] = await tx
      .update(users)
      .set({ ...changes, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning();
    const { passwordHash: _hidden, ...shown } = changes;
    await writeAudit(tx, {
      actorId: actor.id,
      action,
      targetType: 'user',
      targetId: userId,
      before: { role: user.role, active: user.active },
      after: { role: updated!.role, active: updated!.active, ...shown, ...(_hidden ? { passwordChanged: true } : {}) },
    });
    return ok({ user: toPublic(updated!) });
  });
}

export async function changeRole(db: Db, actor: Actor, input: unknown): Promise<UserResult> {
  const parsed = authorize(actor, 'account.manage', changeRoleSchema, input);
  if (!parsed.ok) return parsed;
  const role: Role = parsed.data.role;
  return changeAccount(db, actor, parsed.data.userId, 'user.change_role', async (user, tx) => {
    if (user.role === role) refuse(`该账号已经是${ROLE_LABELS[role]}。`);
    if (role !== 'admin') await keepOneAdmin(tx, user);
    return { role };
  });
}

export async function deactivateUser(db: Db, actor: Actor, input: unknown): Promise<UserResult> {
  const parsed = authorize(actor, 'account.manage', userRefSchema, input);
  if (!parsed.ok) return parsed;
  if (parsed.data.userId === actor.id) return fail('不能停用自己的账号。');
  return changeAccount(db, actor, parsed.data.userId, 'user.deactivate', async (user, tx) => {
    if (!user.active) refuse('该账号已经停用。');
    await keepOneAdmin(tx, user);
    return { active: false };
  });
}

export async function reactivateUser(db: Db, actor: Actor, input: unknown): Promise<UserResult> {
  const parsed = authorize(actor, 'account.manage', userRefSchema, input);
  if (!parsed.ok) return parsed;
  return changeAccount(db, actor, parsed.data.userId, 'user.reactivate', async (user) => {
    if (user.active) refuse('该账号没有停用。');
    return { active: true };
  });
}

/** Sets a new password (given, or generated and returned once) and ends the user's sessions. */
export async function resetPassword(db: Db, actor: Actor, input: unknown): Promise<Result<{ user: PublicUser; generatedPassword: string | null }>> {
  const parsed = authorize(actor, 'account.manage', resetPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const generatedPassword = parsed.data.newPassword ? null : generatePassword();
  const passwordHash = await hashPassword(parsed.data.newPassword ?? generatedPassword!);
  const result = await changeAccount(db, actor, parsed.data.userId, 'user.reset_password', async () => ({ passwordHash }));
  return result.ok ? ok({ user: result.user, generatedPassword }) : result;
}

/** Anyone may change their own password with the current one; their sessions end, so they sign in again. */
export async function changeOwnPassword(db: Db, actor: Actor, input: unknown): Promise<UserResult> {
  if (!can(actor.role, 'account.changeOwnPassword')) return fail(permissionDenied('account.changeOwnPassword'));
  const parsed = parseInput(changeOwnPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const [me] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!me || !me.active) return fail('账号不可用。');
  if (!(await verifyPassword(parsed.data.currentPassword, me.passwordHash))) {
    return fail('当前密码不正确。', { currentPassword: ['当前密码不正确'] });
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return changeAccount(db, actor, actor.id, 'user.change_own_password', async (user) => {
    // Someone else changed the password between our check and this transaction: theirs stands.
    if (user.passwordHash !== me.passwordHash) refuse('密码刚刚已被修改，请重新登录后再试。');
    return { passwordHash };
  });
}

/**
 * Lifts the sign-in limits on an account (its counters for every address, and the account-wide
 * one), for an owner kept out by someone else's guesses. The limits on an address, which cover
 * everyone signing in from it, are not the account's to lift: they expire by themselves.
 */
export async function unlockSignIn(db: Db, actor: Actor, input: unknown): Promise<UserResult> {
  const parsed = authorize(actor, 'account.unlockSignIn', userRefSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, parsed.data.userId));
    if (!user) refuse('账号不存在。');
    const lockedUntil = await accountLockedUntil(tx, user.email, new Date());
    if (!lockedUntil) refuse('该账号目前没有登录限制，无需解除。');
    await clearAccountCounters(tx, user.email);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'user.unlock_sign_in',
      targetType: 'user',
      targetId: user.id,
      before: { lockedUntil: lockedUntil.toISOString() },
      after: { lockedUntil: null },
    });
    return ok({ user: toPublic(user) });
  });
}
