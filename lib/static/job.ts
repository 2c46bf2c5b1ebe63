import 'server-only';
import { logger as processLogger, type Logger } from '@/lib/log';
import { siteUrl } from '@/lib/public/urls';
import { generateSnapshot, type GenerateResult } from './generate';
import { SnapshotBusyError } from './release';
import { staticRoot } from './status';

// The snapshot follows every publish, unpublish and scheduled publish, in the background, after the
// transaction has committed: the publish never waits for it and never fails because of it. One run
// at a time per process; a request that arrives during a run makes exactly one more run after it,
// which sees every change made meanwhile. Failures are logged and written to status.json (the admin
// dashboard shows them); the previous snapshot keeps serving.

interface JobState {
  running: Promise<void> | null;
  again: boolean;
  reasons: string[];
  /** Work the next run must wait for, because the snapshot includes what it makes (the PDF editions). */
  before: Promise<unknown>[];
}

const holder = globalThis as typeof globalThis & { __casebookStaticJob?: JobState };
const state = (holder.__casebookStaticJob ??= { running: null, again: false, reasons: [], before: [] });
// A state kept across a hot reload may predate the field.
state.before ??= [];

/** How long a run waits before it starts: the app's public cache learns of a change within CASEBOOK_PUBLIC_SYNC_MS. */
function settleMs(): number {
  const sync = Number(process.env.CASEBOOK_PUBLIC_SYNC_MS ?? 1000);
  return (Number.isFinite(sync) && sync >= 0 ? sync : 1000) + 250;
}

/** Where the app answers its own requests: CASEBOOK_STATIC_SOURCE_URL, else this process's port on loopback. */
export function snapshotSourceUrl(): string {
  return process.env.CASEBOOK_STATIC_SOURCE_URL?.trim() || `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/** A busy root (the command is running) is tried again this often, this many times. */
const BUSY_RETRY_MS = 5_000;
const BUSY_RETRIES = 60;

async function runOnce(root: string, reason: string, log: Logger): Promise<GenerateResult | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await generateSnapshot({ sourceUrl: snapshotSourceUrl(), root, baseUrl: siteUrl(), reason });
      log.info({ event: 'static.generated', reason, ...result }, `静态站点已更新：${result.urls} 个页面，重新生成 ${result.fetched} 个，用时 ${result.ms} 毫秒`);
      return result;
    } catch (error) {
      if (error instanceof SnapshotBusyError && attempt < BUSY_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
        continue;
      }
      log.error({ event: 'static.failed', reason, err: error }, `静态站点生成失败，继续提供上一次的版本：${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * While the run waits for the change to settle, this process computes what the run will ask of it
 * first: the page list and every case's 相关案例, both kept per state of the read model. At 10,000
 * cases that is two seconds the publish no longer waits for. Only inside the app's server (the
 * command line and tests have no public site of their own); a failure only costs the time.
 */
async function warmPublicReads(log: Logger): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  try {
    const [{ readSiteManifest }, { warmRelatedCases }, { syncPublicEpoch }] = await Promise.all([import('@/lib/public/manifest'), import('@/lib/public/read-model'), import('@/lib/public/cache')]);
    // The epoch first: built before this process has read the new fingerprint, they would be dropped.
    await syncPublicEpoch();
    await Promise.all([readSiteManifest(null), warmRelatedCases()]);
  } catch (error) {
    log.warn({ event: 'static.warm_failed', err: error }, '预先计算页面清单和相关案例失败，生成时再计算');
  }
}

async function loop(root: string, log: Logger): Promise<void> {
  do {
    // Starts once the PDF editions of the publishes are stored (files of the snapshot, linked from
    // its pages) and no publish has come for settleMs(), so the app's cache knows of the last change.
    do {
      state.again = false;
      await Promise.all(state.before.splice(0));
      await Promise.all([sleep(settleMs()), warmPublicReads(log)]);
    } while (state.again);
    const reason = [...new Set(state.reasons.splice(0))].join('、') || '发布';
    await runOnce(root, reason, log);
  } while (state.again);
}

/**
 * Asks for the snapshot to be brought up to date; returns at once. Does nothing unless
 * CASEBOOK_STATIC_DIR is set. Never throws: static publishing must not break publishing.
 */
export function scheduleSnapshot(reason: string, log: Logger = processLogger, after?: Promise<unknown>): void {
  try {
    const root = staticRoot();
    if (!root) return;
    state.reasons.push(reason);
    // Its failure is the work's own business (logged there): the snapshot runs regardless.
    if (after) state.before.push(after.catch(() => undefined));
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = loop(root, log)
      .catch((error: unknown) => log.error({ event: 'static.failed', err: error }, '静态站点生成任务出错'))
      .finally(() => {
        state.running = null;
      });
  } catch (error) {
    try {
      log.error({ event: 'static.schedule_failed', err: error }, '无法安排静态站点生成');
    } catch {
      // Logging itself failed: nothing more can be done without risking the caller.
    }
  }
}

/** Resolves once no run is going or queued (for the command line tools that publish, and tests). */
export async function snapshotIdle(): Promise<void> {
  while (state.running) await state.running;
}
