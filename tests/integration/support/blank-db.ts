import { openDatabase, type Database } from '@/db/client';
import { createServerDatabase, testTarget } from './test-db';

/**
 * A database with nothing in it, not even migrations: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again by close()).
 */
export async function createBlankDatabase(target: 'pglite' | 'postgres' = testTarget): Promise<Database> {
  if (target === 'pglite') return openDatabase({ memory: true });
  return createServerDatabase('casebook_b');
}
