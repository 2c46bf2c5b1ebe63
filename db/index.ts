import 'server-only';
import path from 'node:path';
import { env, demoEnabled } from '@/lib/env';
import { bootstrapDemo } from '@/lib/services/demo';
import { openDatabase, type Database, type Db } from './client';
import { migrateDatabase } from './migrate';

// One database per process, kept on globalThis so hot reloads in development reuse it instead of
// opening the PGlite folder a second time.
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
    if (demoEnabled(e)) await bootstrapDemo(database.db, { dataDir: e.dataDir, log: (line) => console.log(line) });
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
