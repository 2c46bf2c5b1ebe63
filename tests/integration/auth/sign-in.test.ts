import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { decode, encode } from 'next-auth/jwt';
import type { Database, Db } from '@/db/client';
import { auditLog, signInThrottle, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refreshToken, sessionFromToken } from '@/lib/auth/callbacks';
import { passwordHashGate } from '@/lib/auth/hash-gate';
import { createAuthOptions } from '@/lib/auth/options';
import { DEACTIVATED, SERVER_BUSY, WRONG_CREDENTIALS, authenticate } from '@/lib/auth/sign-in';
import { changeRole, deactivateUser, reactivateUser, resetPassword } from '@/lib/services/users';
import { TEST_PASSWORD, createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';

const SECRET = 'test-secret-test-secret-test-secret-123';

describe(`sign-in and sessions (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let admin: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    admin = await createActor(db, 'admin', 'boss');
  });
  afterAll(async () => database?.close());

  /** What the browser holds after signing in: the encrypted session cookie's value. */
  async function cookieFor(actor: Actor): Promise<string> {
    const outcome = await authenticate(db, { email: actor.email, password: TEST_PASSWORD }, '10.0.0.1');
    if (!outcome.ok) throw new Error(outcome.message);
    const token = await refreshToken(db, { sub: String(actor.id) }, { id: String(actor.id), sessionVersion: outcome.user.sessionVersion });
    return encode({ token, secret: SECRET });
  }

  /** What a later request sees: the jwt callback, then the session callback, on the decoded cookie. */
  async function actorOnNextRequest(cookie: string) {
    const token = await decode({ token: cookie, secret: SECRET });
    const refreshed = await refreshToken(db, token!);
    return sessionFromToken({ expires: new Date().toISOString() }, refreshed).actor ?? null;
  }

  it('signs in with the right password and audits it', async () => {
    const user = await createActor(db, 'editor', 'alice');
    const outcome = await authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, '10.0.0.2');
    expect(outcome).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, role: 'editor' }) });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.actorId, user.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.clientAddress).toBe('10.0.0.2');
  });

  it('gives the same answer for a wrong password and an unknown email, and audits both', async () => {
    const user = await createActor(db, 'editor', 'bob');
    const wrong = await authenticate(db, { email: user.email, password: 'not-the-password' }, '10.0.0.3');
    const unknown = await authenticate(db, { email: 'nobody@example.test', password: 'whatever-password' }, '10.0.0.3');
    expect(wrong).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    const failures = await db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'));
    expect(failures.map((f) => (f.after as { reason: string }).reason)).toEqual(expect.arrayContaining(['wrong_password', 'unknown_email']));
  });

  it('the provider hands the refusal message to the sign-in form', async () => {
    const options = createAuthOptions(async () => db, SECRET);
    const provider = options.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> } };
    await expect(provider.options.authorize({ email: 'nobody@example.test', password: 'x' }, { headers: {} })).rejects.toThrow(WRONG_CREDENTIALS);
    const user = await createActor(db, 'reviewer', 'carol');
    await expect(provider.options.authorize({ email: user.email, password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': '10.9.9.9, 10.0.0.1' } })).resolves.toMatchObject({
      id: String(user.id),
      role: 'reviewer',
    });
  });

  it('refuses at once with a busy message, without counting the attempt, when the hashing gate is full', async () => {
    const user = await createActor(db, 'editor', 'busy');
    const options = createAuthOptions(async () => db, SECRET);
    const provider = options.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> } };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: passwordHashGate.capacity + passwordHashGate.queueLimit }, () => passwordHashGate.run(() => held));
    try {
      const started = Date.now();
      expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, '10.6.6.6')).toEqual({ ok: false, message: SERVER_BUSY });
      // The message reaches the sign-in form the way every refusal does: thrown from authorize().
      await expect(provider.options.authorize({ email: user.email, password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': '10.6.6.6' } })).rejects.toThrow(SERVER_BUSY);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      release();
      await Promise.all(holders);
    }
    const counters = await db.select().from(signInThrottle).where(like(signInThrottle.key, '%10.6.6.6'));
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every((c) => c.failures === 0)).toBe(true);
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, '10.6.6.6')).ok).toBe(true);
  });

  it('a deactivated user is refused at sign-in and their still-valid cookie stops working at once', async () => {
    const user = await createActor(db, 'editor', 'frank');
    const cookie = await cookieFor(user);
    expect(await actorOnNextRequest(cookie)).toMatchObject({ id: user.id, role: 'editor' });
    await deactivateUser(db, admin, { userId: user.id });
    expect(await actorOnNextRequest(cookie)).toBeNull();
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, '10.5.5.5')).toEqual({ ok: false, message: DEACTIVATED });
    // Reactivating does not bring the old cookie back: it was revoked, not paused.
    await reactivateUser(db, admin, { userId: user.id });
    expect(await actorOnNextRequest(cookie)).toBeNull();
    expect(await actorOnNextRequest(await cookieFor(user))).toMatchObject({ id: user.id });
  });

  it('a role change or password reset ends existing sessions on the next request', async () => {
    const user = await createActor(db, 'editor', 'grace');
    const cookie = await cookieFor(user);
    await changeRole(db, admin, { userId: user.id, role: 'reviewer' });
    expect(await actorOnNextRequest(cookie)).toBeNull();
    expect(await actorOnNextRequest(await cookieFor(user))).toMatchObject({ role: 'reviewer' });
    const second = await cookieFor(user);
    await resetPassword(db, admin, { userId: user.id, newPassword: 'brand-new-password' });
    expect(await actorOnNextRequest(second)).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toContain('brand-new-password');
  });

  it('refuses to leave the system without an active admin', async () => {
    const fresh = await createTestDatabase();
    try {
      const only = await createActor(fresh.db, 'admin', 'only');
      const r = await changeRole(fresh.db, only, { userId: only.id, role: 'editor' });
      expect(r.ok ? null : r.message).toContain('最后一位');
      expect((await deactivateUser(fresh.db, only, { userId: only.id })).ok).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
