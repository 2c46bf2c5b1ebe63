import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { Database, Schema } from './client';

// Resolved from the working directory, not import.meta.url: inside a Next.js bundle the module
// lives under .next/, but the app, the tests and the tools all run from the project root.
const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed drizzle-kit migrations. On PostgreSQL a session advisory lock on one
 *  dedicated connection keeps instances that start together from migrating at the same time. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as PgliteDatabase<Schema>, { migrationsFolder });
    return;
  }
  const client = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle({ client });
    await db.execute(sql`select pg_advisory_lock(727274)`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(727274)`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
