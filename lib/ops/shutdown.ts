import 'server-only';
import { logger as processLogger, type Logger } from '@/lib/log';

// On SIGTERM (docker stop, Kubernetes, systemd) or SIGINT, Next.js's own handler stops accepting
// connections, waits for the requests in flight and then calls process.exit. It knows nothing of
// our resources: the publish ticker would keep starting runs, and the database would never be
// closed, so PGlite would not checkpoint and its next start would begin with crash recovery. Here
// the ticker stops at once (a run in progress finishes) and the database is closed at that exit,
// after the last request, never under it.

/** Requests get this long to finish; container runtimes send SIGKILL after 10 s by default. */
export const SHUTDOWN_GRACE_MS = 8_000;

export interface ShutdownSteps {
  /** Stops the publish ticker; resolves once a run in progress has finished. */
  stopTicker: () => Promise<void>;
  closeDatabase: () => Promise<void>;
}

interface ShutdownOptions {
  graceMs?: number;
  log?: Logger;
}

const holder = globalThis as typeof globalThis & { __casebookShutdownInstalled?: boolean };

export function closeGracefullyOnSignal(steps: ShutdownSteps, { graceMs = SHUTDOWN_GRACE_MS, log = processLogger }: ShutdownOptions = {}): void {
  if (holder.__casebookShutdownInstalled) return;
  holder.__casebookShutdownInstalled = true;
  const exit = process.exit.bind(process) as (code?: number) => never;
  let tickerStopped: Promise<void> | undefined;
  let finishing: Promise<void> | undefined;

  const finish = (code: number) => {
    finishing ??= (async () => {
      let exitCode = code;
      try {
        await tickerStopped;
        await steps.closeDatabase();
        log.info({ event: 'server.stopped', exitCode }, '进行中的请求已完成，数据库已关闭，进程退出');
      } catch (error) {
        exitCode = 1;
        log.error({ event: 'server.stop_failed', err: error }, '关闭数据库时出错');
      }
      exit(exitCode);
    })();
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (tickerStopped) return;
    log.info({ event: 'server.shutdown', signal }, `收到 ${signal}：不再接受新连接，等待进行中的请求完成`);
    tickerStopped = steps.stopTicker().catch((error: unknown) => log.error({ event: 'server.stop_failed', err: error }, '停止定时发布时出错'));
    if (process.env.NEXT_MANUAL_SIG_HANDLE) {
      // Whoever asked Next.js to leave signals alone drains the requests; we only release our resources.
      finish(0);
      return;
    }
    // Next.js exits with 128 + the signal's number once drained; having shut down as asked, we exit 0.
    process.exit = ((requested?: number) => finish(requested === 130 || requested === 143 ? 0 : (requested ?? 0))) as typeof process.exit;
    setTimeout(() => {
      log.warn({ event: 'server.shutdown_timeout', graceMs }, `${graceMs} 毫秒内仍有请求未完成，强制关闭`);
      finish(1);
    }, graceMs).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
