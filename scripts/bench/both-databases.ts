import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';

/**
 * Runs a benchmark on an in-memory PGlite (unless BENCH_SKIP_PGLITE), then, when DATABASE_URL is
 * set, on a new PostgreSQL database beside it, dropped afterwards unless BENCH_KEEP is set.
 */
export async function benchOnBothDatabases(benchmark: (label: string, database: Database) => Promise<void>): Promise<number> {
  if (!process.env.BENCH_SKIP_PGLITE) {
    const pglite = await openDatabase({ memory: true });
    try {
      await benchmark('PGlite', pglite);
    } finally {
      await pglite.close();
    }
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('\n未设置 DATABASE_URL，跳过 PostgreSQL。');
    return 0;
  }
  const name = `casebook_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    const pg = await openDatabase({ url: target.toString() });
    try {
      await benchmark('PostgreSQL', pg);
    } finally {
      await pg.close();
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`保留数据库 ${name}（BENCH_KEEP）`);
    else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return 0;
}
