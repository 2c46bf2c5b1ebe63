import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@/lib/log';
import type { GenerateOptions } from '@/lib/static/generate';

// The snapshot includes the PDF editions a publish makes in the background, and its pages link
// them: a run waits until they are stored, however long that takes, and runs even if making them
// failed (the pages are then written without the links).

const generate = vi.hoisted(() => ({ calls: [] as GenerateOptions[] }));
vi.mock('@/lib/static/generate', () => ({
  generateSnapshot: async (options: GenerateOptions) => {
    generate.calls.push(options);
    return { release: 'r', urls: 1, fetched: 1, reused: 0, removed: 0, deferred: 0, reflectedMs: 1, ms: 1 };
  },
}));

const { scheduleSnapshot, snapshotIdle } = await import('@/lib/static/job');
const log = { info: vi.fn(), error: vi.fn() } as unknown as Logger;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  generate.calls = [];
  vi.stubEnv('CASEBOOK_STATIC_DIR', '/tmp/casebook-static-job-after-test');
  vi.stubEnv('CASEBOOK_PUBLIC_SYNC_MS', '50');
  vi.stubEnv('CASEBOOK_STATIC_SOURCE_URL', 'http://127.0.0.1:3999');
});
afterEach(async () => {
  await snapshotIdle();
  vi.unstubAllEnvs();
});

describe('scheduleSnapshot after the PDF editions', () => {
  it('starts only once the editions it was given are stored', async () => {
    let stored = () => {};
    scheduleSnapshot('第一期已发布', log, new Promise<void>((resolve) => (stored = resolve)));
    // Far past the 300 ms a run otherwise waits before it starts.
    await sleep(800);
    expect(generate.calls).toEqual([]);
    stored();
    await snapshotIdle();
    expect(generate.calls.map((c) => c.reason)).toEqual(['第一期已发布']);
  });

  it('waits for the editions of every publish that joins the run', async () => {
    let first = () => {};
    let second = () => {};
    scheduleSnapshot('第一期已发布', log, new Promise<void>((resolve) => (first = resolve)));
    scheduleSnapshot('第二期已发布', log, new Promise<void>((resolve) => (second = resolve)));
    first();
    await sleep(600);
    expect(generate.calls).toEqual([]);
    second();
    await snapshotIdle();
    expect(generate.calls.map((c) => c.reason)).toEqual(['第一期已发布、第二期已发布']);
  });

  it('still runs when making the editions failed', async () => {
    scheduleSnapshot('第一期已发布', log, Promise.reject(new Error('PDF 生成失败')));
    await snapshotIdle();
    expect(generate.calls).toHaveLength(1);
  });
});
