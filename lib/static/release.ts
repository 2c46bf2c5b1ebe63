import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { processAlive } from '@/lib/ops/process-alive';
import { RELEASE_MANIFEST_FILE } from './paths';

// The snapshot root on disk: ROOT/releases/<UTC time>-<random>/ each hold one whole site,
// ROOT/current is a symlink to the one being served, swapped in one rename(2) so a reader finds
// either the old site or the new one, never a mixture. Files of unchanged pages are hard links into
// the previous release, so no file is ever written in place: a new file is always a new inode.

export const RELEASES_DIR = 'releases';
export const CURRENT_LINK = 'current';
/** Finished releases kept (the current one among them): enough to roll back by hand. */
export const KEEP_RELEASES = 3;

let lastNameMs = 0;

/** A name that sorts by time, 20261130T121030123Z-1a2b3c; later calls in a process always sort later. */
export function releaseName(now: Date = new Date()): string {
  lastNameMs = Math.max(now.getTime(), lastNameMs + 1);
  return `${new Date(lastNameMs).toISOString().replace(/[-:.]/gu, '')}-${randomBytes(3).toString('hex')}`;
}

/** The release folder `current` points to, or null when there is none yet. */
export async function currentRelease(root: string): Promise<string | null> {
  try {
    const target = await fs.readlink(path.join(root, CURRENT_LINK));
    return path.resolve(root, target);
  } catch {
    return null;
  }
}

/** Points `current` at the release in one atomic rename; the old target keeps serving until then. */
export async function swapCurrent(root: string, releaseDir: string): Promise<void> {
  const temporary = path.join(root, `${CURRENT_LINK}.tmp-${randomBytes(4).toString('hex')}`);
  // Relative, so the root can be moved or mounted elsewhere (a container volume, an rsync target).
  await fs.symlink(path.relative(root, releaseDir), temporary);
  try {
    await fs.rename(temporary, path.join(root, CURRENT_LINK));
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Deletes old and unfinished releases: keeps the `keep` newest finished ones (a finished release has
 * its manifest) and always the one `current` points to. Stray temporary links go too.
 */
export async function pruneReleases(root: string, keep: number = KEEP_RELEASES): Promise<string[]> {
  const current = await currentRelease(root);
  const dir = path.join(root, RELEASES_DIR);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).sort();
  const finished: string[] = [];
  for (const name of names) {
    if (await exists(path.join(dir, name, RELEASE_MANIFEST_FILE))) finished.push(name);
  }
  const kept = new Set(finished.slice(-keep));
  const removed: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (kept.has(name) || full === current) continue;
    await fs.rm(full, { recursive: true, force: true });
    removed.push(name);
  }
  for (const name of await fs.readdir(root)) {
    if (name.startsWith(`${CURRENT_LINK}.tmp-`)) await fs.rm(path.join(root, name), { force: true });
  }
  return removed;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes a new file (never into an existing inode, which a hard link may share with an older release). */
export async function writeNewFile(file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.rm(file, { force: true });
  await fs.writeFile(file, data, { flag: 'wx' });
}

/**
 * Shares an unchanged file with the previous release: a hard link, or a copy across file systems.
 * `madeDirs` remembers the folders already made, so sharing thousands of files in one folder makes
 * it once instead of once per file.
 */
export async function linkOrCopy(from: string, to: string, madeDirs?: Set<string>): Promise<void> {
  const dir = path.dirname(to);
  if (!madeDirs?.has(dir)) {
    await fs.mkdir(dir, { recursive: true });
    madeDirs?.add(dir);
  }
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    await fs.copyFile(from, to);
  }
}

export class SnapshotBusyError extends Error {
  constructor(holder: string) {
    super(`另一个静态站点生成任务正在进行（${holder}），本次未开始。`);
    this.name = 'SnapshotBusyError';
  }
}

/** A lock on another host cannot be checked; after this long it is taken to be left over. */
const FOREIGN_LOCK_MS = 30 * 60_000;

/**
 * One generator per root at a time (the app's background job, the command, another instance): two
 * runs would each start from the same previous release and the slower one would swap in older
 * pages. A lock left by a process that died is taken over.
 */
export async function lockRoot(root: string): Promise<() => Promise<void>> {
  const file = path.join(root, '.lock');
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, mine, { flag: 'wx' });
      return async () => {
        if ((await fs.readFile(file, 'utf8').catch(() => '')) === mine) await fs.rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string; at?: string } = {};
      try {
        holder = JSON.parse(await fs.readFile(file, 'utf8')) as typeof holder;
      } catch {
        // Unreadable: left over from a crash while writing it.
      }
      const local = holder.host === hostname();
      const held = local ? holder.pid !== undefined && processAlive(holder.pid) : holder.at !== undefined && Date.now() - Date.parse(holder.at) < FOREIGN_LOCK_MS;
      if (held) throw new SnapshotBusyError(`${local ? '' : `${holder.host} 上的`}进程 ${holder.pid ?? '未知'}`);
      await fs.rm(file, { force: true });
    }
  }
  throw new SnapshotBusyError('未知进程');
}
