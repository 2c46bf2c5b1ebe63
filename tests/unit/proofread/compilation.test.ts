import { describe, expect, it } from 'vitest';
import type { CaseContent, Profile } from '@/lib/content/model';
import { crossCheckCases, proofreadIssue } from '@/lib/proofread';

const harbin = (title: string, p: Partial<Profile>): CaseContent => ({
  title,
  regions: ['230100'],
  profile: {
    year: 2020,
    landAreaKm2: 53100,
    population: { scope: '城区', value: 594 },
    urbanizationRatePct: 70.6,
    gdpYi: 5184,
    budgetRevenueYi: 370,
    ...p,
  },
  lead: '',
  sections: [],
  tags: [],
});

describe('the same place in two cases of a compilation', () => {
  it('offers the figure one case lost from the other case about the same place and year', () => {
    const [a, b] = crossCheckCases([
      harbin('黑龙江省哈尔滨市帮扶随迁子女接受义务教育', { gdpYi: null }),
      harbin('黑龙江省哈尔滨市支持农业转移人口缴存住房公积金', {}),
    ]);
    expect(b).toEqual([]);
    expect(a).toHaveLength(1);
    expect(a![0]).toMatchObject({ severity: 'warning', field: 'profile' });
    expect(a![0]!.message).toContain('5184亿元');
    expect(a![0]!.message).toContain('缴存住房公积金');
  });

  it('blocks both cases when they give different figures for the same year', () => {
    const [a, b] = crossCheckCases([harbin('甲', { landAreaKm2: 5310 }), harbin('乙', {})]);
    expect(a!.map((f) => f.severity)).toEqual(['error']);
    expect(b!.map((f) => f.severity)).toEqual(['error']);
    expect(a![0]!.message).toContain('53100平方公里');
  });

  it('stays silent for different years, different places and different population scopes', () => {
    expect(crossCheckCases([harbin('甲', { gdpYi: 4000 }), harbin('乙', { year: 2021 })])).toEqual([[], []]);
    expect(crossCheckCases([harbin('甲', {}), { ...harbin('乙', { gdpYi: 1 }), regions: ['230200'] }])).toEqual([[], []]);
    expect(crossCheckCases([harbin('甲', { population: { scope: '市域', value: 1000 } }), harbin('乙', {})])).toEqual([[], []]);
  });

  it('only warns when neither case states the year', () => {
    const [a] = crossCheckCases([harbin('甲', { year: null, gdpYi: 4000 }), harbin('乙', { year: null })]);
    expect(a!.map((f) => f.severity)).toEqual(['warning']);
  });

  it('runs when a whole issue is proofread', () => {
    const { cases } = proofreadIssue({ title: '第一期', foreword: '', cases: [harbin('甲', { landAreaKm2: 5310 }), harbin('乙', {})] }, { currentYear: 2026 });
    expect(cases[1]!.some((f) => f.severity === 'error' && f.message.includes('不一致'))).toBe(true);
  });
});
