import 'server-only';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '@/db/client';
import * as schema from '@/db/schema';

// What the backup reads about the database's own structure. Table names come from db/schema.ts, so
// a table added there is backed up without anyone remembering to list it; columns, keys and
// sequences come from the database itself, so a dump is exactly what the database holds.

export interface ColumnInfo {
  name: string;
  /** As PostgreSQL prints it (format_type): integer, text[], timestamp with time zone, case_status… */
  type: string;
  /** The underlying type's name (int8, jsonb, _text…), which decides how a value is written. */
  base: string;
  /** GENERATED ALWAYS AS IDENTITY: inserting an explicit value needs OVERRIDING SYSTEM VALUE. */
  alwaysIdentity: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

/** Every table declared in db/schema.ts (in the order of their export names). */
export function schemaTableNames(): string[] {
  return Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table));
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The application's tables as the database has them: ordinary tables in the public schema. */
export async function databaseTableNames(db: Db): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`),
  );
  return rows.map((r) => r.name);
}

const regclass = (table: string) => sql`to_regclass(format('public.%I', ${table}::text))`;

export async function describeTable(db: Db, table: string): Promise<TableInfo> {
  const columns = rowsOf<{ name: string; type: string; base: string; always_identity: boolean }>(
    await db.execute(sql`
      select a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type, t.typname::text as base,
             (a.attidentity = 'a') as always_identity
      from pg_attribute a join pg_type t on t.oid = a.atttypid
      where a.attrelid = ${regclass(table)} and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`),
  );
  const primaryKey = rowsOf<{ name: string }>(
    await db.execute(sql`
      select a.attname::text as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${regclass(table)} and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`),
  );
  return {
    name: table,
    columns: columns.map((c) => ({ name: c.name, type: c.type, base: c.base, alwaysIdentity: c.always_identity === true })),
    primaryKey: primaryKey.map((c) => c.name),
  };
}

export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return Number(row?.n ?? 0);
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Foreign keys between the application's tables, with their full definitions (pg_get_constraintdef). */
export async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return rowsOf<ForeignKey>(
    await db.execute(sql`
      select c.relname::text as "table", con.conname::text as name, pg_get_constraintdef(con.oid) as definition
      from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
      where con.contype = 'f' and n.nspname = 'public' order by 1, 2`),
  );
}

export interface SerialColumn {
  table: string;
  column: string;
  /** Qualified and quoted as PostgreSQL prints it, e.g. public.users_id_seq. */
  sequence: string;
}

/** Columns filled from a sequence (serial, bigserial, identity). */
export async function serialColumns(db: Db, table: string): Promise<SerialColumn[]> {
  const rows = rowsOf<{ column: string; sequence: string | null }>(
    await db.execute(sql`
      select a.attname::text as "column", pg_get_serial_sequence(format('public.%I', ${table}::text), a.attname) as sequence
      from pg_attribute a
      where a.attrelid = ${regclass(table)} and a.attnum > 0 and not a.attisdropped
      order by a.attnum`),
  );
  return rows.filter((r): r is { column: string; sequence: string } => r.sequence !== null).map((r) => ({ table, ...r }));
}

/** The value the sequence hands out next, as text (it is a bigint). */
export async function nextSequenceValue(db: Db, sequence: string): Promise<string> {
  const [row] = rowsOf<{ next: string }>(
    await db.execute(sql`select (case when is_called then last_value + 1 else last_value end)::text as next from ${sql.raw(sequence)}`),
  );
  return row?.next ?? '1';
}
