import 'server-only';
import type { Db } from '@/db/client';
import { publishDueIssues } from '@/lib/services/publishing';

export const TICK_MS = 30_000;

const holder = globalThis as typeof globalThis & { __casebookPublishTicker?: () => void };

/**
 * Publishes due issues every TICK_MS in this process. Safe with several instances: publishDueIssues
 * hands each due issue to exactly one of them. Started once per process (hot reloads included);
 * returns a function that stops it.
 */
export function startPublishTicker(getDb: () => Promise<Db>, intervalMs: number = TICK_MS): () => void {
  if (holder.__casebookPublishTicker) return holder.__casebookPublishTicker;
  let running = false;
  const tick = async () => {
    // A slow run must not overlap the next one in the same process.
    if (running) return;
    running = true;
    try {
      const run = await publishDueIssues(await getDb());
      if (run.published.length) console.log(`[定时发布] 已发布：${run.published.join('、')}`);
      for (const f of run.failed) console.warn(`[定时发布] 第${f.issueId}号期未能发布，已退回草稿：${f.message} ${f.details.join('；')}`);
    } catch (error) {
      console.error('[定时发布] 出错，将在下次重试：', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  const stop = () => {
    clearInterval(timer);
    holder.__casebookPublishTicker = undefined;
  };
  holder.__casebookPublishTicker = stop;
  return stop;
}
