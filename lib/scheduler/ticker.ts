import 'server-only';
import type { Db } from '@/db/client';
import { logger, type Logger } from '@/lib/log';
import { runDueIssues } from './run-due';

export const TICK_MS = 30_000;

const holder = globalThis as typeof globalThis & { __casebookPublishTicker?: () => Promise<void> };

/**
 * Publishes due issues every TICK_MS in this process. Safe with several instances: publishDueIssues
 * hands each due issue to exactly one of them. Started once per process (hot reloads included);
 * returns a function that stops it and resolves once a run in progress has finished, so a shutdown
 * can close the database after it.
 */
export function startPublishTicker(getDb: () => Promise<Db>, intervalMs: number = TICK_MS, log: Logger = logger): () => Promise<void> {
  if (holder.__casebookPublishTicker) return holder.__casebookPublishTicker;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    try {
      await runDueIssues(await getDb(), log);
    } catch (error) {
      log.error({ event: 'schedule.run_failed', err: error }, '[定时发布] 出错，将在下次重试');
    } finally {
      running = null;
    }
  };
  const tick = () => {
    // A slow run must not overlap the next one in the same process.
    if (running || stopped) return;
    running = run();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    if (holder.__casebookPublishTicker === stop) holder.__casebookPublishTicker = undefined;
    await running;
  };
  holder.__casebookPublishTicker = stop;
  return stop;
}
