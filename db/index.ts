import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { openDatabase, type Database, type Db } from './client';
import { migrateDatabase } from './migrate';

// One database per process, kept on globalThis so hot reloads in development reuse it instead of
// opening the PGlite folder a second time. Opening only migrates: the demo is start-up's business
// (instrumentation.ts, scripts/cli.ts), so the public pages that import this load no service code.
const holder = globalThis as typeof globalThis & { __casebookDatabase?: Promise<Database> };

/** Where the embedded database keeps its files when DATABASE_URL is not set. */
export function pgliteDataDir(): string {
  return path.join(env().dataDir, 'pglite');
}

async function start(): Promise<Database> {
  const e = env();
  const database = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: pgliteDataDir() });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export function getDatabase(): Promise<Database> {
  holder.__casebookDatabase ??= start().catch((error: unknown) => {
    holder.__casebookDatabase = undefined;
    throw error;
  });
  return holder.__casebookDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Closes this process's database at shutdown: PGlite checkpoints and releases its folder lock. */
export async function closeDatabase(): Promise<void> {
  const pending = holder.__casebookDatabase;
  holder.__casebookDatabase = undefined;
  const database = await pending?.catch(() => undefined);
  await database?.close();
}
