import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { rowsOf, type Database, type Schema } from '@/db/client';
import { countUncheckedPublishedErrors } from '@/lib/services/corrections';
import { blockingFindings } from '@/lib/services/proofreading';
import { createBlankDatabase } from '../support/blank-db';
import { sampleContent } from '../support/fixtures';
import { testTarget } from '../support/test-db';

// A database whose cases were published before the 待更正 count existed: the migration cannot run
// the proofreader, so it leaves their count unknown (never 0, which would hide their errors), and the
// start-up check of the demo counts them without touching anything an editor would see.
const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const TAG = '0003_corrections';

function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, stop);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function migrateTo(database: Database, folder: string): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as PgliteDatabase<Schema>, { migrationsFolder: folder });
  else await migratePostgres(database.db as PostgresJsDatabase<Schema>, { migrationsFolder: folder });
}

const withErrors = sampleContent({ sections: [{ kind: 'outcome', heading: '主要成效', body: '截至年年底，每人每年元。' }] });

describe(`the 待更正 count on cases published before it existed (${testTarget})`, () => {
  let database: Database;
  let oldFolder: string;
  const ids = { published: 0, draft: 0, updatedAt: '' };
  const read = async () =>
    rowsOf<{ id: number; published_errors: number | null; updated_at: string }>(
      await database.db.execute(sql`select id, published_errors, updated_at::text as updated_at from cases order by id`),
    );

  beforeAll(async () => {
    database = await createBlankDatabase();
    oldFolder = migrationsBefore(TAG);
    await migrateTo(database, oldFolder);
    const { db } = database;
    const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query))[0]!;
    const author = (await one<{ id: number }>(sql`insert into users (email, name, role, password_hash) values ('a@example.test', '编辑', 'editor', 'x') returning id`)).id;
    const newCase = async (title: string) =>
      (await one<{ id: number }>(sql`insert into cases (created_by_id, updated_by_id, title, search_vector) values (${author}, ${author}, ${title}, to_tsvector('simple', '')) returning id`)).id;
    ids.published = await newCase('已发布的案例');
    ids.draft = await newCase('草稿');
    const revision = await one<{ id: number }>(
      sql`insert into case_revisions (case_id, number, author_id, content, contributor_ids) values (${ids.published}, 1, ${author}, ${JSON.stringify(withErrors)}::jsonb, ${sql.raw(`'{${author}}'`)}) returning id`,
    );
    await db.execute(sql`update cases set current_revision_id = ${revision.id}, published_revision_id = ${revision.id}, status = 'published' where id = ${ids.published}`);
    ids.updatedAt = (await one<{ at: string }>(sql`select updated_at::text as at from cases where id = ${ids.published}`)).at;
    await migrateTo(database, MIGRATIONS);
  });
  afterAll(async () => {
    await database?.close();
    if (oldFolder) fs.rmSync(oldFolder, { recursive: true, force: true });
  });

  it('leaves a published case unchecked and counts nothing to correct on one the public does not see', async () => {
    expect((await read()).map((r) => [r.id, r.published_errors])).toEqual([
      [ids.published, null],
      [ids.draft, 0],
    ]);
  });

  it('counts the errors once at start-up, leaving the case’s place in "recently updated" as it was', async () => {
    expect(await countUncheckedPublishedErrors(database.db)).toBe(1);
    const [published] = (await read()).filter((r) => r.id === ids.published);
    expect(published!.published_errors).toBe(blockingFindings(withErrors).length);
    expect(published!.published_errors).toBeGreaterThan(0);
    expect(published!.updated_at).toBe(ids.updatedAt);
    expect(await countUncheckedPublishedErrors(database.db)).toBe(0);
  });
});
