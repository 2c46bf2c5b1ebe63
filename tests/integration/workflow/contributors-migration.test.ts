import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { firstRow, migrateAcross } from '../support/migrate-across';
import { testTarget } from '../support/test-db';

// A database that already holds revisions when the contributors migration arrives: every existing
// revision must come out carrying its author, and revisions that had been approved must count as
// reviewed, or an upgrade would leave rows the new code cannot read (or wrongly lets authors approve).
const BEFORE = '0002_sod_contributors';

describe(`contributors migration on existing data (${testTarget})`, () => {
  let database: Database;
  const ids = { author: 0, other: 0, reviewer: 0, caseId: 0, approvedAt: '' };

  beforeAll(async () => {
    database = await migrateAcross(BEFORE, async (db) => {
      const one = <T>(query: ReturnType<typeof sql>) => firstRow<T>(db, query);
      const user = async (name: string, role: string) =>
        (await one<{ id: number }>(sql`insert into users (email, name, role, password_hash) values (${`${name}@example.test`}, ${name}, ${role}, 'x') returning id`)).id;
      ids.author = await user('author', 'editor');
      ids.other = await user('other', 'editor');
      ids.reviewer = await user('reviewer', 'reviewer');
      ids.caseId = (
        await one<{ id: number }>(
          sql`insert into cases (created_by_id, updated_by_id, title, search_vector) values (${ids.author}, ${ids.author}, '旧案例', to_tsvector('simple', '旧案例')) returning id`,
        )
      ).id;
      const revision = async (n: number, authorId: number) =>
        (await one<{ id: number }>(sql`insert into case_revisions (case_id, number, author_id, content) values (${ids.caseId}, ${n}, ${authorId}, '{}'::jsonb) returning id`)).id;
      await revision(1, ids.author);
      const second = await revision(2, ids.other);
      const third = await revision(3, ids.author);
      // Revision 1 was approved through the workflow (the audit trail says so); revision 2 is the one
      // the public sees, with no trail entry (content published by an older version); 3 is a draft.
      const at = await one<{ at: string }>(
        sql`insert into audit_log (actor_id, action, target_type, target_id, after) values (${ids.reviewer}, 'case.approve', 'case', ${String(ids.caseId)}, ${JSON.stringify({ version: 3, status: 'approved', revision: 1 })}::jsonb) returning at::text as at`,
      );
      ids.approvedAt = at.at;
      await db.execute(sql`update cases set current_revision_id = ${third}, published_revision_id = ${second} where id = ${ids.caseId}`);
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives every existing revision its author as its only contributor', async () => {
    const rows = rowsOf<{ number: number; contributor_ids: number[] }>(
      await database.db.execute(sql`select number, contributor_ids from case_revisions where case_id = ${ids.caseId} order by number`),
    );
    expect(rows.map((r) => [r.number, r.contributor_ids])).toEqual([
      [1, [ids.author]],
      [2, [ids.other]],
      [3, [ids.author]],
    ]);
  });

  it('marks revisions approved through the workflow with their approver, and published ones as reviewed', async () => {
    const rows = rowsOf<{ number: number; approved_by_id: number | null; approved: string | null }>(
      await database.db.execute(sql`select number, approved_by_id, approved_at::text as approved from case_revisions where case_id = ${ids.caseId} order by number`),
    );
    expect(rows.map((r) => [r.number, r.approved_by_id, r.approved !== null])).toEqual([
      [1, ids.reviewer, true],
      [2, null, true],
      [3, null, false],
    ]);
    expect(rows[0]!.approved).toBe(ids.approvedAt);
  });

  it('refuses, from then on, a revision that does not name its author among its contributors', async () => {
    const insert = (contributors: string) =>
      database.db.execute(sql.raw(`insert into case_revisions (case_id, number, author_id, content, contributor_ids) values (${ids.caseId}, 9, ${ids.author}, '{}', ${contributors})`));
    await expect(database.db.execute(sql`insert into case_revisions (case_id, number, author_id, content) values (${ids.caseId}, 9, ${ids.author}, '{}')`)).rejects.toThrow();
    await expect(insert(`'{${ids.other}}'`)).rejects.toThrow();
    await insert(`'{${ids.author},${ids.other}}'`);
  });
});
