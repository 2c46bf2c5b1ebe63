import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// The production server under load: `next start` on a free loopback port, in its own process group
// so that stopping it stops everything it started.

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');
const running = new Set<number>();

// Ctrl-C or a crash of the load script must not leave a server behind.
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

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

/** Builds into distDir when it holds no build yet (about two minutes on a small machine). */
export function ensureBuild(distDir: string): void {
  if (fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return;
  console.log(`没有找到生产构建 ${distDir}，正在构建（NEXT_DIST_DIR=${distDir} next build）……`);
  const built = spawnSync(NEXT_BIN, ['build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: 'production' } });
  if (built.status !== 0) throw new Error(`构建失败（退出码 ${built.status}）。`);
}

export interface RunningServer {
  origin: URL;
  logFile: string;
  stop: () => Promise<void>;
}

async function waitUntilHealthy(origin: URL, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务器启动后立即退出（退出码 ${child.exitCode}），见 ${logFile}`);
    try {
      if ((await fetch(new URL('/api/health', origin))).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`服务器 120 秒内没有就绪，见 ${logFile}`);
}

export async function startServer(distDir: string, dataDir: string, env: Record<string, string | undefined>): Promise<RunningServer> {
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
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, env: merged, stdio: ['ignore', log, log], detached: true });
  if (child.pid) running.add(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let closed = false;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (child.pid) running.delete(child.pid);
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
