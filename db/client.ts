import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { processAlive } from '@/lib/ops/process-alive';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or an open transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = {
  db: Db;
  close: () => Promise<void>;
} & ({ kind: 'pglite' } | { kind: 'postgres'; url: string });

export class DatabaseBusyError extends Error {
  constructor(lockPath: string, holder: string) {
    super(
      `嵌入式数据库正被另一个进程使用（${holder}）。PGlite 同一时间只允许一个进程打开数据目录：` +
        `请先停止那个进程（例如开发服务器）再运行本命令，或设置 DATABASE_URL 改用 PostgreSQL。锁文件：${lockPath}`,
    );
    this.name = 'DatabaseBusyError';
  }
}

/**
 * One process at a time may open a PGlite data folder; a second one would corrupt it. We take an
 * exclusive lock file next to the folder and refuse with a clear message if a live process holds it.
 * A lock left by a process that died is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(' ').slice(0, 200) });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' });
      const release = () => {
        // A process that opens and closes the folder many times (tests, tools) must not pile up exit handlers.
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; command?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as typeof holder;
      } catch {
        // Unreadable lock: treat as stale.
      }
      if (holder.pid && holder.pid !== process.pid && processAlive(holder.pid)) {
        throw new DatabaseBusyError(lockPath, `进程 ${holder.pid}：${holder.command ?? ''}`);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseBusyError(lockPath, '未知进程');
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres({ client, schema, casing: 'snake_case' }),
      kind: 'postgres',
      url: target.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  let release = () => {};
  let client: PGlite;
  if ('dataDir' in target) {
    release = acquireLock(target.dataDir);
    try {
      client = await PGlite.create(target.dataDir);
    } catch (error) {
      release();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  return {
    db: drizzlePglite({ client, schema, casing: 'snake_case' }),
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** db.execute returns an array on postgres-js and { rows } on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
