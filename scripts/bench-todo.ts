// npx tsx --conditions=react-server scripts/bench-todo.ts — seeds 100,000 cases with their revisions,
// stage decisions, comments, notifications and scheduled issues in a throwaway database (in-memory
// PGlite; also a temporary database on the PostgreSQL server when DATABASE_URL is set) and prints
// the median and p95 server time of everyone's 待办: the page (loadTodo), the header counts
// (todoCounts) and the notification fan-out of a submission (in a transaction rolled back each time).
// BENCH_CASES overrides the count; BENCH_SKIP_PGLITE=1 runs PostgreSQL only; BENCH_EXPLAIN=1 prints plans.
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notifyForAudit } from '@/lib/notify/fan-out';
import { loadTodo, todoCounts } from '@/lib/services/todo';
import { benchOnBothDatabases } from './bench/both-databases';
import { measure as measureRuns } from './bench/measure';
import { runCli } from './cli';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = 40;
const EDITORS = 10;
const REVIEWERS = 15;
const ADMINS = 5;

type Staff = { editors: Actor[]; reviewers: Actor[]; admins: Actor[] };

async function seedStaff(db: Db): Promise<Staff> {
  const make = async (role: Actor['role'], n: number, label: string) => {
    const rows = await db
      .insert(users)
      .values(Array.from({ length: n }, (_, i) => ({ email: `${role}${i}@bench.local`, name: `${label}${i + 1}`, role, passwordHash: 'x' })))
      .returning();
    return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }));
  };
  return { editors: await make('editor', EDITORS, '编辑'), reviewers: await make('reviewer', REVIEWERS, '审核'), admins: await make('admin', ADMINS, '管理员') };
}

/**
 * The newsroom's working tables at scale, written set-wise in SQL. Of every 20 cases: 8 drafts, 4 in
 * review (at 初审, 复审, 终审 in turn), 2 returned, 3 approved, 3 published. Every case has a revision;
 * one in seven carries an admin's text too. Cases past 初审 were passed by reviewers; there are
 * 30,000 comments (half resolved) and 300,000 notifications (one in ten unread).
 */
async function seed(db: Db, staff: Staff): Promise<void> {
  const editors = `(array[${staff.editors.map((a) => a.id).join(',')}])`;
  const reviewers = `(array[${staff.reviewers.map((a) => a.id).join(',')}])`;
  const everyone = `(array[${[...staff.editors, ...staff.reviewers, ...staff.admins].map((a) => a.id).join(',')}])`;
  const admin0 = staff.admins[0]!.id;
  await db.execute(
    sql.raw(`
    insert into cases (status, review_stage, created_by_id, updated_by_id, submitted_by_id, title, search_vector, updated_at)
    select s.status::case_status,
           case when s.status = 'in_review' then 1 + (g % 3) end,
           ${editors}[1 + (g / 20) % ${EDITORS}], ${editors}[1 + (g / 20) % ${EDITORS}],
           case when s.status in ('in_review', 'changes_requested') then ${editors}[1 + (g / 20) % ${EDITORS}] end,
           '基准案例' || g, to_tsvector('simple', '基准 案例'), now() - (g || ' minutes')::interval
    from generate_series(1, ${TOTAL}) g
    cross join lateral (select (array['draft','draft','draft','draft','draft','draft','draft','draft','in_review','in_review','in_review','in_review',
      'changes_requested','changes_requested','approved','approved','approved','published','published','published'])[1 + g % 20] as status) s`),
  );
  await db.execute(
    sql.raw(`
    insert into case_revisions (case_id, number, author_id, content, contributor_ids)
    select id, 1, created_by_id, '{"title":"基准","regions":[],"profile":null,"lead":"","sections":[],"tags":[]}'::jsonb,
           case when id % 7 = 0 then array[created_by_id, ${admin0}] else array[created_by_id] end
    from cases`),
  );
  await db.execute(sql.raw(`update cases c set current_revision_id = r.id from case_revisions r where r.case_id = c.id`));
  await db.execute(
    sql.raw(`
    insert into case_stage_decisions (case_id, revision_id, stage, stage_name, decision, actor_id)
    select c.id, c.current_revision_id, st.stage, case st.stage when 1 then '初审' else '复审' end, 'pass', ${reviewers}[1 + (c.id + st.stage) % ${REVIEWERS}]
    from cases c cross join generate_series(1, 2) as st(stage)
    where c.status = 'in_review' and st.stage < c.review_stage`),
  );
  await db.execute(
    sql.raw(`
    insert into review_comments (case_id, revision_id, author_id, body, addressee_id, resolved_at, created_at)
    select c.id, c.current_revision_id, ${reviewers}[1 + g % ${REVIEWERS}], '请核实数字', c.created_by_id,
           case when g % 2 = 0 then now() end, now() - (g || ' seconds')::interval
    from generate_series(1, 30000) g join cases c on c.id = 1 + (g * 7919) % ${TOTAL}`),
  );
  await db.execute(
    sql.raw(`
    insert into notifications (user_id, kind, case_id, message, read_at, created_at)
    select ${everyone}[1 + g % ${EDITORS + REVIEWERS + ADMINS}], 'case.at_stage', 1 + (g::bigint * 104729) % ${TOTAL}, '《基准案例》等待初审',
           case when (g / ${EDITORS + REVIEWERS + ADMINS}) % 10 <> 0 then now() end, now() - (g || ' seconds')::interval
    from generate_series(1, 300000) g`),
  );
  await db.execute(
    sql.raw(`
    insert into issues (number, title, status, scheduled_at, scheduled_by_id)
    select g, '第' || g || '期主题', case when g <= 20 then 'scheduled'::issue_status else 'draft'::issue_status end,
           case when g <= 20 then now() + interval '1 day' end, case when g <= 20 then ${reviewers}[1 + g % ${REVIEWERS}] end
    from generate_series(1, 200) g`),
  );
  // As autovacuum would have done by now: the bulk update above left every case row twice in its indexes.
  await db.execute(sql`vacuum analyze`);
}

const measure = (label: string, run: () => Promise<unknown>) => measureRuns(label, run, { runs: RUNS, width: 30 });

class Rollback extends Error {}

async function benchmark(name: string, database: Database): Promise<void> {
  const { db } = database;
  console.log(`\n[${name}] 写入 ${TOTAL.toLocaleString('zh-CN')} 个案例及其修订、审核记录、意见和通知…`);
  const t0 = Date.now();
  await migrateDatabase(database);
  const staff = await seedStaff(db);
  await seed(db, staff);
  console.log(`[${name}] 写入完成，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  const reviewer = staff.reviewers[0]!;
  const editor = staff.editors[0]!;
  const admin = staff.admins[0]!;
  const todo = await loadTodo(db, reviewer);
  if (todo.ok) console.log(`  （审核1 的待办：${todo.todo.stages.map((s) => `${s.name}${s.total}`).join('、')}；未读通知 ${todo.todo.notifications.unread}）`);
  await measure('待办页：审核人员', () => loadTodo(db, reviewer));
  await measure('待办页：编辑', () => loadTodo(db, editor));
  await measure('待办页：管理员', () => loadTodo(db, admin));
  await measure('页头计数：审核人员', () => todoCounts(db, reviewer));
  await measure('页头计数：编辑', () => todoCounts(db, editor));
  const [target] = await db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'in_review')).limit(1);
  await measure('提交审核的通知（事务内）', async () => {
    await db
      .transaction(async (tx) => {
        await notifyForAudit(tx, { actorId: editor.id, action: 'case.submit', targetType: 'case', targetId: target!.id, after: { status: 'in_review' } });
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  });
  await measure('不通知任何人的审计（保存草稿）', () => notifyForAudit(db, { actorId: editor.id, action: 'case.save', targetType: 'case', targetId: target!.id }));
  if (process.env.BENCH_EXPLAIN) {
    const plan = await db.execute(
      sql.raw(`explain analyze select id from cases where status = 'in_review' and review_stage = 2
        order by updated_at desc nulls last, id desc nulls last limit 100`),
    );
    console.log(rowsOf<Record<string, string>>(plan).map((r) => Object.values(r)[0]).join('\n'));
    for (const q of [
      `explain analyze select c.id from review_comments c join cases k on k.id = c.case_id join users u on u.id = c.author_id
        where c.addressee_id = ${editor.id} and c.resolved_at is null
          and (c.parent_id is null or (select root.resolved_at from review_comments root where root.id = c.parent_id) is null)
        order by c.created_at desc nulls last limit 20`,
      `explain analyze select id from cases where status = 'changes_requested' and submitted_by_id = ${editor.id} order by updated_at desc nulls last limit 20`,
      `explain analyze select id from notifications where user_id = ${editor.id} order by created_at desc nulls last, id desc nulls last limit 30`,
    ]) {
      const p = await db.execute(sql.raw(q));
      console.log(rowsOf<Record<string, string>>(p).map((r) => Object.values(r)[0]).join('\n'));
    }
  }
}

runCli(() => benchOnBothDatabases(benchmark));
