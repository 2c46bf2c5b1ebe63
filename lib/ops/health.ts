import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

// What a load balancer or monitor asks: can this instance reach its database, and is the database
// at the schema this code expects? Nothing else: no secrets, no counts of content.

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'reachable' | 'unreachable';
  migrations: { expected: number; applied: number | null; current: boolean };
  checkedAt: string;
}

const journalPath = () => path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json');

/** The migrations this build ships, by the time drizzle-kit stamped them (drizzle compares these). */
export function expectedMigrations(): number[] {
  const journal = JSON.parse(fs.readFileSync(journalPath(), 'utf8')) as { entries: { when: number }[] };
  return journal.entries.map((e) => e.when);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Probes the database within `timeoutMs`; a hung connection counts as unreachable. */
export async function checkHealth(getDb: () => Promise<Db>, timeoutMs = 3000, now = new Date()): Promise<HealthReport> {
  const expected = expectedMigrations();
  const down = (applied: number | null): HealthReport => ({
    status: 'unavailable',
    database: applied === null ? 'unreachable' : 'reachable',
    migrations: { expected: expected.length, applied, current: false },
    checkedAt: now.toISOString(),
  });
  let applied: number[];
  try {
    applied = await withTimeout(
      (async () => {
        const db = await getDb();
        const rows = await db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at`);
        return rowsOf<{ created_at: string | number }>(rows).map((r) => Number(r.created_at));
      })(),
      timeoutMs,
    );
  } catch {
    return down(null);
  }
  const appliedSet = new Set(applied);
  const current = expected.every((when) => appliedSet.has(when));
  if (!current) return down(applied.length);
  return { status: 'ok', database: 'reachable', migrations: { expected: expected.length, applied: applied.length, current }, checkedAt: now.toISOString() };
}
