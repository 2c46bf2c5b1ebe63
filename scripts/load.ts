// LOAD_DATABASE_URL=postgres://… npm run load -- [--db postgres|pglite] [--seconds 60] [--readers 200]
//   [--editors 20] [--publish-every 3000] [--think 100] [--timeout 120] [--dist .next-load] [--keep]
//
// Readers and editors at once, with proof that nothing acknowledged is lost. Against a production
// build (NEXT_DIST_DIR, default .next-load; built when missing) on a fresh database — a new
// PostgreSQL database next to LOAD_DATABASE_URL's, or a new PGlite folder with --db pglite — it runs
// public readers across the site's pages, search and JSON interface while editors save, submit,
// withdraw and reply through the real Server Actions with signed-in sessions, and a reviewer
// unpublishes and republishes a clean issue every few seconds. Then, with the server stopped, it
// checks the database against every answer the server gave. Loopback only; not part of `npm test`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readActionIds, signIn } from './load/actions';
import { createLoadDatabase } from './load/database';
import { databaseOption, intOption } from './load/options';
import { Desk, runEditor, runReviewer, type Session } from './load/editors';
import { HttpClient, keepAliveAgent, setRequestTimeout } from './load/http';
import { PublicationLog } from './load/publication-log';
import { readerRoutes, runReaders } from './load/readers';
import { findingChecks, printChecks, printRoutes } from './load/report';
import { ensureBuild, startServer, type RunningServer } from './load/server';
import { prepare } from './load/setup';
import { Stats } from './load/stats';
import { verify } from './load/verify';
import { logSummary } from './load/server-log';

function options() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'postgres' },
      seconds: { type: 'string', default: '60' },
      readers: { type: 'string', default: '200' },
      editors: { type: 'string', default: '20' },
      'publish-every': { type: 'string', default: '3000' },
      think: { type: 'string', default: '100' },
      timeout: { type: 'string', default: '120' },
      dist: { type: 'string', default: process.env.NEXT_DIST_DIR ?? '.next-load' },
      keep: { type: 'boolean', default: false },
    },
  });
  const db = databaseOption(values.db);
  const editors = intOption('editors', values.editors, 2, 100);
  if (editors % 2 !== 0) throw new Error('--editors 应为偶数（每两位编辑共用一个案例）');
  return {
    db,
    seconds: intOption('seconds', values.seconds, 5, 600),
    readers: intOption('readers', values.readers, 1, 1000),
    editors,
    publishEvery: intOption('publish-every', values['publish-every'], 500, 60_000),
    think: intOption('think', values.think, 0, 10_000),
    timeout: intOption('timeout', values.timeout, 5, 600),
    dist: values.dist,
    keep: values.keep,
  };
}

async function openPage(client: HttpClient, session: Session, page: string): Promise<void> {
  const reply = await client.request(page, { headers: { cookie: session.jar.header() } });
  if (reply.status !== 200) throw new Error(`打开 ${page} 失败：HTTP ${reply.status}`);
}

async function main(): Promise<number> {
  const o = options();
  setRequestTimeout(o.timeout * 1000);
  ensureBuild(o.dist);
  const actions = readActionIds(path.join(process.cwd(), o.dist));
  const dataDir = path.join(process.cwd(), '.data', `load-${o.db}-${process.pid}`);
  console.log(`准备 ${o.db === 'pglite' ? 'PGlite' : 'PostgreSQL'} 数据库（${dataDir}）：演示内容、${o.editors} 位编辑、1 位审核、对照期……`);
  const database = await createLoadDatabase(o.db, dataDir);
  let server: RunningServer | undefined;
  try {
    let markers = 0;
    const plan = await prepare(database, o.editors, () => ++markers);
    server = await startServer(o.dist, dataDir, {
      ...database.serverEnv,
      CASEBOOK_DEMO: '1',
      CASEBOOK_DEMO_PASSWORD: crypto.randomBytes(12).toString('hex'),
      AUTH_SECRET: crypto.randomBytes(32).toString('hex'),
    });
    console.log(`服务器：${server.origin.origin}（${o.dist}），日志 ${server.logFile}`);

    const stats = new Stats();
    const readerClient = new HttpClient(server.origin, keepAliveAgent(o.readers));
    const deskClient = new HttpClient(server.origin, keepAliveAgent(o.editors + 2));
    const desk = new Desk(deskClient, actions, stats, markers);

    // Sign-ins hash a password each (the server runs at most four at once), so a few at a time.
    const accounts = [...plan.editors.map((e) => ({ email: e.email, userId: e.userId })), { email: plan.reviewer.email, userId: plan.reviewer.userId }];
    const sessions = new Map<number, Session>();
    for (let i = 0; i < accounts.length; i += 3) {
      await Promise.all(
        accounts.slice(i, i + 3).map(async (a) => {
          const s = await signIn(deskClient, a.email, plan.password);
          stats.record('登录', s.ms, s.ok ? 'ok' : 'error', s.detail);
          if (!s.ok) throw new Error(`${a.email} 登录失败：${s.detail}`);
          sessions.set(a.userId, { jar: s.jar, userId: a.userId });
        }),
      );
    }

    // As people do: editors open their case, the reviewer the issue, readers' pages are cached once.
    for (const e of plan.editors) await openPage(deskClient, sessions.get(e.userId)!, `/admin/cases/${e.ownCaseId}`);
    await openPage(deskClient, sessions.get(plan.reviewer.userId)!, `/admin/issues/${plan.toggled.issueId}`);
    const routes = readerRoutes(plan);
    for (const r of routes) await readerClient.request(r.path);

    const start = Date.now();
    const deadline = start + o.seconds * 1000;
    const publication = new PublicationLog(start);
    const phases = new Stats();
    const buildId = fs.readFileSync(path.join(o.dist, 'BUILD_ID'), 'utf8').trim();
    const load = () => os.loadavg().map((n) => n.toFixed(1)).join(' / ');
    console.log(`开始：${o.seconds} 秒，${o.readers} 个读者，${o.editors} 位编辑，审核每 ${o.publishEvery} ms 发布或撤回一次（构建 ${buildId}，${os.cpus().length} 核，负载 ${load()}）……`);
    const [findings] = await Promise.all([
      runReaders(readerClient, routes, { readers: o.readers, deadline, maxPerReader: o.seconds * 200 }, stats, publication, phases),
      ...plan.editors.map((e) => runEditor(desk, sessions.get(e.userId)!, e, { deadline, maxCycles: o.seconds * 20, thinkMs: o.think })),
      runReviewer(desk, sessions.get(plan.reviewer.userId)!, plan.toggled.issueId, publication, { deadline, maxCycles: o.seconds, thinkMs: o.publishEvery }),
    ]);
    const elapsed = (Date.now() - start) / 1000;
    await server.stop();
    server = undefined;

    console.log(`结束：实际 ${elapsed.toFixed(1)} 秒，机器负载（1/5/15 分钟）${load()}`);
    printRoutes(stats, elapsed);
    printRoutes(phases, elapsed, '读者请求开始于');
    const errorLines = logSummary(path.join(dataDir, 'server.log'));
    if (errorLines.length) console.log(`服务器日志中的错误（${errorLines.length} 行），例如：\n  ${errorLines.slice(0, 5).join('\n  ')}`);

    const opened = await database.open();
    const checks = [
      ...findingChecks(findings, stats.totals().errors, publication.cycles),
      ...(await verify(opened.db, plan, desk.ledger, accounts.length).finally(() => opened.close())),
      { name: '服务器日志没有错误', pass: errorLines.length === 0, detail: `${errorLines.length} 行` },
    ];
    const passed = printChecks(checks);
    console.log(`\n${passed ? '全部检查通过。' : '有检查未通过。'}${o.keep ? `数据保留在 ${dataDir}${database.target.kind === 'postgres' ? `，数据库 ${database.target.name}` : ''}。` : ''}`);
    return passed ? 0 : 1;
  } finally {
    await server?.stop();
    if (!o.keep) await database.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`错误：${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
