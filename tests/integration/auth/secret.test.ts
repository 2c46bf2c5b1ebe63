import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_SECRET_MESSAGE, authSecret } from '@/lib/auth/secret';

describe('AUTH_SECRET', () => {
  it('is required in production, with a message that says what to set', () => {
    expect(() => authSecret({ NODE_ENV: 'production', dataDir: '/nonexistent' })).toThrow(MISSING_SECRET_MESSAGE);
  });

  it('is generated once in development and kept in the data folder', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-secret-'));
    try {
      const first = authSecret({ NODE_ENV: 'development', dataDir });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(authSecret({ NODE_ENV: 'development', dataDir })).toBe(first);
      expect(fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8')).toBe(first);
      expect(authSecret({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), dataDir })).toBe('x'.repeat(40));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
