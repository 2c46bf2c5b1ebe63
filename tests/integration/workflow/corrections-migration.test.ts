import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { countUncheckedPublishedErrors } from '@/lib/services/corrections';
import { blockingFindings } from '@/lib/services/proofreading';
import { sampleContent } from '../support/fixtures';
import { firstRow, migrateAcross } from '../support/migrate-across';
import { testTarget } from '../support/test-db';

// A database whose cases were published before the 待更正 count existed: the migration cannot run
// the proofreader, so it leaves their count unknown (never 0, which would hide their errors), and the
// start-up check of the demo counts them without touching anything an editor would see.
const TAG = '0003_corrections';

const withErrors = sampleContent({ sections: [{ kind: 'outcome', heading: '主要成效', body: '截至年年底，每人每年元。' }] });

describe(`the 待更正 count on cases published before it existed (${testTarget})`, () => {
  let database: Database;
  const ids = { published: 0, draft: 0, updatedAt: '' };
  const read = async () =>
    rowsOf<{ id: number; published_errors: number | null; updated_at: string }>(
      await database.db.execute(sql`select id, published_errors, updated_at::text as updated_at from cases order by id`),
    );

  beforeAll(async () => {
    database = await migrateAcross(TAG, async (db) => {
      const one = <T>(query: ReturnType<typeof sql>) => firstRow<T>(db, query);
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
    });
  });
  afterAll(async () => {
    await database?.close();
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
