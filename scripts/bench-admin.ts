// npm run bench:admin — seeds 100,000 cases in a throwaway database (in-memory PGlite; also a
// temporary database on the PostgreSQL server when DATABASE_URL is set) and prints the median and
// p95 server time of the admin cases list: a filter + sort + page, and a two-character search.
// BENCH_CASES overrides the count (e.g. for a quick run); BENCH_SKIP_PGLITE=1 runs PostgreSQL only.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases, issues, users } from '@/db/schema';
import { listCasesPage } from '@/lib/admin/case-list';
import { DEFAULT_CASE_TABLE_STATE, type CaseTableState } from '@/lib/admin/case-table-state';
import type { Actor } from '@/lib/auth/actor';
import { CASE_STATUSES } from '@/lib/content/model';
import { THEME_NAMES } from '@/lib/content/themes';
import { listProvinces } from '@/lib/regions';
import { documentTokens, queryTsquery } from '@/lib/search/tokens';
import { rng, seedSentences } from './bench/synthetic';
import { benchOnBothDatabases } from './bench/both-databases';
import { measure as measureRuns } from './bench/measure';
import { runCli } from './cli';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const BATCH = 1_000;
const RUNS = 60;

async function seed(database: Database): Promise<Actor> {
  const { db } = database;
  const staff = await db
    .insert(users)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        email: `bench${i}@casebook.local`,
        name: `测试用户${i + 1}`,
        role: i % 3 === 0 ? ('reviewer' as const) : ('editor' as const),
        passwordHash: 'x',
      })),
    )
    .returning({ id: users.id });
  const issueRows = await db
    .insert(issues)
    .values(Array.from({ length: 200 }, (_, i) => ({ number: i + 1, title: `第${i + 1}期主题` })))
    .returning({ id: issues.id });
  const sentences = seedSentences();
  const provinces = listProvinces();
  const rand = rng(20_261_125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.now() - 400 * 86_400_000;
  const issueFill = new Map<number, number>();
  for (let done = 0; done < TOTAL; done += BATCH) {
    const values = Array.from({ length: Math.min(BATCH, TOTAL - done) }, (_, k) => {
      const i = done + k;
      const province = pick(provinces);
      const title = `${province.name}${pick(sentences).slice(0, 18)}`;
      const body = [pick(sentences), pick(sentences), pick(sentences)].join('。');
      // One case in ten sits in an issue; the rest are loose drafts, as in a busy newsroom.
      let issueId: number | null = null;
      let position: number | null = null;
      if (i % 10 === 0) {
        issueId = pick(issueRows).id;
        position = (issueFill.get(issueId) ?? 0) + 1;
        issueFill.set(issueId, position);
      }
      const author = pick(staff).id;
      const status = pick(CASE_STATUSES);
      return {
        issueId,
        position,
        status,
        // A case in review waits at a stage (a CHECK holds the two together).
        reviewStage: status === 'in_review' ? 1 + (i % 3) : null,
        createdById: author,
        updatedById: author,
        lastReviewerId: rand() < 0.5 ? pick(staff).id : null,
        title,
        regions: [province.code],
        provinces: [province.code],
        tags: [pick(THEME_NAMES)],
        searchVector: sql`to_tsvector('simple', ${documentTokens(`${title}\n${body}`)})`,
        updatedAt: new Date(start + rand() * 400 * 86_400_000),
      };
    });
    await db.insert(cases).values(values);
    if ((done / BATCH) % 10 === 9) process.stdout.write(`  已写入 ${done + values.length} 条\r`);
  }
  await db.execute(sql`analyze`);
  return { id: staff[0]!.id, name: '测试用户1', email: 'bench0@casebook.local', role: 'admin' };
}

const measure = (label: string, run: () => Promise<unknown>) => measureRuns(label, run, { runs: RUNS, width: 34 });

async function benchmark(name: string, database: Database): Promise<void> {
  console.log(`\n[${name}] 写入 ${TOTAL.toLocaleString('zh-CN')} 个案例…`);
  const t0 = Date.now();
  await migrateDatabase(database);
  const actor = await seed(database);
  console.log(`[${name}] 写入完成，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  const state = (patch: Partial<CaseTableState>): CaseTableState => ({ ...DEFAULT_CASE_TABLE_STATE, ...patch });
  const filtered = state({ statuses: ['in_review', 'changes_requested'], province: '440000', sort: { column: 'updatedAt', desc: true }, page: 3 });
  const byTitle = state({ statuses: ['draft'], sort: { column: 'title', desc: false }, page: 5 });
  await measure('列表：状态+省份筛选，按更新时间，第3页', () => listCasesPage(database.db, actor, filtered));
  await measure('列表：草稿，按标题排序，第5页', () => listCasesPage(database.db, actor, byTitle));
  await measure('搜索：两字词“教育”', () => listCasesPage(database.db, actor, state({ q: '教育' })));
  await measure('搜索：两字词“住房”+状态筛选', () => listCasesPage(database.db, actor, state({ q: '住房', statuses: ['draft'] })));
  await measure('搜索：短语“随迁子女”', () => listCasesPage(database.db, actor, state({ q: '随迁子女' })));
  if (process.env.BENCH_EXPLAIN) {
    const plan = await database.db.execute(
      sql`explain analyze select id from cases where search_vector @@ to_tsquery('simple', ${queryTsquery('教育')}) order by updated_at desc, id desc limit 50`,
    );
    console.log(JSON.stringify(plan, null, 1).slice(0, 3000));
  }
}

runCli(() => benchOnBothDatabases(benchmark));
