import { scrypt } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { ServerBusyError, passwordHashGate } from '@/lib/auth/hash-gate';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '@/lib/auth/password';

// Counts the real scrypt calls, so the test can tell a refusal from a hash that merely failed.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

describe('password checks when the server is busy hashing', () => {
  it('a sign-in check over capacity is refused without hashing; a signed-in one waits and is done', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: passwordHashGate.capacity + passwordHashGate.queueLimit }, () => passwordHashGate.run(() => held));
    const waiting = verifyPassword('any-password', UNUSABLE_PASSWORD_HASH);
    try {
      await expect(verifyPassword('any-password', UNUSABLE_PASSWORD_HASH, { refuseWhenBusy: true })).rejects.toBeInstanceOf(ServerBusyError);
      expect(vi.mocked(scrypt)).not.toHaveBeenCalled();
    } finally {
      release();
      await Promise.all(holders);
    }
    expect(await waiting).toBe(false);
    expect(vi.mocked(scrypt)).toHaveBeenCalledTimes(1);
  });
});
