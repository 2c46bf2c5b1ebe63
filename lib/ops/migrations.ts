import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { rowsOf, type Db } from '@/db/client';

// Backups record the migration level they were taken at, and a restore rebuilds the target at that
// level before loading rows. Like drizzle's own migrator, a migration is identified by the time
// drizzle-kit stamped it (createdAt); the hash is kept for the record, since a checkout with other
// line endings hashes the same migration differently.

export interface MigrationRef {
  /** The journal tag, e.g. 0001_case_title_indexes. */
  id: string;
  hash: string;
  createdAt: number;
}

export interface KnownMigration extends MigrationRef {
  statements: string[];
}

const migrationsFolder = () => path.join(process.cwd(), 'db', 'migrations');

/** The migrations this code ships, oldest first. */
export function knownMigrations(): KnownMigration[] {
  const folder = migrationsFolder();
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return readMigrationFiles({ migrationsFolder: folder }).map((m, i) => ({
    id: journal.entries[i]?.tag ?? String(m.folderMillis),
    hash: m.hash,
    createdAt: m.folderMillis,
    statements: m.sql,
  }));
}

/** What drizzle has recorded as applied in this database, oldest first; empty for a blank database. */
export async function appliedMigrations(db: Db): Promise<MigrationRef[]> {
  const [table] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`));
  if (!table?.t) return [];
  const rows = rowsOf<{ hash: string; created_at: string }>(
    await db.execute(sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`),
  );
  const known = new Map(knownMigrations().map((m) => [m.createdAt, m.id]));
  return rows.map((r) => {
    const createdAt = Number(r.created_at);
    return { id: known.get(createdAt) ?? `未知迁移（${createdAt}）`, hash: r.hash, createdAt };
  });
}

/** The first place where `list` departs from `known`, or null if `list` is a prefix of it. */
export function departure(list: readonly MigrationRef[], known: readonly MigrationRef[]): { index: number; found: MigrationRef } | null {
  for (const [index, found] of list.entries()) {
    if (known[index]?.createdAt !== found.createdAt) return { index, found };
  }
  return null;
}

/** Runs migrations inside the caller's transaction and records them exactly as drizzle's migrator does,
 *  so the app's own migrator later agrees on what has been applied. */
export async function applyMigrations(tx: Db, migrations: readonly KnownMigration[]): Promise<void> {
  if (migrations.length === 0) return;
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  for (const m of migrations) {
    for (const statement of m.statements) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.createdAt})`);
  }
}
