import { describe, expect, it } from 'vitest';
import { HashGate, SERVER_BUSY, ServerBusyError } from '@/lib/auth/hash-gate';

/** A task that runs until released, and records that it started. */
function blocker(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { task: async () => { log.push(name); await done; return name; }, release };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the password hashing gate', () => {
  it('never runs more tasks at once than its capacity, and runs the waiting ones in order', async () => {
    const gate = new HashGate(2, 10);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((n) => blocker(log, n));
    const results = tasks.map((t) => gate.run(t.task, { refuseWhenFull: true }));
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect([gate.active, gate.queued]).toEqual([2, 2]);
    tasks[1]!.release();
    await tick();
    expect(log).toEqual(['a', 'b', 'c']);
    tasks[0]!.release();
    tasks[2]!.release();
    tasks[3]!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it('refuses a sign-in at once, without running it, when the slots and the queue are full', async () => {
    const gate = new HashGate(2, 1);
    const log: string[] = [];
    const held = ['a', 'b', 'c'].map((n) => blocker(log, n));
    const running = held.map((t) => gate.run(t.task, { refuseWhenFull: true }));
    let ran = false;
    const refused = gate.run(async () => { ran = true; }, { refuseWhenFull: true });
    await expect(refused).rejects.toBeInstanceOf(ServerBusyError);
    await expect(refused).rejects.toThrow(SERVER_BUSY);
    expect(ran).toBe(false);
    for (const t of held) t.release();
    await Promise.all(running);
    // Once the load is gone, sign-ins are accepted again.
    await expect(gate.run(async () => 'ok', { refuseWhenFull: true })).resolves.toBe('ok');
  });

  it('lets signed-in work (setting a password) wait its turn however long the queue is', async () => {
    const gate = new HashGate(1, 0);
    const log: string[] = [];
    const first = blocker(log, 'first');
    const running = gate.run(first.task);
    const waiting = Array.from({ length: 5 }, (_, i) => gate.run(async () => i));
    await tick();
    expect(gate.queued).toBe(5);
    first.release();
    expect(await Promise.all(waiting)).toEqual([0, 1, 2, 3, 4]);
    await running;
  });

  it('frees the slot of a task that fails', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(gate.active).toBe(0);
    await expect(gate.run(async () => 'next', { refuseWhenFull: true })).resolves.toBe('next');
  });
});
