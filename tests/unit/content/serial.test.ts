import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ISSUE_LABEL_FORMAT,
  labelFormatProblems,
  provisionalSerial,
  serialLabel,
  serialYear,
  shortSerialLabel,
} from '@/lib/content/serial';
import { BOUND_MS, fill, hostileString, timed } from '../hostile/support';

const n27 = { year: 2025, yearNumber: 3, number: 27 };

describe('the serial label of an issue', () => {
  it('reads 2025年第3期（总第27期） by default', () => {
    expect(serialLabel(n27)).toBe('2025年第3期（总第27期）');
    expect(serialLabel(n27, DEFAULT_ISSUE_LABEL_FORMAT)).toBe('2025年第3期（总第27期）');
  });

  it('follows the site’s format, each placeholder as often as it is written', () => {
    expect(serialLabel(n27, '总第{number}期')).toBe('总第27期');
    expect(serialLabel(n27, '{year}年第{yearNumber}期')).toBe('2025年第3期');
    expect(serialLabel(n27, '{year}-{yearNumber}（{number}）{number}')).toBe('2025-3（27）27');
  });

  it('falls back to the default instead of printing a broken format', () => {
    expect(serialLabel(n27, '第{issue}期')).toBe('2025年第3期（总第27期）');
    expect(serialLabel(n27, '')).toBe('2025年第3期（总第27期）');
  });

  it('has a short form without the bracketed part when what remains still tells issues apart', () => {
    expect(shortSerialLabel(n27)).toBe('2025年第3期');
    expect(shortSerialLabel(n27, '总第{number}期（{year}年第{yearNumber}期）')).toBe('总第27期');
    // Without its bracket the label would name no issue: it stays whole.
    expect(shortSerialLabel(n27, '期刊（总第{number}期）')).toBe('期刊（总第27期）');
    expect(shortSerialLabel(n27, '{year}年第{yearNumber}期 总第{number}期')).toBe('2025年第3期 总第27期');
  });
});

describe('checking a label format', () => {
  it('accepts the default and formats that name the issue', () => {
    for (const f of [DEFAULT_ISSUE_LABEL_FORMAT, '总第{number}期', '{year}年第{yearNumber}期', '{year}.{yearNumber}']) expect(labelFormatProblems(f)).toEqual([]);
  });

  it.each([
    ['', '请填写期号格式'],
    ['   ', '请填写期号格式'],
    ['{year}年', '必须包含 {number}（总期号）或 {yearNumber}（年内期号）'],
    ['第{yearNumber}期', '同时写上 {year}（年份）'],
    ['第{issue}期{number}', '不认识的占位符 {issue}'],
    ['第{ number }期', '不认识的占位符 { number }'],
    ['第{{number}期', '花括号只用来写占位符'],
    ['第{number}}期', '花括号只用来写占位符'],
    ['第{number}期\n', '不能含有换行'],
    ['第{number}期\u202e', '控制字符'],
    [`${'期'.repeat(38)}{number}`, '不超过40个字'],
  ])('refuses %j and says why in Chinese', (format, reason) => {
    const problems = labelFormatProblems(format);
    expect(problems.join('；')).toContain(reason);
    for (const p of problems) expect(p).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(labelFormatProblems(`${'𠀀'.repeat(32)}{number}`)).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(labelFormatProblems('{x}{\u0000')).toHaveLength(4);
  });

  it('answers at once on long hostile input, and never throws', () => {
    for (const unit of ['{', '}', '{{', '{year', '{}', '（{number}', '\u202e']) {
      const text = fill(unit, 100_000);
      expect(timed(() => labelFormatProblems(text))).toBeLessThan(BOUND_MS);
      expect(timed(() => serialLabel(n27, text))).toBeLessThan(BOUND_MS);
      expect(timed(() => shortSerialLabel(n27, text))).toBeLessThan(BOUND_MS);
    }
    fc.assert(
      fc.property(hostileString(60), (format) => {
        const problems = labelFormatProblems(format);
        const label = serialLabel(n27, format);
        // A label is either the format filled in, or the default when the format is refused.
        if (problems.length > 0) expect(label).toBe('2025年第3期（总第27期）');
        else expect(label).not.toMatch(/\{(year|yearNumber|number)\}/u);
      }),
    );
  });
});

describe('the serial year and the provisional number of an unpublished issue', () => {
  it('takes the year on China’s calendar', () => {
    // 2025-12-31 16:30 UTC is already 2026-01-01 in Beijing.
    expect(serialYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(serialYear(new Date('2025-12-31T15:59:00Z'))).toBe(2025);
  });

  it('expects the year it is scheduled for, else this year, after the year’s published issues with smaller numbers', () => {
    const published: Record<number, number[]> = { 2025: [20, 24, 30], 2026: [31] };
    const ofYear = (y: number) => published[y] ?? [];
    const now = new Date('2025-06-01T00:00:00Z');
    expect(provisionalSerial({ number: 27, scheduledAt: null }, ofYear, now)).toEqual({ year: 2025, yearNumber: 3, number: 27 });
    expect(provisionalSerial({ number: 27, scheduledAt: new Date('2026-01-05T00:00:00Z') }, ofYear, now)).toEqual({ year: 2026, yearNumber: 1, number: 27 });
    expect(provisionalSerial({ number: 40, scheduledAt: null }, ofYear, new Date('2027-02-01T00:00:00Z'))).toEqual({ year: 2027, yearNumber: 1, number: 40 });
  });
});
