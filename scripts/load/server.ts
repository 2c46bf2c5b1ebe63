import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawnGroup, type ProcessGroup } from './process-group';

// The production server under load: `next start`, or the self-contained server the container image
// runs (<distDir>/standalone/server.js), on a free loopback port, in its own process group so that
// stopping it stops everything it started.

const ROOT = process.cwd();
const NEXT_CLI = path.join(ROOT, 'node_modules/next/dist/bin/next');
/**
 * The production server's V8 flags, as package.json `start` and the Dockerfile give them: a larger
 * young generation makes page rendering, which allocates much short-lived memory, about a fifth
 * cheaper in garbage collection (npm run bench:static -- --scale).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether the build in distDir serves every one of these routes (e.g. /api/public/manifest). */
function buildHasRoutes(distDir: string, routes: readonly string[]): boolean {
  const file = path.join(ROOT, distDir, 'app-path-routes-manifest.json');
  if (!fs.existsSync(file)) return false;
  const served = new Set(Object.values(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>));
  return routes.every((route) => served.has(route));
}

/**
 * Builds into distDir when it holds no build yet, one older than routes the caller needs, or when
 * asked to (about two minutes on a small machine).
 */
export function ensureBuild(distDir: string, requiredRoutes: readonly string[] = [], force = false): void {
  const present = fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'));
  if (present && !force && buildHasRoutes(distDir, requiredRoutes)) return;
  const why = !present ? `没有找到生产构建 ${distDir}` : force ? '按要求重新构建' : `生产构建 ${distDir} 缺少 ${requiredRoutes.join('、')}，是旧代码的构建`;
  console.log(`${why}，正在构建（NEXT_DIST_DIR=${distDir} next build）……`);
  const built = spawnSync(process.execPath, [NEXT_CLI, 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: 'production' } });
  if (built.status !== 0) throw new Error(`构建失败（退出码 ${built.status}）。`);
}

export interface RunningServer {
  origin: URL;
  logFile: string;
  stop: () => Promise<void>;
}

async function waitUntilHealthy(origin: URL, child: ProcessGroup, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode() !== null) throw new Error(`服务器启动后立即退出（退出码 ${child.exitCode()}），见 ${logFile}`);
    try {
      if ((await fetch(new URL('/api/health', origin))).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`服务器 120 秒内没有就绪，见 ${logFile}`);
}

const prepared = new Set<string>();

/** Completes <distDir>/standalone once per run (scripts/prepare-standalone.mjs), as the image build does. */
function prepareStandalone(distDir: string): string {
  const serverJs = path.join(ROOT, distDir, 'standalone', 'server.js');
  if (prepared.has(distDir)) return serverJs;
  const done = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'prepare-standalone.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir } });
  if (done.status !== 0) throw new Error(`准备独立服务器目录失败（退出码 ${done.status}）。`);
  prepared.add(distDir);
  return serverJs;
}

export interface ServerOptions {
  /** Run <distDir>/standalone/server.js, the production path of the container image, instead of `next start`. */
  standalone?: boolean;
}

export async function startServer(distDir: string, dataDir: string, env: Record<string, string | undefined>, options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const origin = new URL(`http://127.0.0.1:${port}`);
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    CASEBOOK_DATA_DIR: dataDir,
    CASEBOOK_SITE_URL: origin.origin,
    NEXTAUTH_URL: undefined,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const args = options.standalone ? [...SERVER_NODE_FLAGS, prepareStandalone(distDir)] : [...SERVER_NODE_FLAGS, NEXT_CLI, 'start', '-p', String(port), '-H', '127.0.0.1'];
  const command = process.execPath;
  const child = spawnGroup(command, args, { cwd: ROOT, env: merged, stdio: ['ignore', log, log] });
  let closed = false;
  const stop = async () => {
    await child.stop();
    if (!closed) fs.closeSync(log);
    closed = true;
  };
  try {
    await waitUntilHealthy(origin, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, logFile, stop };
}
