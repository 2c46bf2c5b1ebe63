import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELEASE_MANIFEST_FILE } from '@/lib/static/paths';
import { currentRelease, linkOrCopy, lockRoot, pruneReleases, SnapshotBusyError, swapCurrent, writeNewFile } from '@/lib/static/release';

// The snapshot root on disk: a reader must never see half a site while a new release goes live,
// old releases must go, and two generators must not work on one root at once.

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-release-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function release(name: string, page: string, finished = true): Promise<string> {
  const dir = path.join(root, 'releases', name);
  await writeNewFile(path.join(dir, 'index.html'), page);
  await writeNewFile(path.join(dir, 'cases', '1', 'index.html'), page);
  if (finished) await writeNewFile(path.join(dir, RELEASE_MANIFEST_FILE), '{}');
  return dir;
}

describe('swapCurrent', () => {
  it('points current at the new release', async () => {
    const a = await release('20260101T000000000Z-aaaaaa', 'A');
    await swapCurrent(root, a);
    expect(await currentRelease(root)).toBe(a);
    expect(await fs.readFile(path.join(root, 'current', 'index.html'), 'utf8')).toBe('A');
  });

  it('never leaves a reader without a page while releases are swapped back and forth', async () => {
    const a = await release('20260101T000000000Z-aaaaaa', 'A');
    const b = await release('20260101T000001000Z-bbbbbb', 'B');
    await swapCurrent(root, a);
    // The reader is another process, as a web server would be, reading through the link all along.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const file = process.argv[1]; let reads = 0, missing = 0, wrong = 0;
         const end = Date.now() + 1500;
         while (Date.now() < end) { try { const t = fs.readFileSync(file, 'utf8'); reads++; if (t !== 'A' && t !== 'B') wrong++; } catch { missing++; } }
         console.log(JSON.stringify({ reads, missing, wrong }));`,
        path.join(root, 'current', 'cases', '1', 'index.html'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const done = new Promise<void>((resolve) => reader.once('exit', () => resolve()));
    let swaps = 0;
    let running = true;
    void done.then(() => (running = false));
    while (running) {
      await swapCurrent(root, swaps % 2 === 0 ? b : a);
      swaps++;
    }
    await done;
    const result = JSON.parse(out) as { reads: number; missing: number; wrong: number };
    expect(swaps).toBeGreaterThan(50);
    expect(result.reads).toBeGreaterThan(100);
    expect(result).toMatchObject({ missing: 0, wrong: 0 });
  });
});

describe('pruneReleases', () => {
  it('keeps the three newest finished releases and the current one, and deletes the rest', async () => {
    const names = ['20260101T000000000Z-000001', '20260101T000001000Z-000002', '20260101T000002000Z-000003', '20260101T000003000Z-000004', '20260101T000004000Z-000005'];
    const dirs = [];
    for (const n of names) dirs.push(await release(n, n));
    const unfinished = await release('20260101T000005000Z-000006', 'half', false);
    // Rolled back by hand to the oldest: it stays, whatever its age.
    await swapCurrent(root, dirs[0]!);
    await fs.writeFile(path.join(root, 'current.tmp-deadbeef'), '');
    await pruneReleases(root);
    expect((await fs.readdir(path.join(root, 'releases'))).sort()).toEqual([names[0], names[2], names[3], names[4]]);
    await expect(fs.access(unfinished)).rejects.toThrow();
    await expect(fs.access(path.join(root, 'current.tmp-deadbeef'))).rejects.toThrow();
  });

  it('does not disturb a file shared by a hard link with a release it deletes', async () => {
    const old = await release('20260101T000000000Z-000001', 'same');
    const next = path.join(root, 'releases', '20260101T000001000Z-000002');
    await linkOrCopy(path.join(old, 'index.html'), path.join(next, 'index.html'));
    await writeNewFile(path.join(next, RELEASE_MANIFEST_FILE), '{}');
    await swapCurrent(root, next);
    await pruneReleases(root, 1);
    expect(await fs.readFile(path.join(root, 'current', 'index.html'), 'utf8')).toBe('same');
  });

  it('writes a new file instead of into one it shares with an older release', async () => {
    const old = await release('20260101T000000000Z-000001', 'old text');
    const file = path.join(root, 'releases', 'next', 'index.html');
    await linkOrCopy(path.join(old, 'index.html'), file);
    await writeNewFile(file, 'new text');
    expect(await fs.readFile(path.join(old, 'index.html'), 'utf8')).toBe('old text');
  });
});

describe('lockRoot', () => {
  it('refuses a second generator while the first holds the root, and lets it in afterwards', async () => {
    const unlock = await lockRoot(root);
    await expect(lockRoot(root)).rejects.toBeInstanceOf(SnapshotBusyError);
    await unlock();
    const again = await lockRoot(root);
    await again();
  });

  it('takes over a lock left by a process that died', async () => {
    await fs.writeFile(path.join(root, '.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), at: new Date().toISOString() }));
    const unlock = await lockRoot(root);
    await unlock();
  });
});
