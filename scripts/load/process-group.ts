import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

// Servers the load and benchmark scripts start run in their own process group, so that stopping
// one stops everything it started (npm, tsx and Next all fork), and none outlives the script even
// when it is interrupted or crashes; nor do the scripts' temporary folders.

const running = new Set<number>();

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

export interface ProcessGroup {
  pid: number | undefined;
  /** The exit code, or null while it runs. */
  exitCode: () => number | null;
  exited: Promise<void>;
  /** Signals the group (SIGTERM unless told otherwise), then SIGKILL after graceMs; resolves once it has exited. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<void>;
}

export function spawnGroup(command: string, args: readonly string[], options: Omit<SpawnOptions, 'detached'>): ProcessGroup {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid) running.add(pid);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 1);
      if (pid) running.delete(pid);
      resolve();
    });
    // A command that cannot start (missing binary) never exits: count it as having exited.
    child.once('error', () => {
      exitCode ??= 127;
      if (pid) running.delete(pid);
      resolve();
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (pid) process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    pid,
    exitCode: () => exitCode,
    exited,
    stop: async (signal = 'SIGTERM', graceMs = 15_000) => {
      if (exitCode !== null || !pid) return;
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Deletes these folders if the script is interrupted before it removes them itself; call the result once it has. */
export function removeOnExit(...dirs: string[]): () => void {
  const remove = () => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', remove);
  return () => process.off('exit', remove);
}
