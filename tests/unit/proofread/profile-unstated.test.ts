import { describe, expect, it } from 'vitest';
import { contentOf, formValuesOf, withoutUnstated } from '@/lib/admin/case-form';
import type { CaseContent, Profile } from '@/lib/content/model';
import { hasBlockingErrors, proofreadCase } from '@/lib/proofread';
import { caseContentSchema } from '@/lib/validations/case';

const profile = (over: Partial<Profile> = {}): Profile => ({
  year: 2023,
  landAreaKm2: null,
  population: { scope: '县域', value: 55.8 },
  urbanizationRatePct: 70,
  gdpYi: 618,
  budgetRevenueYi: 90,
  ...over,
});
const kase = (p: Profile): CaseContent => ({
  title: '德清县推进县城公共服务提质扩面',
  regions: ['330521'],
  profile: p,
  lead: '',
  sections: [{ kind: 'practice', heading: '主要做法', body: '新建改建中小学校12所。' }],
  tags: [],
});
const errors = (p: Profile) => proofreadCase(kase(p), { currentYear: 2026 }).filter((f) => f.severity === 'error').map((f) => f.message);

describe('a profile fact the source stated without its figure', () => {
  it('is an error (not a reminder) while its figure is missing', () => {
    const p = profile({ unstated: ['landAreaKm2'] });
    expect(errors(p)).toEqual(['概况原文写了“国土面积”，但缺少数字：请填写数字，或删除此项。']);
    expect(hasBlockingErrors(proofreadCase(kase(p)))).toBe(true);
  });

  it('is one error per fact, a lost population included', () => {
    const p = profile({ population: null, gdpYi: null, unstated: ['population', 'gdpYi'] });
    expect(errors(p)).toEqual([
      '概况原文写了“常住人口”，但缺少数字：请填写数字，或删除此项。',
      '概况原文写了“地区生产总值”，但缺少数字：请填写数字，或删除此项。',
    ]);
  });

  it('is no error when the source never named the fact', () => {
    expect(errors(profile())).toEqual([]);
  });

  it('clears when the editor fills the figure in, and the save drops the record', () => {
    const values = formValuesOf(kase(profile({ unstated: ['landAreaKm2'] })));
    const saved = contentOf({ ...values, profile: { ...values.profile, landAreaKm2: 936 } });
    expect(saved.profile).not.toHaveProperty('unstated');
    expect(errors(saved.profile!)).toEqual([]);
  });

  it('clears when the editor removes the fact, leaving the figure unknown', () => {
    const values = formValuesOf(kase(profile({ unstated: ['landAreaKm2', 'gdpYi'], gdpYi: null })));
    const saved = contentOf({ ...values, profile: { ...values.profile, unstated: withoutUnstated(values.profile.unstated, 'landAreaKm2') } });
    expect(saved.profile).toMatchObject({ landAreaKm2: null, unstated: ['gdpYi'] });
    expect(errors(saved.profile!)).toEqual(['概况原文写了“地区生产总值”，但缺少数字：请填写数字，或删除此项。']);
  });

  it('is kept by the shared schema, which refuses unknown or repeated facts', () => {
    const ok = caseContentSchema.safeParse(kase(profile({ unstated: ['landAreaKm2'] })));
    expect(ok.success && ok.data.profile?.unstated).toEqual(['landAreaKm2']);
    expect(caseContentSchema.safeParse(kase(profile({ unstated: ['landAreaKm2', 'landAreaKm2'] }))).success).toBe(false);
    expect(caseContentSchema.safeParse({ ...kase(profile()), profile: { ...profile(), unstated: ['year'] } }).success).toBe(false);
  });
});
