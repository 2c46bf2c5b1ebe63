import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CasePageData } from '@/lib/public/case-page-data';
import type { CaseParts } from './case-parts';
import type { CasePageRenderer, RenderReply, RenderRequest } from './protocol';

// Starts the case page renderer (./child.tsx) as a child process: TypeScript through tsx, which the
// command line tools run on too, so it is there wherever they are (a checkout with its dev
// dependencies). Requests carry a hundred pages each and are answered in order.

const CHILD = fileURLToPath(new URL('./child.tsx', import.meta.url));
const START_TIMEOUT_MS = 30_000;
/** A hundred pages take well under a second; a child that stalls must not hold the run (and its lock) for ever. */
const RENDER_TIMEOUT_MS = 60_000;

export async function startCaseRenderer(): Promise<CasePageRenderer> {
  const child: ChildProcess = fork(CHILD, [], {
    // Not the react-server condition the tools run with: the renderer needs React's server renderer.
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (parts: CaseParts[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ended: Error | null = null;
  const fail = (error: Error) => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(ended);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`案例页渲染进程 ${START_TIMEOUT_MS / 1000} 秒内没有就绪`)), START_TIMEOUT_MS);
    child.on('message', (message: RenderReply) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve();
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if ('error' in message) waiting?.reject(new Error(`案例页渲染出错：${message.error}`));
      else waiting?.resolve(message.parts);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
      fail(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const error = new Error(`案例页渲染进程退出了（${signal ?? `退出码 ${code}`}）`);
      reject(error);
      fail(error);
    });
  });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect?.();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await ready;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    render(pages: CasePageData[], siteUrl: string) {
      if (ended) return Promise.reject(ended);
      const id = nextId++;
      return new Promise<CaseParts[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`案例页渲染进程 ${RENDER_TIMEOUT_MS / 1000} 秒内没有回答`));
        }, RENDER_TIMEOUT_MS);
        const settle = <T,>(done: (value: T) => void) => (value: T) => {
          clearTimeout(timer);
          done(value);
        };
        pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
        try {
          child.send({ id, siteUrl, pages } satisfies RenderRequest);
        } catch (error) {
          pending.delete(id);
          settle(reject)(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    close,
  };
}
