/**
 * Whether a process with this id runs on this machine, for lock files that name their holder: one
 * we may not signal (EPERM) is running all the same, so its lock is not taken over.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
