import { describe, expect, it } from 'vitest';
import { parseProfileSentence, startsLikeProfile } from '@/lib/import/profile';

describe('parseProfileSentence', () => {
  it('reads every fact, in the house order, with units converted', () => {
    const parsed = parseProfileSentence(
      '2021年，义乌市国土面积1105平方公里，市域常住人口186万人，常住人口城镇化率79.7%，地区生产总值1835亿元，一般公共预算收入119亿元。',
    );
    expect(parsed).toEqual({
      profile: {
        year: 2021,
        landAreaKm2: 1105,
        population: { scope: '市域', value: 186 },
        urbanizationRatePct: 79.7,
        gdpYi: 1835,
        budgetRevenueYi: 119,
      },
      placeName: '义乌市',
      warnings: [],
    });
  });

  it('reads facts in any order and any subset, with 万 multipliers', () => {
    const parsed = parseProfileSentence('重庆市地区生产总值2.5万亿元,国土面积8.2万平方公里,2021年.');
    expect(parsed?.profile).toEqual({
      year: 2021,
      landAreaKm2: 82000,
      population: null,
      urbanizationRatePct: null,
      gdpYi: 25000,
      budgetRevenueYi: null,
    });
  });

  it('does not confuse 常住人口城镇化率 with 常住人口', () => {
    const parsed = parseProfileSentence('常住人口城镇化率63.9%，辖区内常住人口99万人。');
    expect(parsed?.profile.urbanizationRatePct).toBe(63.9);
    expect(parsed?.profile.population).toEqual({ scope: '辖区内', value: 99 });
  });

  it.each([
    ['城区'],
    ['市域'],
    ['辖区内'],
    ['县域'],
    ['省域'],
    ['镇域'],
  ] as const)('keeps the population scope %s', (scope) => {
    expect(parseProfileSentence(`${scope}常住人口12万人。`)?.profile.population).toEqual({ scope, value: 12 });
  });

  it('leaves a lost figure null, never 0, and says which', () => {
    const parsed = parseProfileSentence('年,海门区国土面积平方公里,辖区内常住人口99万人,地区生产总值亿元,常住人口城镇化率%。');
    expect(parsed?.profile).toMatchObject({ year: null, landAreaKm2: null, gdpYi: null, urbanizationRatePct: null });
    expect(parsed?.warnings).toEqual(['年份缺少数字', '国土面积缺少数字', '地区生产总值缺少数字', '常住人口城镇化率缺少数字']);
  });

  it('keeps the scope of a population whose number was lost', () => {
    const parsed = parseProfileSentence('城区常住人口万人。');
    expect(parsed?.profile.population).toEqual({ scope: '城区', value: null });
    expect(parsed?.warnings).toEqual(['城区常住人口缺少数字']);
  });

  it('reads a truncated figure as written', () => {
    expect(parseProfileSentence('眉山市国土面积7平方公里。')?.profile.landAreaKm2).toBe(7);
  });

  it('converts a population given in 人 to 万人', () => {
    expect(parseProfileSentence('镇域常住人口5000人。')?.profile.population).toEqual({ scope: '镇域', value: 0.5 });
  });

  it('guesses a missing scope from the place and warns', () => {
    const parsed = parseProfileSentence('贵州省常住人口3858万人。');
    expect(parsed?.profile.population).toEqual({ scope: '省域', value: 3858 });
    expect(parsed?.warnings).toHaveLength(1);
  });

  it('takes the first of a repeated fact and warns', () => {
    const parsed = parseProfileSentence('国土面积10平方公里，国土面积20平方公里。');
    expect(parsed?.profile.landAreaKm2).toBe(10);
    expect(parsed?.warnings).toEqual(['概况句中“国土面积”出现多次，只取第一次']);
  });

  it('is not fooled by lead paragraphs that mention the same words', () => {
    expect(
      parseProfileSentence('年年底,城市群常住人口超过万人,地区生产总值达2.2万亿元,综合实力显著增强。'),
    ).toBeNull();
    expect(parseProfileSentence('年1月,国务院批复同意《关中平原城市群发展规划》。')).toBeNull();
    expect(parseProfileSentence('2021年。')).toBeNull();
    expect(parseProfileSentence('')).toBeNull();
  });

  it('tells a damaged profile sentence from a lead paragraph', () => {
    expect(startsLikeProfile('2021年，义乌市国土面积1105平方公里，人均GDP达10万元。')).toBe(true);
    expect(startsLikeProfile('长江中游城市群包括湖北、湖南、江西部分市县。')).toBe(false);
  });
});
