import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGroup, type ProcessGroup } from '@/scripts/load/process-group';

const MODULE = path.join(process.cwd(), 'scripts', 'load', 'process-group.ts');

// The benchmark and load scripts start servers that fork (npm, tsx, Next, nginx's workers); stopping
// one must leave none of its processes behind, even one that ignores the polite signal.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Running, not merely a zombie waiting to be reaped by an init that may never do it. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !fs.existsSync(stat) || fs.readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
}

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** A shell that starts a long sleep in the background and writes the sleep's pid to a file. */
async function shellWithChild(script: string): Promise<{ group: ProcessGroup; child: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-group-'));
  dirs.push(dir);
  const file = path.join(dir, 'pid');
  const group = spawnGroup('sh', ['-c', `${script}; sleep 30 & echo $! > ${file}; wait`], { stdio: 'ignore' });
  await waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() !== '');
  return { group, child: Number(fs.readFileSync(file, 'utf8').trim()) };
}

describe('a process group', () => {
  it('stops the process and what it started', async () => {
    const { group, child } = await shellWithChild('true');
    expect(running(child)).toBe(true);
    await group.stop();
    await waitFor(() => !running(child));
    expect(running(child)).toBe(false);
    expect(group.exitCode()).not.toBeNull();
  });

  it('kills a group that ignores SIGTERM once the grace period is over', async () => {
    const { group, child } = await shellWithChild("trap '' TERM");
    const started = Date.now();
    await group.stop('SIGTERM', 200);
    await waitFor(() => !running(child));
    expect(running(child)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('counts a command that cannot start as exited instead of waiting for it forever', async () => {
    const group = spawnGroup('/nonexistent/casebook-server', [], { stdio: 'ignore' });
    await group.exited;
    expect(group.exitCode()).not.toBeNull();
    await group.stop();
  });
});

describe('temporary folders of an interrupted benchmark', () => {
  /** Runs a script that makes a folder, registers it, then does `then`; returns whether the folder is left. */
  function leftAfter(then: string): boolean {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-exit-'));
    dirs.push(dir);
    const target = path.join(dir, 'work');
    const script = path.join(dir, 'script.ts');
    fs.writeFileSync(
      script,
      `import fs from 'node:fs';\nimport { removeOnExit } from ${JSON.stringify(MODULE)};\nfs.mkdirSync(${JSON.stringify(target)});\nconst forget = removeOnExit(${JSON.stringify(target)});\n${then}\nsetTimeout(() => {}, 5_000);\n`,
    );
    spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: 'ignore', timeout: 20_000 });
    return fs.existsSync(target);
  }

  it('are deleted when the script is stopped with SIGTERM before it cleans up', () => {
    expect(leftAfter("process.kill(process.pid, 'SIGTERM');")).toBe(false);
  });

  it('are left alone once the script has cleaned up itself (e.g. kept with --keep)', () => {
    expect(leftAfter('forget(); process.exit(0);')).toBe(true);
  });
});
