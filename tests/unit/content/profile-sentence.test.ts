import { describe, expect, it } from 'vitest';
import type { Profile } from '@/lib/content/model';
import { formatArea, formatYi, renderProfileSentence } from '@/lib/content/profile-sentence';
import { parseProfileSentence } from '@/lib/import/profile';

const YIWU: Profile = {
  year: 2021,
  landAreaKm2: 1105,
  population: { scope: '市域', value: 186 },
  urbanizationRatePct: 79.7,
  gdpYi: 1835,
  budgetRevenueYi: 119,
};

const EMPTY: Profile = {
  year: null,
  landAreaKm2: null,
  population: null,
  urbanizationRatePct: null,
  gdpYi: null,
  budgetRevenueYi: null,
};

describe('formatYi and formatArea', () => {
  it('switch to 万 from 10000 on', () => {
    expect(formatYi(1835)).toBe('1835亿元');
    expect(formatYi(9999)).toBe('9999亿元');
    expect(formatYi(10000)).toBe('1万亿元');
    expect(formatYi(28000)).toBe('2.8万亿元');
    expect(formatYi(103000)).toBe('10.3万亿元');
    expect(formatArea(1105)).toBe('1105平方公里');
    expect(formatArea(53000)).toBe('5.3万平方公里');
    expect(formatArea(176000)).toBe('17.6万平方公里');
  });

  it('keep decimals plain', () => {
    expect(formatYi(0.6)).toBe('0.6亿元');
    expect(formatYi(16500)).toBe('1.65万亿元');
  });
});

describe('renderProfileSentence', () => {
  it('renders all facts in the house order with full-width punctuation', () => {
    expect(renderProfileSentence(YIWU, '义乌市')).toBe(
      '2021年，义乌市国土面积1105平方公里，市域常住人口186万人，常住人口城镇化率79.7%，地区生产总值1835亿元，一般公共预算收入119亿元。',
    );
  });

  it('leaves out unknown facts, including a population whose value is unknown', () => {
    const shenzhen: Profile = { ...EMPTY, population: { scope: '城区', value: null }, gdpYi: 28000 };
    expect(renderProfileSentence(shenzhen, '深圳市')).toBe('深圳市地区生产总值2.8万亿元。');
    expect(renderProfileSentence({ ...EMPTY, year: 2021, landAreaKm2: 53000 }, '哈尔滨市')).toBe(
      '2021年，哈尔滨市国土面积5.3万平方公里。',
    );
  });

  it('renders nothing when no figure is known', () => {
    expect(renderProfileSentence(EMPTY, '义乌市')).toBe('');
    expect(renderProfileSentence({ ...EMPTY, year: 2021 }, '义乌市')).toBe('');
    expect(renderProfileSentence({ ...EMPTY, population: { scope: '城区', value: null } }, '深圳市')).toBe('');
  });
});

describe('render then parse gives the same facts', () => {
  const profiles: [string, Profile][] = [
    ['义乌市', YIWU],
    ['深圳市', { ...EMPTY, year: 2021, population: { scope: '城区', value: 1200 }, gdpYi: 28000 }],
    ['江苏省', { ...EMPTY, landAreaKm2: 107000, population: { scope: '省域', value: 8505.4 }, gdpYi: 103000 }],
    ['海门区', { ...EMPTY, population: { scope: '辖区内', value: 99 }, budgetRevenueYi: 74 }],
    ['范家屯镇', { ...EMPTY, population: { scope: '镇域', value: 14 }, urbanizationRatePct: 77.7, budgetRevenueYi: 6 }],
    ['重庆市', { ...EMPTY, year: 2020, landAreaKm2: 82000, urbanizationRatePct: 69.5, gdpYi: 25000 }],
    ['涉县', { ...EMPTY, population: { scope: '县域', value: 38 }, gdpYi: 9999.5 }],
  ];

  it.each(profiles)('%s', (place, profile) => {
    const sentence = renderProfileSentence(profile, place);
    const parsed = parseProfileSentence(sentence);
    expect(parsed).not.toBeNull();
    expect(parsed!.profile).toEqual(profile);
    expect(parsed!.placeName).toBe(place);
    expect(parsed!.warnings).toEqual([]);
  });
});
