// npm run publish:static -- [--out DIR] [--source URL] [--full]
// Generates the static snapshot of the public site (lib/static/generate.ts) by hand, as the app
// does after every publish. With --source it crawls an app that is already running; without, it
// starts the production server itself against the configured database, on a free loopback port,
// and stops it afterwards.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DatabaseBusyError, openDatabase } from '@/db/client';
import { demoEnabled, env } from '@/lib/env';
import { generateSnapshot } from '@/lib/static/generate';
import { CURRENT_LINK } from '@/lib/static/release';
import { startCaseRenderer } from '@/lib/static/render/renderer';
import type { CasePageRenderer } from '@/lib/static/render/protocol';
import { runCli } from './cli';
import { ensureBuild, startServer, type RunningServer } from './load/server';

const USAGE = '用法：npm run publish:static -- [--out 目录] [--source http://应用地址] [--full]';
const DEFAULT_SITE_URL = 'http://localhost:3000';

interface Args {
  out: string;
  source: string | null;
  full: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: process.env.CASEBOOK_STATIC_DIR?.trim() || path.join(env().dataDir, 'static'), source: null, full: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} 后面缺少值。${USAGE}`);
      return next;
    };
    if (arg === '--out') args.out = value();
    else if (arg === '--source') args.source = value();
    else if (arg === '--full') args.full = true;
    else throw new Error(`不认识的参数 ${arg}。${USAGE}`);
  }
  args.out = path.resolve(args.out);
  return args;
}

/** PGlite opens its folder for one process only: a running app means crawling that app instead. */
async function checkDatabaseFree(): Promise<void> {
  if (env().DATABASE_URL) return;
  try {
    const database = await openDatabase({ dataDir: path.join(env().dataDir, 'pglite') });
    await database.close();
  } catch (error) {
    if (!(error instanceof DatabaseBusyError)) throw error;
    throw new Error(
      `内置数据库正被另一个进程使用（多半是正在运行的应用），本命令无法再启动一个服务器。` +
        `请让命令直接抓取正在运行的应用，例如：npm run publish:static -- --source http://127.0.0.1:3000\n（${error.message}）`,
    );
  }
}

/** The production server on the configured database, for this run only. */
async function startOwnServer(): Promise<RunningServer> {
  await checkDatabaseFree();
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  ensureBuild(distDir, ['/api/public/manifest', '/api/public/case-pages']);
  const configured = process.env.CASEBOOK_SITE_URL?.trim() || process.env.NEXTAUTH_URL?.trim();
  if (!configured) console.warn(`提示：没有设置 CASEBOOK_SITE_URL，快照中的绝对地址（canonical、订阅、站点地图）将使用 ${DEFAULT_SITE_URL}。`);
  console.log('正在启动生产服务器（仅监听 127.0.0.1，生成结束后停止）……');
  return startServer(
    distDir,
    env().dataDir,
    {
      CASEBOOK_SITE_URL: configured || DEFAULT_SITE_URL,
      // The server only answers this command's requests on loopback and stops when it is done; no
      // one signs in to it, so when no secret is configured a throwaway one is enough to start it.
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
      // The same demo content a development server would show on a fresh clone, and no more.
      CASEBOOK_DEMO: demoEnabled() ? '1' : '0',
      // Its own publishes (there are none) must not start another generator on the same folder.
      CASEBOOK_STATIC_DIR: undefined,
      CASEBOOK_LOG_LEVEL: process.env.CASEBOOK_LOG_LEVEL ?? 'warn',
    },
    { standalone: true },
  );
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const server = args.source ? null : await startOwnServer();
  let renderer: CasePageRenderer | undefined;
  try {
    const sourceUrl = args.source ?? server!.origin.origin;
    renderer = await startCaseRenderer().catch((error: unknown) => {
      console.warn(`提示：案例页渲染进程没有启动（${error instanceof Error ? error.message : String(error)}），所有页面都向应用逐个读取，会慢一些。`);
      return undefined;
    });
    console.log(`正在从 ${sourceUrl} 生成静态站点到 ${args.out} ……`);
    const result = await generateSnapshot({ sourceUrl, root: args.out, full: args.full, reason: '命令行 publish:static', renderer });
    if (result.renderFallback) console.warn(`提示：案例页改为向应用逐个读取：${result.renderFallback}`);
    console.log(
      `静态站点已生成：共 ${result.urls} 个地址，重新生成 ${result.fetched} 个，沿用上一版 ${result.reused} 个，删除 ${result.removed} 个，用时 ${(result.ms / 1000).toFixed(1)} 秒。`,
    );
    if (result.rendered > 0) console.log(`其中 ${result.rendered} 个案例页由渲染进程直接生成，并已抽样与应用的页面逐字节核对。`);
    console.log(`对外提供的目录：${path.join(args.out, CURRENT_LINK)}（任何静态服务器都可以直接提供；nginx 配置示例见 lib/static/nginx.conf.template）`);
    return 0;
  } finally {
    await renderer?.close();
    await server?.stop();
  }
});
