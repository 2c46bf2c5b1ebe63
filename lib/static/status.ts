import fs from 'node:fs/promises';
import path from 'node:path';

// ROOT/status.json: how the last generation went, for the admin dashboard and for operators (a
// monitor can read it too). Written whole and renamed into place, so a reader never sees half of it.

export const STATUS_FILE = 'status.json';

export interface SnapshotCounts {
  /** Every URL in the release. */
  urls: number;
  /** Fetched from the app this time. */
  fetched: number;
  /** Unchanged, shared with the previous release. */
  reused: number;
  /** In the previous release but no longer public. */
  removed: number;
}

export interface SnapshotStatus extends Partial<SnapshotCounts> {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  /** Why it failed, in Chinese, for the admin. */
  error?: string;
  /** What asked for it: a publish, an unpublish, the command. */
  reason?: string;
  /** The release folder name now served (on success). */
  release?: string;
  ms: number;
  /** The release still served after a failure, and when it was made. */
  lastSuccess?: { finishedAt: string; release: string; urls: number };
}

export async function readStatus(root: string): Promise<SnapshotStatus | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(root, STATUS_FILE), 'utf8')) as SnapshotStatus;
  } catch {
    return null;
  }
}

/** Records an attempt, carrying over the last success so a failure can say what still serves. */
export async function writeStatus(root: string, status: Omit<SnapshotStatus, 'lastSuccess'>): Promise<SnapshotStatus> {
  const previous = await readStatus(root);
  const lastSuccess =
    status.ok && status.release ? { finishedAt: status.finishedAt, release: status.release, urls: status.urls ?? 0 } : previous?.ok && previous.release ? { finishedAt: previous.finishedAt, release: previous.release, urls: previous.urls ?? 0 } : previous?.lastSuccess;
  const full: SnapshotStatus = { ...status, ...(lastSuccess ? { lastSuccess } : {}) };
  const temporary = path.join(root, `${STATUS_FILE}.tmp-${process.pid}-${Date.now()}`);
  await fs.mkdir(root, { recursive: true });
  await fs.writeFile(temporary, `${JSON.stringify(full, null, 2)}\n`);
  await fs.rename(temporary, path.join(root, STATUS_FILE));
  return full;
}

/** The configured snapshot root (CASEBOOK_STATIC_DIR), or null when static publishing is off. */
export function staticRoot(): string | null {
  const dir = process.env.CASEBOOK_STATIC_DIR?.trim();
  return dir ? path.resolve(dir) : null;
}

/** For the admin dashboard: null when static publishing is off, else the last attempt (null inside when none yet). */
export async function readSnapshotStatus(): Promise<{ root: string; status: SnapshotStatus | null } | null> {
  const root = staticRoot();
  return root ? { root, status: await readStatus(root) } : null;
}

/**
 * The dashboard's line about the static site: when it was last made and how many pages it has, or
 * why the last attempt failed and what readers still see. `formatTime` writes a time the admin way.
 */
export function describeSnapshotStatus(status: SnapshotStatus | null, formatTime: (iso: string) => string): { tone: 'info' | 'error'; text: string } {
  if (!status) return { tone: 'info', text: '静态站点：尚未生成。下一次发布或撤回发布后自动生成，也可以运行 npm run publish:static。' };
  if (status.ok) return { tone: 'info', text: `静态站点：最近生成于${formatTime(status.finishedAt)}（${status.urls ?? 0} 个页面）。` };
  const serving = status.lastSuccess ? `读者看到的仍是${formatTime(status.lastSuccess.finishedAt)}生成的版本（${status.lastSuccess.urls} 个页面）。` : '还没有成功生成过的版本。';
  return { tone: 'error', text: `静态站点生成失败：${status.error ?? '原因不明'}（${formatTime(status.finishedAt)}）。${serving}` };
}
