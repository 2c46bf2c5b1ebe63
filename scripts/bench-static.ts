// npm run bench:static -- [--seconds 10] [--warmup 2] [--connections 50] [--dist .next-bench] [--build] [--keep]
// npm run bench:static -- --scale [--db pglite|postgres] [--sizes demo,1000,10000] [--dist …] [--build] [--keep]
//
// The static snapshot against the app that renders it, in one run on one machine. It starts the
// self-contained production server (<dist>/standalone/server.js; built when missing, older than
// the snapshot's manifest route, or with --build) on a fresh PGlite folder with the demo content, generates the
// snapshot from it with lib/static/generate.ts, serves the snapshot with nginx (Debian's
// /usr/sbin/nginx, with the server block of lib/static/nginx.conf.template), starts a minimal
// server that answers the same bytes from memory, and loads the home, an issue and a case page on
// each of the three with autocannon. Prints requests/s, p99 and bytes per page, and whether the
// issue's target holds (the snapshot's case page ≥ 90% of the minimal server's requests/s with
// p99 < 20 ms at 50 connections) — a figure, not a test. With --scale it times snapshot generation
// instead (scripts/bench-static-scale.ts). Loopback only; not part of `npm test`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSnapshot } from '@/lib/static/generate';
import { fileForUrl } from '@/lib/static/paths';
import { CURRENT_LINK } from '@/lib/static/release';
import { measure, type LoadOptions } from './bench/cannon';
import { get, pageSizes, waitForOk } from './bench/http-probe';
import { assertNginx, startNginx } from './bench/nginx';
import { findPages, SNAPSHOT_ROUTES, type PagePaths } from './bench/snapshot-pages';
import { formatTable, formatVerdicts, PAGES, PAGE_LABELS, SERVER_LABELS, verdicts, type BenchRow, type Server } from './bench/table';
import { runScale } from './bench-static-scale';
import { parseSizes } from './bench/scale-table';
import { createLoadDatabase } from './load/database';
import { databaseOption, intOption } from './load/options';
import { removeOnExit, spawnGroup } from './load/process-group';
import { ensureBuild, freePort, startServer } from './load/server';

const ROOT = process.cwd();
const MEMORY_SERVER = path.join(ROOT, 'scripts', 'bench', 'memory-server.ts');

function options() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      dist: { type: 'string', default: process.env.NEXT_DIST_DIR ?? '.next-bench' },
      build: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      scale: { type: 'boolean', default: false },
      db: { type: 'string', default: 'pglite' },
      sizes: { type: 'string', default: 'demo,1000,10000' },
    },
  });
  const db = databaseOption(values.db);
  return {
    load: { seconds: intOption('seconds', values.seconds, 1, 600), warmupSeconds: intOption('warmup', values.warmup, 0, 60), connections: intOption('connections', values.connections, 1, 1000) } satisfies LoadOptions,
    dist: values.dist,
    build: values.build,
    keep: values.keep,
    scale: values.scale,
    db,
    sizes: parseSizes(values.sizes),
  };
}

/** Loads every page on every server, checking first that nginx sends exactly the bytes of the snapshot's file. */
async function loadAll(origins: Record<Server, URL>, pages: PagePaths, release: string, load: LoadOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const page of PAGES) {
    const file = fs.readFileSync(path.join(release, fileForUrl(pages[page])));
    for (const server of ['memory', 'nginx', 'next'] as const) {
      const url = new URL(pages[page], origins[server]);
      const sizes = await pageSizes(url);
      if (sizes.status !== 200) throw new Error(`${SERVER_LABELS[server]} 对 ${pages[page]} 应答 HTTP ${sizes.status}`);
      if (server !== 'next' && !sizes.body.equals(file)) throw new Error(`${SERVER_LABELS[server]} 对 ${pages[page]} 发送的内容与快照中的文件不同`);
      // Whether Next answered from its cache: the figures mean something else when it renders.
      const cache = server === 'next' ? `（x-nextjs-cache: ${sizes.headers['x-nextjs-cache'] ?? '无'}）` : '';
      process.stdout.write(`  ${PAGE_LABELS[page]} ${pages[page]}，${SERVER_LABELS[server]}${cache}……`);
      const m = await measure(url.href, load);
      console.log(` ${m.rps.toFixed(0)} 请求/秒，p99 ${m.p99} ms`);
      rows.push({ server, page, path: pages[page], ...m, bytes: sizes.body.length, gzipBytes: sizes.gzipBytes });
    }
  }
  return rows;
}

async function benchServing(o: ReturnType<typeof options>): Promise<number> {
  assertNginx();
  ensureBuild(o.dist, SNAPSHOT_ROUTES, o.build);
  const dataDir = path.join(ROOT, '.data', `bench-static-${process.pid}`);
  const database = await createLoadDatabase('pglite', dataDir);
  // nginx started by root serves through workers running as an unprivileged user: they must be able to read the snapshot.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-static-'));
  fs.chmodSync(work, 0o755);
  const forget = o.keep ? () => {} : removeOnExit(work, dataDir);
  const stops: (() => Promise<void>)[] = [];
  try {
    console.log(`启动生产服务器（${o.dist}/standalone，PGlite，演示内容）……`);
    const next = await startServer(
      o.dist,
      dataDir,
      { ...database.serverEnv, CASEBOOK_DEMO: '1', CASEBOOK_DEMO_PASSWORD: crypto.randomBytes(12).toString('hex'), AUTH_SECRET: crypto.randomBytes(32).toString('hex') },
      { standalone: true },
    );
    stops.push(next.stop);
    const pages = await findPages(next.origin);

    const snapshotRoot = path.join(work, 'snapshot');
    const started = performance.now();
    const snapshot = await generateSnapshot({ sourceUrl: next.origin.origin, root: snapshotRoot, baseUrl: next.origin.origin, reason: 'npm run bench:static' });
    console.log(`快照：${snapshot.urls} 个地址，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒（${snapshotRoot}）`);
    const release = fs.realpathSync(path.join(snapshotRoot, CURRENT_LINK));

    const nginx = await startNginx({ root: snapshotRoot, port: await freePort(), prefix: path.join(work, 'nginx') });
    stops.push(nginx.stop);
    const memoryPort = await freePort();
    const memory = spawnGroup(process.execPath, ['--import', 'tsx', MEMORY_SERVER, String(memoryPort), ...PAGES.map((p) => `${pages[p]}=${path.join(release, fileForUrl(pages[p]))}`)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stops.push(() => memory.stop());
    const memoryOrigin = new URL(`http://127.0.0.1:${memoryPort}`);
    await waitForOk(memoryOrigin, () => memory.exitCode() !== null);
    // Next renders a page on its first request and serves it from cache after: fill the cache before timing.
    for (const p of PAGES) await get(new URL(pages[p], next.origin));

    const cores = os.cpus().length;
    console.log(
      `\n每项预热 ${o.load.warmupSeconds} 秒后测 ${o.load.seconds} 秒，${o.load.connections} 个连接，autocannon（HTTP/1.1 keep-alive，不压缩）。` +
        `\n本机 ${cores} 核：autocannon 自己占满一个核，被测的服务器与它共用这 ${cores} 核（三种服务器依次测量，条件相同）；负载 ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')}。`,
    );
    const rows = await loadAll({ next: next.origin, nginx: nginx.origin, memory: memoryOrigin }, pages, release, o.load);
    console.log(`\n${formatTable(rows)}\n`);
    console.log(formatVerdicts(verdicts(rows)));
    const errors = rows.reduce((n, r) => n + r.errors, 0);
    if (errors > 0) console.log(`\n共有 ${errors} 个错误应答：以上数字不可信。`);
    return errors > 0 ? 1 : 0;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    if (o.keep) console.log(`保留了快照和 nginx 配置（${work}）与数据目录（${dataDir}）。`);
    else {
      fs.rmSync(work, { recursive: true, force: true });
      await database.remove();
      forget();
    }
  }
}

async function main(): Promise<number> {
  const o = options();
  if (o.scale) return runScale({ db: o.db, sizes: o.sizes, dist: o.dist, build: o.build, keep: o.keep });
  return benchServing(o);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`错误：${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
