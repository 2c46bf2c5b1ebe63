import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { checkHealth, expectedMigrations } from '@/lib/ops/health';
import { createTestDatabase, testTarget } from './support/test-db';

// What a load balancer reads from GET /api/health: 200 only for a reachable, fully migrated database.
describe(`health check (${testTarget})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reports ok for a reachable database with every shipped migration applied', async () => {
    const report = await checkHealth(async () => database.db);
    expect(report.status).toBe('ok');
    expect(report.database).toBe('reachable');
    expect(report.migrations).toEqual({ expected: expectedMigrations().length, applied: expectedMigrations().length, current: true });
  });

  it('says nothing about content: no counts, ids or text in the report', async () => {
    const report = await checkHealth(async () => database.db);
    expect(Object.keys(report).sort()).toEqual(['checkedAt', 'database', 'migrations', 'status']);
  });

  it('is unavailable when a shipped migration has not been applied', async () => {
    const last = Math.max(...expectedMigrations());
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last}`);
    const report = await checkHealth(async () => database.db);
    expect(report.status).toBe('unavailable');
    expect(report.database).toBe('reachable');
    expect(report.migrations.current).toBe(false);
    expect(report.migrations.applied).toBe(expectedMigrations().length - 1);
  });

  it('is unavailable, not hung, when the database cannot be opened or does not answer', async () => {
    const failing = await checkHealth(async () => {
      throw new Error('connection refused');
    });
    expect(failing).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    const started = Date.now();
    const hanging = await checkHealth(() => new Promise(() => {}), 200);
    expect(hanging).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
