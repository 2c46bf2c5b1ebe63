// npm run bench:static -- --scale [--db pglite|postgres] [--sizes demo,1000,10000] [--dist …] [--build] [--keep]
//
// How long the static snapshot takes to generate as the site grows: the demo content, then 1,000 and
// 10,000 published cases (synthetic, in the seed's shapes, scripts/bench/published-corpus.ts). For
// each size, on a fresh database (a PGlite folder, or with --db postgres a new database next to
// BENCH_DATABASE_URL's): the production server starts with CASEBOOK_STATIC_DIR set, the snapshot is
// generated in full from it, then a reviewer publishes one more issue through the real Server
// Action (lib/services/publishing.ts) and the clock runs until the snapshot's current release holds
// that issue and every one of its case pages: the server's own background job put it there. The full
// generation runs as npm run publish:static runs it, with the case page renderer (lib/static/render).
// Targets, printed as figures: 10,000 cases in full under 2 minutes; a publish reflected in under 10 s.
// The server runs with CASEBOOK_PDF_EDITIONS=0: the synthetic issues have no PDF editions (making
// them would take longer than everything timed here), so the timings are of the pages, the JSON
// and the search index; with editions on, a publish is reflected after its issue's PDFs are made
// (about 1 s per issue, npm run bench:pdf).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { issues, publishedCases } from '@/db/schema';
import { bootstrapDemo } from '@/lib/services/demo';
import { createIssue } from '@/lib/services/issues';
import { generateSnapshot } from '@/lib/static/generate';
import { fileForUrl } from '@/lib/static/paths';
import { CURRENT_LINK } from '@/lib/static/release';
import { startCaseRenderer } from '@/lib/static/render/renderer';
import { readStatus } from '@/lib/static/status';
import { CASES_PER_ISSUE, addPublishedCases } from './bench/published-corpus';
import { formatScaleTable, formatScaleTargets, type Incremental, type ScaleRow, type ScaleSize } from './bench/scale-table';
import { SNAPSHOT_ROUTES } from './bench/snapshot-pages';
import { callAction, readActionIds, signIn } from './load/actions';
import { createLoadDatabase } from './load/database';
import { HttpClient, keepAliveAgent } from './load/http';
import { removeOnExit } from './load/process-group';
import { ensureBuild, startServer } from './load/server';
import { actorByEmail, approvedCase } from './load/setup';

const ROOT = process.cwd();
const REFLECT_TIMEOUT_MS = 120_000;

export interface ScaleOptions {
  db: 'pglite' | 'postgres';
  sizes: ScaleSize[];
  dist: string;
  /** Build even when the build in dist looks current. */
  build: boolean;
  keep: boolean;
}

interface Prepared {
  cases: number;
  seedMs: number;
  issue: { id: number; number: number; caseIds: number[] };
}

/** The demo, the synthetic cases up to size, and one more issue of approved clean cases, ready to publish. */
async function prepare(db: Db, dataDir: string, size: ScaleSize): Promise<Prepared> {
  const started = performance.now();
  await bootstrapDemo(db, { dataDir, log: () => {} });
  const editor = await actorByEmail(db, 'editor@casebook.local');
  const reviewer = await actorByEmail(db, 'reviewer@casebook.local');
  const [{ demo } = { demo: 0 }] = await db.select({ demo: count() }).from(publishedCases);
  if (size !== 'demo' && size > demo) {
    await addPublishedCases(db, size - demo, { authorId: editor.id, reviewerId: reviewer.id }, (done) => process.stdout.write(`\r  已写入 ${done} 个案例`));
    process.stdout.write('\n');
  }
  const [{ top } = { top: 0 }] = await db.select({ top: max(issues.number) }).from(issues);
  const created = await createIssue(db, editor, { number: (top ?? 0) + 1, title: '社区养老服务专题', foreword: '本期在基准测试中发布，用来计时快照的增量更新。' });
  if (!created.ok) throw new Error(`准备新的一期失败：${created.message}${created.fieldErrors ? ` ${JSON.stringify(created.fieldErrors)}` : ''}`);
  const caseIds: number[] = [];
  for (let k = 1; k <= CASES_PER_ISSUE; k++) caseIds.push(await approvedCase(db, editor, reviewer, created.issue.id, k));
  const [{ cases } = { cases: 0 }] = await db.select({ cases: count() }).from(publishedCases);
  return { cases, seedMs: performance.now() - started, issue: { id: created.issue.id, number: created.issue.number, caseIds } };
}

function reflected(snapshotRoot: string, issue: Prepared['issue']): boolean {
  const current = path.join(snapshotRoot, CURRENT_LINK);
  return [`/issues/${issue.number}`, ...issue.caseIds.map((id) => `/cases/${id}`)].every((p) => fs.existsSync(path.join(current, fileForUrl(p))));
}

/** The run the publish caused, from ROOT/status.json once it has finished; null when none did within the wait. */
async function incrementalRun(snapshotRoot: string, since: number, waitMs: number): Promise<Incremental | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const status = await readStatus(snapshotRoot);
    if (status?.ok && Date.parse(status.startedAt) >= since) {
      return { ms: status.ms, fetched: status.fetched ?? null, reused: status.reused ?? null, removed: status.removed ?? null };
    }
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measureSize(size: ScaleSize, o: ScaleOptions): Promise<ScaleRow> {
  const label = size === 'demo' ? '演示内容' : `${size.toLocaleString('zh-CN')} 个案例`;
  console.log(`\n[${label}] 准备数据库（${o.db === 'pglite' ? 'PGlite' : 'PostgreSQL'}）……`);
  const dataDir = path.join(ROOT, '.data', `bench-static-scale-${process.pid}`);
  const database = await createLoadDatabase(o.db, dataDir, 'BENCH_DATABASE_URL');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-scale-'));
  const forget = o.keep ? () => {} : removeOnExit(work, dataDir);
  const snapshotRoot = path.join(work, 'snapshot');
  let stopServer: (() => Promise<void>) | undefined;
  try {
    const opened = await database.open();
    let prepared: Prepared;
    try {
      await migrateDatabase(opened);
      prepared = await prepare(opened.db, dataDir, size);
    } finally {
      await opened.close();
    }
    console.log(`[${label}] ${prepared.cases} 个已发布案例，写入用时 ${(prepared.seedMs / 1000).toFixed(1)} 秒；启动服务器……`);
    const server = await startServer(o.dist, dataDir, { ...database.serverEnv, AUTH_SECRET: crypto.randomBytes(32).toString('hex'), CASEBOOK_STATIC_DIR: snapshotRoot, CASEBOOK_PDF_EDITIONS: '0' }, { standalone: true });
    stopServer = server.stop;

    // As npm run publish:static does: the case pages from the renderer, checked against the app's.
    const fullStarted = performance.now();
    const renderer = await startCaseRenderer();
    const full = await generateSnapshot({ sourceUrl: server.origin.origin, root: snapshotRoot, baseUrl: server.origin.origin, full: true, reason: 'npm run bench:static -- --scale', renderer }).finally(() => renderer.close());
    const fullMs = performance.now() - fullStarted;
    console.log(`[${label}] 全量生成：${full.urls} 个地址，${(fullMs / 1000).toFixed(1)} 秒；其中 ${full.rendered} 个案例页由渲染进程生成${full.renderFallback ? `（改为逐个读取：${full.renderFallback}）` : ''}；各阶段（毫秒）${JSON.stringify(full.phases)}`);

    const client = new HttpClient(server.origin, keepAliveAgent(2));
    const session = await signIn(client, 'reviewer@casebook.local', process.env.CASEBOOK_DEMO_PASSWORD!);
    if (!session.ok) throw new Error(`审核账号登录失败：${session.detail}`);
    const actions = readActionIds(path.join(ROOT, o.dist));
    const sent = Date.now();
    const { result } = await callAction(client, session.jar, actions.publishIssueAction, prepared.issue.id, { issueId: prepared.issue.id });
    if (!result?.ok) throw new Error(`发布失败：${result?.message ?? '无法解析的应答'}`);
    let reflectedMs: number | null = null;
    while (Date.now() - sent < REFLECT_TIMEOUT_MS) {
      if (reflected(snapshotRoot, prepared.issue)) {
        reflectedMs = Date.now() - sent;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const incremental = await incrementalRun(snapshotRoot, sent, reflectedMs === null ? 0 : 10_000);
    console.log(`[${label}] 发布后 ${reflectedMs === null ? `${REFLECT_TIMEOUT_MS / 1000} 秒内没有` : `${(reflectedMs / 1000).toFixed(1)} 秒`}反映到快照`);
    if (reflectedMs === null) {
      const status = await readStatus(snapshotRoot);
      console.log(`[${label}] 快照状态：${status ? `${status.ok ? '成功' : `失败：${status.error ?? '未说明原因'}`}（开始于 ${status.startedAt}）` : '没有状态文件：服务器没有在发布后生成快照'}，服务器日志 ${server.logFile}（加 --keep 保留）`);
    }
    return { label, cases: prepared.cases, seedMs: prepared.seedMs, urls: full.urls, fullMs, reflectedMs, incremental };
  } finally {
    await stopServer?.();
    if (o.keep) console.log(`[${label}] 保留了快照（${work}）与数据目录（${dataDir}）。`);
    else {
      fs.rmSync(work, { recursive: true, force: true });
      await database.remove();
      forget();
    }
  }
}

export async function runScale(o: ScaleOptions): Promise<number> {
  ensureBuild(o.dist, SNAPSHOT_ROUTES, o.build);
  // Only the server under test regenerates the snapshot on publish; this process writes sample data.
  delete process.env.CASEBOOK_STATIC_DIR;
  process.env.CASEBOOK_DEMO_PASSWORD = crypto.randomBytes(12).toString('hex');
  const rows: ScaleRow[] = [];
  const failures: string[] = [];
  // A size that fails does not cost the figures of the others.
  for (const size of o.sizes) {
    try {
      rows.push(await measureSize(size, o));
    } catch (error) {
      failures.push(`${size === 'demo' ? '演示内容' : `${size} 个案例`}：${error instanceof Error ? error.message : String(error)}`);
      console.log(`失败：${failures.at(-1)}`);
    }
  }
  console.log(`\n本机 ${os.cpus().length} 核；${o.db === 'pglite' ? 'PGlite' : 'PostgreSQL'}；生产服务器（${o.dist}/standalone）。\n`);
  console.log(formatScaleTable(rows));
  console.log(`\n${formatScaleTargets(rows)}`);
  if (failures.length > 0) console.log(`\n没有测完：\n  ${failures.join('\n  ')}`);
  return failures.length > 0 ? 1 : 0;
}
