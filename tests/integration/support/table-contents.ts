import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

/** Columns to leave out of the comparison, by table: e.g. { users: ['session_version'] }. */
export type IgnoredColumns = Partial<Record<string, string[]>>;

async function rowExpression(tx: Db, table: string, ignored: string[] | undefined): Promise<string> {
  if (!ignored?.length) return 't::text';
  const columns = rowsOf<{ name: string }>(
    await tx.execute(sql`
      select attname::text as name from pg_attribute
      where attrelid = to_regclass(format('public.%I', ${table}::text)) and attnum > 0 and not attisdropped order by attnum`),
  );
  const kept = columns.map((c) => c.name).filter((c) => !ignored.includes(c));
  return `row(${kept.map((c) => `t."${c.replaceAll('"', '""')}"`).join(', ')})::text`;
}

/**
 * Every table in the database's public schema with every row as PostgreSQL prints it (row::text, in
 * UTC, sorted byte-wise), read straight from the catalog: two databases hold the same data exactly
 * when these are equal, whatever the driver and whatever code wrote them.
 */
export async function tableContents(db: Db, ignore: IgnoredColumns = {}): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = rowsOf<{ name: string }>(
      await tx.execute(sql`
        select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`),
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const row = sql.raw(await rowExpression(tx, name, ignore[name]));
      const rows = rowsOf<{ r: string }>(await tx.execute(sql`select ${row} as r from ${sql.identifier(name)} as t order by (${row}) collate "C"`));
      out[name] = rows.map((r) => r.r);
    }
    return out;
  });
}

/** The migrations drizzle has recorded, by their drizzle-kit time stamps. */
export async function migrationLevel(db: Db): Promise<number[]> {
  const rows = rowsOf<{ c: string }>(await db.execute(sql`select created_at::text as c from drizzle.__drizzle_migrations order by created_at`));
  return rows.map((r) => Number(r.c));
}
