import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@/lib/log';
import type { GenerateOptions } from '@/lib/static/generate';

// The snapshot job behind every publish: it must never make a publish wait or fail, and publishes
// that arrive while it runs must be covered by exactly one more run, not one each.

const generate = vi.hoisted(() => ({ calls: [] as GenerateOptions[], delayMs: 30, fail: false }));
vi.mock('@/lib/static/generate', () => ({
  generateSnapshot: async (options: GenerateOptions) => {
    generate.calls.push(options);
    await new Promise((resolve) => setTimeout(resolve, generate.delayMs));
    if (generate.fail) throw new Error('页面 /cases/1 返回 HTTP 500，本次生成已取消。');
    return { release: 'r', urls: 1, fetched: 1, reused: 0, removed: 0, deferred: 0, reflectedMs: 1, ms: 1 };
  },
}));

const { scheduleSnapshot, snapshotIdle } = await import('@/lib/static/job');
const log = { info: vi.fn(), error: vi.fn() } as unknown as Logger;

beforeEach(() => {
  generate.calls = [];
  generate.fail = false;
  vi.stubEnv('CASEBOOK_STATIC_DIR', '/tmp/casebook-static-job-test');
  vi.stubEnv('CASEBOOK_PUBLIC_SYNC_MS', '250');
  vi.stubEnv('CASEBOOK_STATIC_SOURCE_URL', 'http://127.0.0.1:3999');
});
afterEach(async () => {
  await snapshotIdle();
  vi.unstubAllEnvs();
});

describe('scheduleSnapshot', () => {
  it('does nothing when static publishing is off', async () => {
    vi.stubEnv('CASEBOOK_STATIC_DIR', '');
    scheduleSnapshot('第一期已发布', log);
    await snapshotIdle();
    expect(generate.calls).toEqual([]);
  });

  it('runs once for a publish, against the configured app and root, with the reason', async () => {
    scheduleSnapshot('第一期已发布', log);
    await snapshotIdle();
    expect(generate.calls).toEqual([expect.objectContaining({ sourceUrl: 'http://127.0.0.1:3999', root: '/tmp/casebook-static-job-test', reason: '第一期已发布' })]);
  });

  it('covers every publish made during a run with exactly one more run', async () => {
    generate.delayMs = 400;
    scheduleSnapshot('第一期已发布', log);
    // The first run waits 500 ms for the app's cache, then generates for 400 ms: these come meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(generate.calls).toHaveLength(1);
    for (const n of ['二', '三', '四']) scheduleSnapshot(`第${n}期已发布`, log);
    await snapshotIdle();
    expect(generate.calls.map((c) => c.reason)).toEqual(['第一期已发布', '第二期已发布、第三期已发布、第四期已发布']);
    generate.delayMs = 30;
  });

  it('waits until publishes stop coming before it starts', async () => {
    for (const n of ['一', '二']) {
      scheduleSnapshot(`第${n}期已发布`, log);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await snapshotIdle();
    expect(generate.calls.map((c) => c.reason)).toEqual(['第一期已发布、第二期已发布']);
  });

  it('returns at once and never throws into the publish, even when generation fails', async () => {
    generate.fail = true;
    generate.delayMs = 200;
    const started = performance.now();
    expect(() => scheduleSnapshot('第一期已撤回发布', log)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(50);
    await snapshotIdle();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ event: 'static.failed' }), expect.stringContaining('页面 /cases/1 返回 HTTP 500'));
    generate.delayMs = 30;
  });
});
