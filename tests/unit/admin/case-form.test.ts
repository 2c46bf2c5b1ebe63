import { describe, expect, it } from 'vitest';
import { caseFormSchema, contentOf, formValuesOf, headingForKind, NEW_CASE_VALUES, numberOrNull, type CaseFormValues } from '@/lib/admin/case-form';
import { caseContentSchema } from '@/lib/validations/case';

// The editor's form checks what the server checks (the same zod schema), with messages in Chinese
// tied to the field that is wrong, and what it saves is exactly the content the services accept.

const filled: CaseFormValues = {
  ...NEW_CASE_VALUES,
  title: '浙江省义乌市扩大随迁子女义务教育学位供给',
  regions: ['330782'],
  profile: { ...NEW_CASE_VALUES.profile, year: 2023, urbanizationRatePct: 79.7, population: { scope: '市域', value: 189 } },
  sections: [
    { kind: 'practice', heading: '主要做法', body: ' 一是新建中小学校。 ' },
    { kind: 'outcome', heading: '主要成效', body: '入学需求得到满足。' },
  ],
  tags: ['义务教育'],
};

function errorsOf(values: unknown): Record<string, string[]> {
  const result = caseFormSchema.safeParse(values);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('the case form schema', () => {
  it('accepts a complete case, and what it saves passes the server’s schema', () => {
    expect(errorsOf(filled)).toEqual({});
    const content = contentOf(filled);
    expect(caseContentSchema.safeParse(content).success).toBe(true);
    expect(content.sections[0]!.body).toBe('一是新建中小学校。');
  });

  it('reports every wrong field at once, each with a Chinese message at its path', () => {
    const errors = errorsOf({
      ...filled,
      title: '  ',
      profile: { ...filled.profile, year: 1800, urbanizationRatePct: 120, landAreaKm2: -3 },
      sections: [{ kind: 'practice', heading: '主要做法', body: '' }],
    });
    expect(errors).toMatchObject({
      title: ['请填写标题'],
      'profile.year': ['年份不早于1949年'],
      'profile.urbanizationRatePct': ['城镇化率不能超过100%'],
      'profile.landAreaKm2': ['国土面积必须大于0'],
      'sections.0.body': ['段落内容不能为空'],
    });
  });

  it('refuses a case without sections and duplicate regions', () => {
    expect(errorsOf({ ...filled, sections: [] })).toHaveProperty('sections', ['至少需要一个段落']);
    expect(errorsOf({ ...filled, regions: ['330782', '330782'] })).toHaveProperty('regions', ['地区不能重复']);
  });

  it('treats an empty number box as unknown (null), never as zero, and text as an error', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull(' 79.7 ')).toBe(79.7);
    expect(errorsOf({ ...filled, profile: { ...filled.profile, gdpYi: numberOrNull('二千') } })).toHaveProperty('profile.gdpYi');
  });

  it('saves no profile when it is switched off, and no population without a figure', () => {
    expect(contentOf({ ...filled, hasProfile: false }).profile).toBeNull();
    expect(contentOf({ ...filled, profile: { ...filled.profile, population: { scope: '城区', value: null } } }).profile?.population).toBeNull();
  });

  it('round-trips stored content through the form unchanged', () => {
    const content = contentOf(filled);
    expect(contentOf(formValuesOf(content))).toEqual(content);
  });

  it('gives a section its kind’s heading, and keeps an editor’s own heading for custom sections', () => {
    expect(headingForKind('outcome', '随便')).toBe('主要成效');
    expect(headingForKind('custom', '主要做法')).toBe('');
    expect(headingForKind('custom', '经验启示')).toBe('经验启示');
  });
});
