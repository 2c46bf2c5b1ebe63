// The grammar and arithmetic rules on pasted text: every trigger they look around (counters after
// 了 or 、, ratio colons, 其中, 产业结构, 为, plus signs, quotes before 万) repeated 100,000 characters
// long must be checked in time proportional to the text.
import { describe, expect, it } from 'vitest';
import { checkText, crossCheckCases } from '@/lib/proofread';
import { BOUND_MS, timed } from '../hostile/support';

const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const INPUTS: Record<string, string> = {
  'parts after 其中': fill('其中1万人', 100_000),
  'wholes before 其中': fill('1.2万亿元，', 50_000) + fill('其中3亿元', 50_000),
  'sector structures': fill('三次产业结构为1:2:3', 100_000),
  'ratio colons': fill('按:1:', 100_000),
  'plus signs': fill('“1+', 100_000),
  'counters after 了 and 、': fill('建成了个、所', 100_000),
  'measure nouns with 为': fill('人数为', 100_000),
  'quotes before 万': fill('“万名', 100_000),
  'scoped populations': fill('全县常住人口1人', 100_000),
};

describe('quantity-slot and arithmetic rules on the largest inputs', () => {
  it.each(Object.entries(INPUTS))('checks 100,000 characters of %s in time', (_, text) => {
    expect(timed(() => checkText(text, 'section', 0))).toBeLessThan(BOUND_MS);
  }, 60_000);

  it('compares 1,000 cases about one place in time', () => {
    const kase = { title: '哈尔滨市', regions: ['230100'], profile: { year: 2020, landAreaKm2: 53100, population: null, urbanizationRatePct: null, gdpYi: 5184, budgetRevenueYi: null } };
    const cases = Array.from({ length: 1000 }, (_, i) => ({ ...kase, profile: { ...kase.profile, gdpYi: i } }));
    expect(timed(() => crossCheckCases(cases))).toBeLessThan(BOUND_MS);
  }, 60_000);
});
