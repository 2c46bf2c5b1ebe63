import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { TEMPLATE_DB, withDatabaseName } from './pg-url';

export const testTarget: 'pglite' | 'postgres' = process.env.CASEBOOK_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped again by close()).
 */
export async function createTestDatabase(): Promise<Database> {
  if (testTarget === 'pglite') {
    const database = await openDatabase({ memory: true });
    await migrateDatabase(database);
    return database;
  }
  return createServerDatabase('casebook_t', TEMPLATE_DB);
}

/**
 * A new database on the PostgreSQL server named by TEST_DATABASE_URL, copied from `template` (or
 * empty), dropped again by close().
 */
export async function createServerDatabase(prefix: string, template?: string): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('a PostgreSQL test database needs TEST_DATABASE_URL');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const database = await openDatabase({ url: withDatabaseName(url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      // FORCE may not end a server process of another role that is briefly on the database (an
      // autovacuum worker after a large test): that refusal is retried until the process is gone.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '42501' || attempt >= 40) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      await admin.end();
    },
  };
}

/** Opens a second, independent connection pool to the same database (PostgreSQL only), for races. */
export function secondConnectionUrl(database: Database): string | null {
  return database.kind === 'postgres' ? database.url : null;
}
