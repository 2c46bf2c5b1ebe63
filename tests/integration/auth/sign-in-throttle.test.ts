import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, signInThrottle } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { THROTTLED, WRONG_CREDENTIALS, authenticate } from '@/lib/auth/sign-in';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, KNOWN_ADDRESS_DAYS, PAIR_LIMIT } from '@/lib/auth/throttle';
import { listUsers, unlockSignIn } from '@/lib/services/users';
import { TEST_PASSWORD, createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';

// Counts how many attempts got as far as checking a password. The stand-in knows the one password
// every test account has and answers at once, so these tests measure the throttle, not scrypt.
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/password')>();
  return { ...actual, verifyPassword: vi.fn(async (password: string) => password === 'correct-horse-battery-staple') };
});
const verified = vi.mocked(verifyPassword);

const BURST = 50;
const WRONG = 'guess-guess';
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
const noPurge = { random: () => 0.99 };

describe(`sign-in throttle (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let admin: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    admin = await createActor(db, 'admin', 'unlocker');
  });
  afterAll(async () => database?.close());
  beforeEach(() => verified.mockClear());

  const attempt = (email: string, password: string, address: string | null, at = new Date()) => authenticate(db, { email, password }, address, at, noPurge);
  const auditCount = async (action: string) => (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length;

  async function burst(run: (i: number) => Promise<{ ok: boolean; message?: string }>) {
    const outcomes = await Promise.all(Array.from({ length: BURST }, (_, i) => run(i)));
    const messages = outcomes.map((o) => ('message' in o ? o.message : 'ok'));
    return { wrong: messages.filter((m) => m === WRONG_CREDENTIALS).length, throttled: messages.filter((m) => m === THROTTLED).length };
  }

  describe('a burst of parallel attempts', () => {
    it('one address guessing one account gets no more password checks than the pair limit', async () => {
      const user = await createActor(db, 'admin', 'burst-pair');
      const r = await burst(() => attempt(user.email, WRONG, '10.20.0.1'));
      expect(verified.mock.calls.length).toBe(PAIR_LIMIT);
      expect(r).toEqual({ wrong: PAIR_LIMIT, throttled: BURST - PAIR_LIMIT });
    });

    it('many addresses guessing one account get no more password checks than the account limit', async () => {
      const user = await createActor(db, 'admin', 'burst-account');
      const r = await burst((i) => attempt(user.email, WRONG, `10.21.0.${i}`));
      expect(verified.mock.calls.length).toBe(ACCOUNT_LIMIT);
      expect(r).toEqual({ wrong: ACCOUNT_LIMIT, throttled: BURST - ACCOUNT_LIMIT });
    });

    it('one address spraying many accounts gets no more password checks than the address limit', async () => {
      const r = await burst((i) => attempt(`spray-${i}@example.test`, WRONG, '10.22.0.1'));
      expect(verified.mock.calls.length).toBe(ADDRESS_LIMIT);
      expect(r).toEqual({ wrong: ADDRESS_LIMIT, throttled: BURST - ADDRESS_LIMIT });
    });
  });

  it('five failures from one address lock that address out of that account only, until the lock expires', async () => {
    const user = await createActor(db, 'editor', 'dave');
    const now = new Date();
    for (let i = 0; i < PAIR_LIMIT; i++) expect(await attempt(user.email, WRONG, '10.1.0.1', now)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    verified.mockClear();
    expect(await attempt(user.email, TEST_PASSWORD, '10.1.0.1', later(now, 1))).toEqual({ ok: false, message: THROTTLED });
    expect(verified).not.toHaveBeenCalled();
    expect((await attempt(user.email, TEST_PASSWORD, '10.1.9.9', later(now, 1))).ok).toBe(true);
    expect((await attempt(user.email, TEST_PASSWORD, '10.1.0.1', later(now, 16))).ok).toBe(true);
  });

  it('throttles unknown emails exactly like known ones', async () => {
    const known = await createActor(db, 'editor', 'known');
    const now = new Date();
    for (const [email, address] of [
      [known.email, '10.2.0.1'],
      ['ghost@example.test', '10.2.0.2'],
    ] as const) {
      for (let i = 0; i < PAIR_LIMIT; i++) expect(await attempt(email, WRONG, address, now)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
      expect(await attempt(email, WRONG, address, later(now, 1))).toEqual({ ok: false, message: THROTTLED });
    }
  });

  it('locks a client address that tries many accounts, not the accounts elsewhere', async () => {
    const victim = await createActor(db, 'editor', 'erin');
    const now = new Date();
    for (let i = 0; i < ADDRESS_LIMIT; i++) await attempt(`spray-a-${i}@example.test`, WRONG, '10.3.3.3', now);
    expect(await attempt(victim.email, TEST_PASSWORD, '10.3.3.3', later(now, 1))).toEqual({ ok: false, message: THROTTLED });
    expect((await attempt(victim.email, TEST_PASSWORD, '10.4.4.4', later(now, 1))).ok).toBe(true);
  });

  it('someone who knows an email cannot keep its owner out, and an admin can lift the lock for everyone else', async () => {
    const owner = await createActor(db, 'admin', 'owner');
    const now = new Date();
    expect((await attempt(owner.email, TEST_PASSWORD, '10.30.0.1', now)).ok).toBe(true);
    // Guesses from seven addresses, each staying under its own pair limit, reach the account limit.
    for (let i = 0; i <= ACCOUNT_LIMIT; i++) await attempt(owner.email, WRONG, `10.31.0.${i % 7}`, later(now, 1));
    expect(await attempt(owner.email, TEST_PASSWORD, '10.32.0.1', later(now, 2))).toEqual({ ok: false, message: THROTTLED });
    // The owner's own address, where they signed in before, is not refused.
    expect((await attempt(owner.email, TEST_PASSWORD, '10.30.0.1', later(now, 2))).ok).toBe(true);
    expect(await auditCount('auth.sign_in_locked')).toBeGreaterThanOrEqual(1);

    const listed = await listUsers(db, admin);
    expect(listed.ok && listed.users.find((u) => u.id === owner.id)?.signInLockedUntil).toBeInstanceOf(Date);
    const unlocked = await unlockSignIn(db, admin, { userId: owner.id });
    expect(unlocked.ok ? 'ok' : unlocked.message).toBe('ok');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.unlock_sign_in'));
    expect(entry).toMatchObject({ actorId: admin.id, targetId: String(owner.id) });
    expect((await attempt(owner.email, TEST_PASSWORD, '10.32.0.1', later(now, 3))).ok).toBe(true);
    const again = await unlockSignIn(db, admin, { userId: owner.id });
    expect(again.ok ? 'ok' : again.message).toContain('没有登录限制');
  });

  it('attempts refused while locked are counted in the throttle row, not written to the audit log', async () => {
    const user = await createActor(db, 'editor', 'flood');
    const now = new Date();
    const before = await auditCount('auth.sign_in_failed');
    for (let i = 0; i < 100; i++) await attempt(user.email, WRONG, '10.7.0.1', now);
    // The checked attempts are audited one by one, then the lock once, when it starts.
    expect((await auditCount('auth.sign_in_failed')) - before).toBe(PAIR_LIMIT);
    const locks = await db.select().from(auditLog).where(sql`${auditLog.action} = 'auth.sign_in_locked' and ${auditLog.after}->>'email' = ${user.email}`);
    expect(locks.map((l) => (l.after as { reason: string }).reason)).toEqual(['too_many_pair']);
    const counters = await db.select().from(signInThrottle).where(sql`${signInThrottle.key} in (${`pair:${user.email}|10.7.0.1`}, ${'address:10.7.0.1'}, ${`account:${user.email}`})`);
    expect(Object.fromEntries(counters.map((c) => [c.key.split(':')[0], c.failures]))).toEqual({ pair: 100, address: PAIR_LIMIT, account: PAIR_LIMIT });
  });

  it('one address hammering at a locked account does not lock it for the owner at a new address', async () => {
    const owner = await createActor(db, 'editor', 'hammered');
    const now = new Date();
    for (let i = 0; i < 200; i++) await attempt(owner.email, WRONG, '10.12.0.1', now);
    expect(await attempt(owner.email, TEST_PASSWORD, '10.12.0.1', later(now, 1))).toEqual({ ok: false, message: THROTTLED });
    expect((await attempt(owner.email, TEST_PASSWORD, '10.12.9.9', later(now, 1))).ok).toBe(true);
  });

  it('purges expired throttle rows as attempts come in, and keeps live locks and known addresses', async () => {
    const fresh = await createTestDatabase();
    try {
      const user = await createActor(fresh.db, 'editor', 'purge');
      const t0 = new Date();
      const at = (minutes: number, email: string, password: string, address: string, random = 0.99) =>
        authenticate(fresh.db, { email, password }, address, later(t0, minutes), { random: () => random });
      expect((await at(0, user.email, TEST_PASSWORD, '10.8.0.1')).ok).toBe(true);
      for (let i = 0; i < 30; i++) await at(0, `gone-${i}@example.test`, WRONG, `10.9.0.${i}`);
      for (let i = 0; i <= PAIR_LIMIT; i++) await at(10, 'locked@example.test', WRONG, '10.10.0.1');
      const count = async () => (await fresh.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key);
      expect((await count()).length).toBeGreaterThan(90);

      // An attempt that does not draw the purge leaves the rows; one that does clears the expired ones.
      await at(20, 'other@example.test', WRONG, '10.11.0.1', 0.99);
      expect((await count()).length).toBeGreaterThan(90);
      await at(20, 'other@example.test', WRONG, '10.11.0.1', 0);
      expect((await count()).sort()).toEqual(
        [
          `known:${user.email}|10.8.0.1`,
          'pair:locked@example.test|10.10.0.1',
          'address:10.10.0.1',
          'account:locked@example.test',
          'pair:other@example.test|10.11.0.1',
          'address:10.11.0.1',
          'account:other@example.test',
        ].sort(),
      );
      // Known addresses go after 30 days without a sign-in.
      await at(KNOWN_ADDRESS_DAYS * 24 * 60 + 1, 'other@example.test', WRONG, '10.11.0.2', 0);
      expect((await count()).filter((k) => k.startsWith('known:'))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
