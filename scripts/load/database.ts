import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';

// A fresh database for one load or benchmark run: a new PostgreSQL database created next to
// LOAD_DATABASE_URL's (the benchmarks name their own variable), or a new PGlite folder. The server
// holds a PGlite folder alone, so the setup and the checks open it only while the server is stopped.

export type LoadTarget =
  | { kind: 'postgres'; url: string; name: string; adminUrl: string }
  | { kind: 'pglite'; pgliteDir: string };

export interface LoadDatabase {
  target: LoadTarget;
  /** CASEBOOK_DATA_DIR for the server: demo account file and, on PGlite, the database. */
  dataDir: string;
  open: () => Promise<Database>;
  /** Environment for `next start` pointing at this database. */
  serverEnv: Record<string, string | undefined>;
  remove: () => Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** adminUrl: a PostgreSQL connection with CREATEDB, read from the environment variable urlVariable. */
export async function createLoadDatabase(kind: 'postgres' | 'pglite', dataDir: string, urlVariable = 'LOAD_DATABASE_URL'): Promise<LoadDatabase> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  if (kind === 'pglite') {
    const pgliteDir = path.join(dataDir, 'pglite');
    return {
      target: { kind, pgliteDir },
      dataDir,
      open: () => openDatabase({ dataDir: pgliteDir }),
      serverEnv: { DATABASE_URL: undefined },
      remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env[urlVariable];
  if (!adminUrl) {
    throw new Error(`请设置 ${urlVariable}（一个有 CREATEDB 权限的 PostgreSQL 连接串，例如 postgres://casebook_ci:casebook_ci@127.0.0.1:5432/postgres），或改用 --db pglite。`);
  }
  const name = `casebook_load_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(adminUrl, name);
  return {
    target: { kind, url, name, adminUrl },
    dataDir,
    open: () => openDatabase({ url }),
    serverEnv: { DATABASE_URL: url },
    remove: async () => {
      const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await client.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end({ timeout: 5 });
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
