import 'server-only';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '@/db/client';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupRefusal, BackupWriter, type BackupHeader } from './backup-file';
import {
  countRows,
  databaseTableNames,
  describeTable,
  nextSequenceValue,
  quoteIdent,
  quoteLiteral,
  schemaTableNames,
  serialColumns,
  type ColumnInfo,
  type TableInfo,
} from './catalog';
import { appliedMigrations, departure, knownMigrations, type MigrationRef } from './migrations';
import type { TableCount } from './table-labels';

export interface BackupSummary {
  file: string;
  bytes: number;
  createdAt: string;
  migrations: MigrationRef[];
  tables: TableCount[];
}

const FETCH_ROWS = 1000;

/** A JSON value PostgreSQL writes for one column. Bigints and numerics go as strings so that no
 *  reader loses digits; timestamps are ISO 8601 with offset (the session is set to UTC). */
function valueExpression(column: ColumnInfo, ref: string): string {
  return column.base === 'int8' || column.base === 'numeric' ? `to_jsonb(${ref}::text)` : `to_jsonb(${ref})`;
}

/** One row as a JSON object; a SQL NULL is left out, so a jsonb column holding JSON null stays distinct. */
function rowQuery(table: TableInfo): string {
  const parts = table.columns.map((c) => {
    const ref = `__t.${quoteIdent(c.name)}`;
    return `(case when ${ref} is null then '{}'::jsonb else jsonb_build_object(${quoteLiteral(c.name)}, ${valueExpression(c, ref)}) end)`;
  });
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name)).map((c) => `__t.${quoteIdent(c)}`);
  return `select (${parts.join(' || ')})::text as line from ${quoteIdent(table.name)} as __t order by ${order.join(', ')}`;
}

async function writeRows(tx: Db, table: TableInfo, expected: number, writer: BackupWriter): Promise<void> {
  await tx.execute(sql.raw(`declare casebook_backup no scroll cursor for ${rowQuery(table)}`));
  let written = 0;
  for (;;) {
    const rows = rowsOf<{ line: string }>(await tx.execute(sql.raw(`fetch forward ${FETCH_ROWS} from casebook_backup`)));
    if (rows.length === 0) break;
    for (const row of rows) await writer.line(row.line);
    written += rows.length;
  }
  await tx.execute(sql.raw('close casebook_backup'));
  // The snapshot makes this impossible; if it ever happens, the file must not pass as complete.
  if (written !== expected) throw new Error(`表 ${table.name} 读出 ${written} 行，与计数 ${expected} 不符`);
}

/** The tables to back up. At this code's migration level they are exactly db/schema.ts's tables, and
 *  the database must have no others; a database not yet upgraded is backed up as it stands. */
async function tablesToBackUp(tx: Db, applied: MigrationRef[], known: MigrationRef[]): Promise<string[]> {
  const inDatabase = await databaseTableNames(tx);
  if (applied.length < known.length) return inDatabase;
  const declared = schemaTableNames();
  const missing = declared.filter((t) => !inDatabase.includes(t));
  const extra = inDatabase.filter((t) => !declared.includes(t));
  if (missing.length > 0) throw new BackupRefusal(`数据库缺少表 ${missing.join('、')}，与迁移记录不符，无法备份。`);
  if (extra.length > 0) {
    throw new BackupRefusal(
      `数据库中有本程序不认识的表 ${extra.join('、')}（db/schema.ts 中没有），备份不会包含它们，因此拒绝备份。` +
        '请把它们移出 public 模式，或用 pg_dump 备份。',
    );
  }
  return declared;
}

/**
 * Writes a consistent backup of the whole database to `file`: one read-only REPEATABLE READ
 * transaction, so on PostgreSQL the app keeps running and the file is one moment's state.
 */
export async function createBackup(database: Database, file: string, now: Date = new Date()): Promise<BackupSummary> {
  const known = knownMigrations();
  const writer = BackupWriter.create(file);
  try {
    const header = await database.db.transaction(
      async (tx) => {
        await tx.execute(sql`set local timezone = 'UTC'`);
        const applied = await appliedMigrations(tx);
        if (applied.length === 0) throw new BackupRefusal('数据库还没有建表（从未运行过迁移），没有可备份的内容。');
        const newer = departure(applied, known);
        if (newer) {
          throw new BackupRefusal(`数据库已由更新版本的 Casebook 迁移过（本程序不认识迁移 ${newer.found.id}）：请用那个版本的程序备份。`);
        }
        const tables: TableInfo[] = [];
        for (const name of await tablesToBackUp(tx, applied, known)) tables.push(await describeTable(tx, name));
        const counts = new Map<string, number>();
        for (const t of tables) counts.set(t.name, await countRows(tx, t.name));
        const sequences = [];
        for (const t of tables) {
          for (const s of await serialColumns(tx, t.name)) sequences.push({ table: t.name, column: s.column, next: await nextSequenceValue(tx, s.sequence) });
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: now.toISOString(),
          source: database.kind,
          migrations: applied.map(({ id, hash, createdAt }) => ({ id, hash, createdAt })),
          tables: tables.map((t) => ({
            name: t.name,
            columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
            primaryKey: t.primaryKey,
            rows: counts.get(t.name) ?? 0,
          })),
          sequences,
        };
        await writer.line(JSON.stringify(header));
        for (const t of tables) await writeRows(tx, t, counts.get(t.name) ?? 0, writer);
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        await writer.line(JSON.stringify({ end: BACKUP_FORMAT, rows: total }));
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writer.finish();
    return {
      file,
      bytes: fs.statSync(file).size,
      createdAt: header.createdAt,
      migrations: header.migrations,
      tables: header.tables.map((t) => ({ table: t.name, rows: t.rows })),
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
