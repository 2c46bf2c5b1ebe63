import { describe, expect, it } from 'vitest';
import type { CaseContent, Profile } from '@/lib/content/model';
import { levelOfCode, proofreadCase, proofreadProfile } from '@/lib/proofread';

const profile = (p: Partial<Profile> = {}): Profile => ({
  year: 2020,
  landAreaKm2: 7186,
  population: { scope: '市域', value: 296 },
  urbanizationRatePct: 50.1,
  gdpYi: 1423,
  budgetRevenueYi: 101,
  ...p,
});
const kase = (p: Profile | null, regions: string[] = ['511400']): CaseContent => ({
  title: '四川省眉山市支持农业转移人口缴存住房公积金',
  regions,
  profile: p,
  lead: '',
  sections: [],
  tags: [],
});
const rules = (p: Profile, regions?: string[]) =>
  proofreadProfile(kase(p, regions), { currentYear: 2026 }).map((f) => `${f.rule}:${f.severity}`);

describe('region levels', () => {
  it.each([
    ['440000', 'province'],
    ['110000', 'province'],
    ['500000', 'province'],
    ['511400', 'prefecture'],
    ['330782', 'county'],
    ['110119', 'county'],
    ['220381101', 'town'],
    ['abc', null],
  ])('%s → %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });
});

describe('profile plausibility', () => {
  it('accepts a plausible prefecture-level city', () => {
    expect(rules(profile())).toEqual([]);
  });

  it('flags a prefecture-level city of 7 km² (a truncated 7186)', () => {
    const f = proofreadProfile(kase(profile({ landAreaKm2: 7 })), { currentYear: 2026 }).find((x) => x.severity === 'error');
    expect(f?.rule).toBe('implausible-figure');
    expect(f?.severity).toBe('error');
    expect(f?.field).toBe('profile');
    expect(f?.message).toContain('地级');
  });

  it('accepts 7 km² nowhere but a tiny unit, and 20 km² for an inner-city district', () => {
    expect(rules(profile({ landAreaKm2: 20.5, population: { scope: '辖区内', value: 66 }, gdpYi: 2900, budgetRevenueYi: 200 }), ['310101'])).toEqual([]);
  });

  it('flags an urbanization rate over 100', () => {
    expect(rules(profile({ urbanizationRatePct: 107 }))).toContain('implausible-figure:error');
  });

  it('flags budget revenue larger than GDP', () => {
    expect(rules(profile({ budgetRevenueYi: 2000 }))).toContain('implausible-figure:error');
  });

  it('flags a county with more people than a province', () => {
    expect(rules(profile({ population: { scope: '县域', value: 5000 } }), ['350823'])).toContain('implausible-figure:error');
  });

  it('flags a year in the future or before 1949', () => {
    expect(rules(profile({ year: 2045 }))).toContain('implausible-figure:error');
    expect(rules(profile({ year: 1900 }))).toContain('implausible-figure:error');
  });

  it('trusts the population scope over a coarser region code', () => {
    // "浙江省某县" resolves only to 浙江省; 1,532 km² and 56万人 are fine for the county the profile describes.
    expect(rules(profile({ landAreaKm2: 1532, population: { scope: '县域', value: 56.3 }, gdpYi: 612, budgetRevenueYi: 48 }), ['330000'])).toEqual([]);
    expect(rules(profile({ landAreaKm2: 3, population: { scope: '县域', value: 56.3 }, gdpYi: 612, budgetRevenueYi: 48 }), ['330000'])).toContain(
      'implausible-figure:error',
    );
  });

  it('judges the most specific region named', () => {
    // 南海区 (county level) of 佛山市: 1,074 km² is fine for a district, not checked as a city.
    expect(rules(profile({ landAreaKm2: 1074, population: { scope: '辖区内', value: 366 }, gdpYi: 3177, budgetRevenueYi: 227 }), ['440600', '440605'])).toEqual([]);
  });
});

describe('profile completeness', () => {
  it('warns when the year or a figure is missing', () => {
    const found = proofreadProfile(kase(profile({ year: null, population: { scope: '城区', value: null }, gdpYi: null })));
    expect(found.map((f) => f.rule)).toEqual(['profile-incomplete', 'profile-incomplete', 'profile-incomplete']);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found.map((f) => f.message).join()).toContain('城区常住人口');
  });

  it('has nothing to say about a case without a profile', () => {
    expect(proofreadCase(kase(null))).toEqual([]);
  });
});
