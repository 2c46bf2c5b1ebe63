import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { BackupRefusal, type BackupHeader } from './backup-file';
import { walkBackup, type InspectedBackup } from './backup-reader';
import { countRows, databaseTableNames, describeTable, foreignKeys, nextSequenceValue, quoteIdent, quoteLiteral, serialColumns } from './catalog';
import { applyMigrations, appliedMigrations, departure, knownMigrations, type KnownMigration, type MigrationRef } from './migrations';
import { endSessionsAfterRestore, rememberSessionVersions } from './sessions';
import { describeCounts, type TableCount } from './table-labels';

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  force?: boolean;
}

export interface RestoreSummary {
  createdAt: string;
  source: BackupHeader['source'];
  /** The backup's migration level. */
  migrations: MigrationRef[];
  /** Migrations applied after the rows were loaded, to bring an older backup up to this code. */
  upgradedWith: string[];
  tables: TableCount[];
  /** What the database held before; empty when it was empty. */
  replaced: TableCount[];
}

// Same lock as db/migrate.ts: an app instance starting during a restore waits instead of migrating.
const MIGRATION_LOCK = 727274;
const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

/** The migrations the target must be taken through before loading rows, or a refusal. */
function migrationsToBackupLevel(backup: MigrationRef[], applied: MigrationRef[], known: KnownMigration[]): KnownMigration[] {
  const appliedDeparts = departure(applied, known);
  if (appliedDeparts) {
    throw new BackupRefusal(`目标数据库已由更新版本的 Casebook 迁移过（本程序不认识迁移 ${appliedDeparts.found.id}）：请用那个版本的程序恢复。`);
  }
  if (applied.length > backup.length) {
    throw new BackupRefusal(
      `目标数据库的结构（已迁移到 ${applied.at(-1)!.id}）比备份（迁移到 ${backup.at(-1)!.id}）新，不能在它上面恢复。` +
        '请恢复到一个新建的空数据库（PostgreSQL：新建一个数据库并让 DATABASE_URL 指向它；嵌入式数据库：让 CASEBOOK_DATA_DIR 指向一个新目录，恢复前不要启动应用）：' +
        '恢复时先建成备份时的结构，装入数据后再自动升级到当前版本。',
    );
  }
  return known.slice(applied.length, backup.length);
}

function checkBackupLevel(header: BackupHeader, known: KnownMigration[]): void {
  const departs = departure(header.migrations, known);
  if (!departs) return;
  const ours = known[departs.index];
  if (!known.some((m) => m.createdAt === departs.found.createdAt)) {
    throw new BackupRefusal(
      `这份备份来自更新版本的 Casebook：包含本程序不认识的迁移 ${departs.found.id}。请先把程序升级到与备份相同或更新的版本，再恢复。`,
    );
  }
  throw new BackupRefusal(`备份的迁移记录与本程序不一致（第 ${departs.index + 1} 个迁移是 ${departs.found.id}，本程序是 ${ours?.id ?? '无'}），无法恢复。`);
}

/** After migrating to the backup's level the database must have exactly the backup's tables and columns. */
async function checkStructure(tx: Db, header: BackupHeader): Promise<void> {
  const inDatabase = await databaseTableNames(tx);
  const inBackup = header.tables.map((t) => t.name);
  const missing = inBackup.filter((t) => !inDatabase.includes(t));
  const extra = inDatabase.filter((t) => !inBackup.includes(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new BackupRefusal(
      `备份中的表与数据库结构不一致（${[...missing.map((t) => `数据库缺少 ${t}`), ...extra.map((t) => `备份缺少 ${t}`)].join('；')}），无法恢复。`,
    );
  }
  for (const table of header.tables) {
    const actual = (await describeTable(tx, table.name)).columns.map((c) => `${c.name} ${c.type}`).join(', ');
    const expected = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (actual !== expected) throw new BackupRefusal(`备份中表 ${table.name} 的列（${expected}）与数据库（${actual}）不一致，无法恢复。`);
  }
}

/** The INSERT for one table, around the batch of rows passed as one jsonb array parameter.
 *  jsonb_populate_record turns each JSON value into its column's type (timestamps, arrays, enums,
 *  tsvector, bigint from text); json columns are taken as they are, so JSON null stays JSON null. */
async function insertStatement(tx: Db, table: string): Promise<(lines: string[]) => SQL> {
  const info = await describeTable(tx, table);
  const columns = info.columns.map((c) => quoteIdent(c.name)).join(', ');
  const values = info.columns
    .map((c) => {
      const key = quoteLiteral(c.name);
      if (c.base === 'jsonb') return `case when __src.doc ? ${key} then __src.doc -> ${key} end`;
      if (c.base === 'json') return `case when __src.doc ? ${key} then (__src.doc -> ${key})::json end`;
      return `__rec.${quoteIdent(c.name)}`;
    })
    .join(', ');
  const overriding = info.columns.some((c) => c.alwaysIdentity) ? ' overriding system value' : '';
  const target = quoteIdent(table);
  const before = sql.raw(`insert into ${target} (${columns})${overriding} select ${values} from jsonb_array_elements(`);
  const after = sql.raw(`::jsonb) with ordinality as __src(doc, ord), jsonb_populate_record(null::${target}, __src.doc) as __rec order by __src.ord`);
  return (lines) => sql`${before}${`[${lines.join(',')}]`}${after}`;
}

async function loadRows(tx: Db, backup: InspectedBackup): Promise<void> {
  const statements = new Map<string, (lines: string[]) => SQL>();
  for (const t of backup.header.tables) statements.set(t.name, await insertStatement(tx, t.name));
  let table = '';
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await tx.execute(statements.get(table)!(batch));
    } catch (error) {
      throw new BackupRefusal(`备份中表 ${table} 的数据无法写入（${(error as Error).message}），已放弃恢复。`);
    }
    batch = [];
    chars = 0;
  };
  await walkBackup(
    backup.file,
    (header) => {
      if (JSON.stringify(header) !== JSON.stringify(backup.header)) throw new BackupRefusal(`备份文件 ${backup.file} 在检查之后被改动过，已停止恢复。`);
    },
    async (name, line) => {
      if (name !== table || batch.length >= BATCH_ROWS || chars + line.length > BATCH_CHARS) await flush();
      table = name;
      batch.push(line);
      chars += line.length;
    },
  );
  await flush();
}

/** Sequences continue after the highest restored id, and never behind where they stood at backup time
 *  or before the restore: an id handed out once (to a row the restore discarded, named in a link or a
 *  signed-in session) is not handed out again. */
async function resetSequences(tx: Db, header: BackupHeader): Promise<void> {
  for (const table of header.tables) {
    for (const s of await serialColumns(tx, table.name)) {
      const backedUp = header.sequences.find((q) => q.table === table.name && q.column === s.column)?.next ?? '1';
      const current = await nextSequenceValue(tx, s.sequence);
      const highest = sql.raw(`(select max(${quoteIdent(s.column)}) from ${quoteIdent(table.name)})`);
      await tx.execute(
        sql`select setval(${s.sequence}::regclass, greatest(${backedUp}::bigint, ${current}::bigint, coalesce(${highest}, 0) + 1), false)`,
      );
    }
  }
}

const SEEDED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['site_settings', 'review_stages', 'return_reasons']);

/**
 * Replaces the database's contents with the backup's, in one transaction: the target is taken to the
 * backup's migration level, emptied, loaded, its sequences reset and every session ended, then
 * migrated up to this code's level. Any refusal or failure rolls everything back.
 */
export async function restoreBackup(database: Database, backup: InspectedBackup, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const { header } = backup;
  const known = knownMigrations();
  checkBackupLevel(header, known);
  return database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const existing = await databaseTableNames(tx);
    // Everything at once, before counting: a running app waits for the restore instead of writing
    // into it half-way, and the counts in a refusal are exact.
    if (existing.length > 0) await tx.execute(sql.raw(`lock table ${existing.map(quoteIdent).join(', ')} in access exclusive mode`));
    const applied = await appliedMigrations(tx);
    const toBackupLevel = migrationsToBackupLevel(header.migrations, applied, known);
    const replaced: TableCount[] = [];
    for (const table of existing) replaced.push({ table, rows: await countRows(tx, table) });
    // The settings the migrations write (default stages, return reasons, the settings row) are not
    // anyone's data: a freshly migrated database counts as empty.
    if (replaced.some((c) => c.rows > 0 && !SEEDED_BY_MIGRATIONS.has(c.table)) && !options.force) {
      throw new BackupRefusal(`目标数据库不是空的。将覆盖：${describeCounts(replaced)}。确认要用备份替换全部现有内容，请加上 --force 重新运行。`);
    }
    await applyMigrations(tx, toBackupLevel);
    await checkStructure(tx, header);

    // Foreign keys are dropped for the load and added back after it: rows go in whatever the order
    // (cases and their revisions point at each other), and adding a key back checks every row.
    const keys = await foreignKeys(tx);
    await rememberSessionVersions(tx);
    for (const k of keys) await tx.execute(sql.raw(`alter table ${quoteIdent(k.table)} drop constraint ${quoteIdent(k.name)}`));
    if (header.tables.length > 0) await tx.execute(sql.raw(`truncate ${header.tables.map((t) => quoteIdent(t.name)).join(', ')}`));
    await loadRows(tx, backup);
    for (const k of keys) {
      try {
        await tx.execute(sql.raw(`alter table ${quoteIdent(k.table)} add constraint ${quoteIdent(k.name)} ${k.definition}`));
      } catch (error) {
        throw new BackupRefusal(`备份中的数据引用不完整（${k.table}.${k.name}：${(error as Error).message}），已放弃恢复。`);
      }
    }
    await resetSequences(tx, header);
    await endSessionsAfterRestore(tx);

    const upgrade = known.slice(header.migrations.length);
    await applyMigrations(tx, upgrade);
    return {
      createdAt: header.createdAt,
      source: header.source,
      migrations: header.migrations,
      upgradedWith: upgrade.map((m) => m.id),
      tables: header.tables.map((t) => ({ table: t.name, rows: t.rows })),
      replaced: replaced.filter((c) => c.rows > 0),
    };
  });
}
