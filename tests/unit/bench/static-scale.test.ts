import { describe, expect, it } from 'vitest';
import { formatScaleTable, formatScaleTargets, parseSizes, type ScaleRow } from '@/scripts/bench/scale-table';

// npm run bench:static -- --scale: which corpora it times and how it reports the targets
// (10,000 cases in full under 2 minutes, a publish reflected in the snapshot in under 10 s).

const row = (patch: Partial<ScaleRow>): ScaleRow => ({
  label: '10,000 个案例',
  cases: 10_000,
  seedMs: 40_000,
  urls: 21_900,
  fullMs: 90_000,
  reflectedMs: 4_200,
  incremental: { ms: 3_100, fetched: 60, reused: 21_850, removed: 0 },
  ...patch,
});

describe('--sizes', () => {
  it('takes the demo and case counts, with or without digit separators', () => {
    expect(parseSizes('demo,1000, 10_000')).toEqual(['demo', 1000, 10_000]);
  });

  it('refuses what is not a size, in Chinese, naming it', () => {
    expect(() => parseSizes('demo,1e4')).toThrow('不是“1e4”');
    expect(() => parseSizes('50')).toThrow('100 到 200000');
    expect(() => parseSizes('1000,')).toThrow('--sizes');
  });
});

describe('the scale targets', () => {
  it('holds both targets for 10,000 cases generated in 90 s and a publish reflected in 4.2 s', () => {
    expect(formatScaleTargets([row({})])).toBe(
      ['10,000 个案例全量生成 90.0 秒（目标 < 2 分钟）——达到', '10,000 个案例发布一期后 4.2 秒反映到快照（目标 < 10 秒）——达到'].join('\n'),
    );
  });

  it('misses them at 2 minutes and when a publish never reaches the snapshot', () => {
    const text = formatScaleTargets([row({ fullMs: 120_000, reflectedMs: null, incremental: null })]);
    expect(text).toContain('全量生成 120.0 秒（目标 < 2 分钟）——未达到');
    expect(text).toContain('发布一期后 没有反映到快照（目标 < 10 秒）——未达到');
  });

  it('applies the full-generation target only from 10,000 cases, and says when that size was not run', () => {
    const text = formatScaleTargets([row({ label: '演示内容', cases: 28, fullMs: 300_000 })]);
    expect(text).toContain('本次没有测 10,000 个案例');
    expect(text).not.toContain('300.0 秒');
  });

  it('puts the incremental run and what it fetched again beside the full run', () => {
    const line = formatScaleTable([row({})]).split('\n')[2];
    expect(line).toBe('| 10,000 个案例 | 10,000 | 21,900 | 40.0 秒 | 90.0 秒 | 4.2 秒 | 3.1 秒 | 60 / 21,850 / 0 |');
  });
});
