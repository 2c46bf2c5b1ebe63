import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { rowsOf, type Database, type Db, type Schema } from '@/db/client';
import { createBlankDatabase } from './blank-db';

// A migration must carry the data that was there before it, as an upgrade finds it. Such a test
// fills a database at the schema before the migration, with plain SQL (today's schema does not
// describe that one), then applies the migration and the rest, exactly as the app would.

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

/** The committed migrations up to (not including) `tag`, copied into a folder of their own. */
function migrationsBefore(tag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  if (stop < 1) throw new Error(`no migration ${tag} after the first one in db/migrations`);
  const entries = journal.entries.slice(0, stop);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function migrateTo(database: Database, folder: string): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as PgliteDatabase<Schema>, { migrationsFolder: folder });
  else await migratePostgres(database.db as PostgresJsDatabase<Schema>, { migrationsFolder: folder });
}

/**
 * A new database (PGlite or PostgreSQL, as the suite runs) migrated up to the migration `tag`,
 * filled by `fill`, then migrated to the latest schema. The caller closes it.
 */
export async function migrateAcross(tag: string, fill: (db: Db) => Promise<void>): Promise<Database> {
  const older = migrationsBefore(tag);
  try {
    const database = await createBlankDatabase();
    try {
      await migrateTo(database, older);
      await fill(database.db);
      await migrateTo(database, MIGRATIONS);
      return database;
    } catch (error) {
      await database.close();
      throw error;
    }
  } finally {
    fs.rmSync(older, { recursive: true, force: true });
  }
}

/** The first row of a query's answer, e.g. of an insert … returning. */
export async function firstRow<T>(db: Db, query: SQL): Promise<T> {
  return rowsOf<T>(await db.execute(query))[0]!;
}
