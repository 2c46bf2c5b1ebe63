import { describe, expect, it } from 'vitest';
import {
  caseLabel,
  issueLabel,
  parseChineseNumeral,
  parseNumeral,
  sectionLabel,
  toChineseNumeral,
} from '@/lib/content/numerals';

describe('Chinese numerals', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('%i ↔ %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it('round-trips every number from 1 to 999', () => {
    for (let n = 1; n <= 999; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('refuses what it cannot spell', () => {
    for (const n of [0, -1, 1.5, 1000, Number.NaN]) expect(() => toChineseNumeral(n)).toThrow(RangeError);
  });

  it.each(['', '零', '十十', '一百十', '二零', '百', 'abc', '一1'])('does not read %j', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });

  it('reads Arabic, full-width and Chinese digits alike', () => {
    expect(parseNumeral('3')).toBe(3);
    expect(parseNumeral('１２')).toBe(12);
    expect(parseNumeral('十二')).toBe(12);
    expect(parseNumeral('0')).toBeNull();
    expect(parseNumeral('x')).toBeNull();
  });
});

describe('labels derived from order', () => {
  it('spells issue numbers in Chinese', () => {
    expect(issueLabel(1)).toBe('第一期');
    expect(issueLabel(12)).toBe('第十二期');
  });

  it('numbers sections from their 0-based index in full-width parentheses', () => {
    expect(sectionLabel(0)).toBe('（一）');
    expect(sectionLabel(6)).toBe('（七）');
    expect(sectionLabel(9)).toBe('（十）');
  });

  it('numbers cases with Arabic digits, as the documents do', () => {
    expect(caseLabel(1)).toBe('典型做法之1');
    expect(caseLabel(16)).toBe('典型做法之16');
    expect(() => caseLabel(0)).toThrow(RangeError);
  });
});
