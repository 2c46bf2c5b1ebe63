import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, returnReasons, reviewStages, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { publishIssue } from '@/lib/services/publishing';
import { approve } from '@/lib/services/reviews';
import { createActor, sampleContent } from '../support/fixtures';
import { firstRow, migrateAcross } from '../support/migrate-across';
import { testTarget } from '../support/test-db';
import { must } from './helpers';

// A database from before review stages, carried across the migration as an upgrade finds it: a case
// approved then has passed every stage (its issue publishes without anything recorded since), a
// published one stays published, and one in review waits at 初审 for whoever submitted it.
const TAG = '0004_editorial_practice';

describe(`review stages on a database from before them (${testTarget})`, () => {
  let database: Database;
  const ids = { editor: 0, reviewer: 0, issue: 0, approved: 0, published: 0, inReview: 0, inReviewRevision: 0 };

  beforeAll(async () => {
    database = await migrateAcross(TAG, async (db) => {
      const one = <T>(query: ReturnType<typeof sql>) => firstRow<T>(db, query);
      const person = async (email: string, role: string) =>
        (await one<{ id: number }>(sql`insert into users (email, name, role, password_hash) values (${email}, ${email}, ${sql.raw(`'${role}'`)}, 'x') returning id`)).id;
      ids.editor = await person('editor@example.test', 'editor');
      ids.reviewer = await person('reviewer@example.test', 'reviewer');
      ids.issue = (await one<{ id: number }>(sql`insert into issues (number, title) values (5, '迁移前的一期') returning id`)).id;
      const content = JSON.stringify(sampleContent());
      const newCase = async (status: string, position: number | null) => {
        const c = (
          await one<{ id: number }>(
            sql`insert into cases (created_by_id, updated_by_id, title, search_vector, status, issue_id, position) values (${ids.editor}, ${ids.editor}, ${sampleContent().title}, to_tsvector('simple', ''), ${sql.raw(`'${status}'`)}, ${position === null ? null : ids.issue}, ${position}) returning id`,
          )
        ).id;
        const r = (
          await one<{ id: number }>(
            sql`insert into case_revisions (case_id, number, author_id, content, contributor_ids) values (${c}, 1, ${ids.editor}, ${content}::jsonb, ${sql.raw(`'{${ids.editor}}'`)}) returning id`,
          )
        ).id;
        await db.execute(sql`update cases set current_revision_id = ${r} where id = ${c}`);
        return { c, r };
      };
      const approved = await newCase('approved', 1);
      ids.approved = approved.c;
      await db.execute(sql`update case_revisions set approved_at = now(), approved_by_id = ${ids.reviewer} where id = ${approved.r}`);
      await db.execute(sql`update cases set approved_revision_id = ${approved.r}, last_reviewer_id = ${ids.reviewer} where id = ${approved.c}`);
      const published = await newCase('published', null);
      ids.published = published.c;
      await db.execute(sql`update cases set published_revision_id = ${published.r}, approved_revision_id = ${published.r} where id = ${published.c}`);
      const inReview = await newCase('in_review', null);
      ids.inReview = inReview.c;
      ids.inReviewRevision = inReview.r;
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seeds 初审 → 复审 → 终审 (终审 after one 校次) and the five stock reasons', async () => {
    const stages = await database.db.select().from(reviewStages).orderBy(asc(reviewStages.position));
    expect(stages.map((s) => [s.name, s.requiredRounds, s.roles])).toEqual([
      ['初审', 0, ['reviewer', 'admin']],
      ['复审', 0, ['reviewer', 'admin']],
      ['终审', 1, ['reviewer', 'admin']],
    ]);
    expect((await database.db.select().from(returnReasons).orderBy(asc(returnReasons.position))).map((r) => r.label)).toEqual(['数据缺失', '表述不规范', '与事实不符', '格式问题', '其他']);
  });

  it('a case in review waits at 初审, submitted by whoever last put it there; approved and published cases wait nowhere', async () => {
    const rows = await database.db.select().from(cases).orderBy(asc(cases.id));
    expect(rows.map((r) => [r.id, r.status, r.reviewStage, r.submittedById])).toEqual([
      [ids.approved, 'approved', null, null],
      [ids.published, 'published', null, null],
      [ids.inReview, 'in_review', 1, ids.editor],
    ]);
  });

  it('the case in review goes on through the stages from 初审', async () => {
    const reviewer: Actor = await createActor(database.db, 'reviewer', '新审核');
    const passed = must(await approve(database.db, reviewer, { caseId: ids.inReview, revisionId: ids.inReviewRevision }));
    expect(passed).toMatchObject({ passed: '初审', next: '复审', case: { status: 'in_review', reviewStage: 2 } });
  });

  it('an approved case counts as having passed every stage: its issue publishes without a 校次 recorded since', async () => {
    const [reviewer] = await database.db.select().from(users).where(eq(users.id, ids.reviewer));
    const actor: Actor = { id: reviewer!.id, name: reviewer!.name, email: reviewer!.email, role: reviewer!.role };
    must(await publishIssue(database.db, actor, { issueId: ids.issue }));
    expect((await database.db.select().from(cases).where(eq(cases.id, ids.approved)))[0]!.status).toBe('published');
  });
});
