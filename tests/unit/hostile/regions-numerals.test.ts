// Region names and numerals are read from titles, leads and headings as they were pasted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumeral, toChineseNumeral } from '@/lib/content/numerals';
import { resolveRegionsFromText } from '@/lib/regions/resolve';
import { adversarial, BOUND_MS, fill, hostileString, timed } from './support';

describe('region resolution on hostile text', () => {
  it('resolves any title and lead without throwing, to six- or nine-digit codes', () => {
    fc.assert(
      fc.property(hostileString(), hostileString(), (title, lead) => {
        const { codes, ambiguous } = resolveRegionsFromText(title, lead);
        for (const code of codes) expect(code).toMatch(/^(?:\d{6}|\d{9})$/u);
        expect(new Set(codes).size).toBe(codes.length);
        expect(new Set(ambiguous).size).toBe(ambiguous.length);
      }),
      { numRuns: 300 },
    );
  });

  it('still reads provinces listed in a lead', () => {
    expect(resolveRegionsFromText('城市群建设', '重庆、四川两省市协同').codes).toEqual(['500000', '510000']);
    expect(resolveRegionsFromText('城市群建设', '湖北等地').codes).toEqual(['420000']);
  });

  it.each([
    ...Object.entries(adversarial(100_000)),
    ['listed provinces', fill('江苏、', 100_000)],
    ['province names then 省', fill('江苏省', 100_000)],
    ['chained place names', fill('江苏省南通市海门区', 100_000)],
  ])('resolves 100,000 characters of %s in time', (_, text) => {
    expect(timed(() => resolveRegionsFromText(text, text))).toBeLessThan(BOUND_MS);
    expect(timed(() => resolveRegionsFromText('', text))).toBeLessThan(BOUND_MS);
  }, 120_000);
});

describe('numerals on hostile text', () => {
  it('reads back every number it spells, in either script', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
        expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
        expect(parseNumeral(String(n))).toBe(n);
        expect(parseNumeral(String(n).replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)))).toBe(n);
      }),
    );
  });

  it('returns an exact positive integer or null for any text', () => {
    fc.assert(
      fc.property(fc.oneof(
          hostileString(),
          fc.stringMatching(/^[0-9０-９]{1,40}$/u),
          fc.stringMatching(/^[1-9][0-9]{15,40}$/u),
          fc.stringMatching(/^[一二两三四五六七八九十百零〇]{1,12}$/u),
        ), (text) => {
        const n = parseNumeral(text);
        expect(n === null || (Number.isSafeInteger(n) && n > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a digit run too long to be an exact number', () => {
    expect(parseNumeral('9'.repeat(17))).toBeNull();
    expect(parseNumeral('9'.repeat(400))).toBeNull();
    expect(parseNumeral(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(Object.entries(adversarial(100_000)))('reads 100,000 characters of %s in time', (_, text) => {
    expect(timed(() => parseNumeral(text))).toBeLessThan(BOUND_MS);
    expect(timed(() => parseChineseNumeral(text))).toBeLessThan(BOUND_MS);
  });
});
