// npm run bench:site — how fast the public site answers, against two references measured in the
// same run on the same machine:
//   framework ceiling: the same Next.js server answering a fully static page — both a prerendered
//                      App Router page (/about, no data) and a static file of the same bytes as the
//                      case page (Next serves public files before its page pipeline);
//   physical limit:    a minimal Node http server sending the identical bytes from memory.
// It starts the production build (NEXT_DIST_DIR, default .next; run `next build` first) on a fresh
// embedded database with the demo content. Targets: cached pages ≥ 80% of the framework ceiling's
// requests/s with p99 < 50 ms (50 connections); search p99 < 100 ms (10 connections).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = process.cwd();
const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const STATIC_PORT = PORT + 1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DATA_DIR = path.join(ROOT, '.data', `bench-site-${PORT}`);
const STATIC_FILE = path.join(ROOT, 'public', `__bench-site-${PORT}.html`);
const children: ChildProcess[] = [];

function cleanup(): void {
  for (const c of children) {
    try {
      if (c.pid && c.exitCode === null) process.kill(-c.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(STATIC_FILE, { force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

function spawnDetached(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  children.push(child);
  return child;
}

async function startNext(): Promise<ChildProcess> {
  const child = spawnDetached(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST,
    CASEBOOK_DATA_DIR: DATA_DIR,
    CASEBOOK_DEMO: '1',
    CASEBOOK_DEMO_PASSWORD: process.env.CASEBOOK_DEMO_PASSWORD ?? 'bench-demo-password',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-bench',
    CASEBOOK_SITE_URL: process.env.CASEBOOK_SITE_URL ?? `http://127.0.0.1:${PORT}`,
  });
  await waitFor(`http://127.0.0.1:${PORT}/robots.txt`);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

interface Row {
  name: string;
  connections: number;
  rps: number;
  p99: number;
  errors: number;
  bytes: number;
}

async function load(name: string, url: string, connections: number): Promise<Row> {
  const result = await autocannon({ url, connections, duration: SECONDS, pipelining: 1 });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { name, connections, rps: result.requests.average, p99: result.latency.p99, errors, bytes: Math.round(result.throughput.average / Math.max(1, result.requests.average)) };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) throw new Error(`没有找到生产构建（${DIST}）：请先运行 NEXT_DIST_DIR=${DIST} npx next build`);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.rmSync(`${DATA_DIR}.lock`, { force: true });

  // First start: import and publish the demo content, find the pages to load, keep the case page's bytes.
  let next = await startNext();
  const base = `http://127.0.0.1:${PORT}`;
  const issues = (await (await fetch(`${base}/api/public/issues`)).json()) as { issues: { number: number }[] };
  const issueNumber = issues.issues.at(-1)!.number;
  const issue = (await (await fetch(`${base}/api/public/issues/${issueNumber}`)).json()) as { cases: { id: number }[] };
  const pages = { home: '/', issue: `/issues/${issueNumber}`, case: `/cases/${issue.cases[1]?.id ?? issue.cases[0]!.id}` };
  const html = Buffer.from(await (await fetch(base + pages.case)).arrayBuffer());
  // Next lists public files when it starts, so the reference file is written before a restart.
  fs.mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
  fs.writeFileSync(STATIC_FILE, html);
  await stop(next);
  next = await startNext();

  const staticServer = spawnDetached(
    process.execPath,
    [
      '-e',
      `const b=require('fs').readFileSync(${JSON.stringify(STATIC_FILE)});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});s.end(b)}).listen(${STATIC_PORT},'127.0.0.1')`,
    ],
    process.env,
  );
  await waitFor(`http://127.0.0.1:${STATIC_PORT}/`);

  const search = `/search?q=${encodeURIComponent('住房公积金')}`;
  const staticPath = `/${path.basename(STATIC_FILE)}`;
  for (const p of [...Object.values(pages), search, staticPath, '/about']) {
    for (let i = 0; i < 20; i++) await fetch(base + p).then((r) => r.arrayBuffer());
    const res = await fetch(base + p);
    console.log(`预热 ${p}: ${res.status} ${res.headers.get('x-nextjs-cache') ?? ''}`);
  }

  const rows: Row[] = [];
  rows.push(await load('物理上限（Node 静态服务器，同样字节）', `http://127.0.0.1:${STATIC_PORT}/`, 50));
  rows.push(await load('框架上限（Next.js 预渲染静态页 /about）', `${base}/about`, 50));
  rows.push(await load('Next.js 静态文件（public/，同样字节）', base + staticPath, 50));
  rows.push(await load('首页（缓存）', base + pages.home, 50));
  rows.push(await load('期刊页（缓存）', base + pages.issue, 50));
  rows.push(await load('案例页（缓存）', base + pages.case, 50));
  rows.push(await load('检索页（住房公积金）', base + search, 10));
  await stop(staticServer);
  await stop(next);

  const [physical, ceiling] = rows as [Row, Row, ...Row[]];
  console.log(`\n每项 ${SECONDS} 秒，autocannon；${DIST}，PGlite，演示内容\n`);
  const fileRow = rows[2]!;
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
  console.log(['项目', '连接', '请求/秒', 'p99(ms)', '占框架上限(静态页)', '占静态文件', '占物理上限', '字节/响应', '错误'].join('\t'));
  for (const r of rows) {
    console.log([r.name, r.connections, r.rps.toFixed(0), r.p99, pct(r.rps, ceiling.rps), pct(r.rps, fileRow.rps), pct(r.rps, physical.rps), r.bytes, r.errors].join('\t'));
  }
  const cached = rows.slice(3, 6);
  const searchRow = rows[6]!;
  const pass = cached.every((r) => r.rps >= 0.8 * ceiling.rps && r.p99 < 50 && r.errors === 0) && searchRow.p99 < 100 && searchRow.errors === 0;
  console.log(`\n目标（缓存页 ≥ 框架上限的80%且 p99 < 50 ms；检索 p99 < 100 ms）：${pass ? '达到' : '未达到'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
