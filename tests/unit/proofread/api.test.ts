import { describe, expect, it } from 'vitest';
import type { CaseContent } from '@/lib/content/model';
import { applyFix, applyFixes, checkText, errorsFirst, hasBlockingErrors, proofreadCase, proofreadIssue } from '@/lib/proofread';

const content: CaseContent = {
  title: '广东省深圳市将大部分义务教育学位提供给随迁子女',
  regions: ['440300'],
  profile: {
    year: 2020,
    landAreaKm2: 1997,
    population: { scope: '城区', value: 1768 },
    urbanizationRatePct: null,
    gdpYi: 28000,
    budgetRevenueYi: 3857,
  },
  lead: '',
  sections: [
    { kind: 'practice', heading: '主要做法', body: '一是允许随迁子女接受义务教育。二是发放学位补贴。' },
    { kind: 'outcome', heading: '主要成效', body: '截至年年底，随迁子女达86万人。\n培训培训机构发挥作用。' },
  ],
  tags: [],
};

describe('proofreadCase', () => {
  it('locates findings by field and section, with offsets into that section', () => {
    const found = proofreadCase(content);
    const year = found.find((f) => f.rule === 'missing-number');
    expect(year).toMatchObject({ field: 'section', sectionIndex: 1, offset: 2, length: 1 });
    expect(content.sections[1]!.body.slice(year!.offset, year!.offset + year!.length)).toBe('年');
    const doubled = found.find((f) => f.rule === 'doubled-word');
    expect(doubled?.sectionIndex).toBe(1);
    expect(hasBlockingErrors(found)).toBe(true);
  });

  it('lists errors before warnings for people, keeping text order within each', () => {
    const found = proofreadCase({ ...content, sections: [{ kind: 'practice', heading: '主要做法', body: '一是建设学校,扩大学位。二是新增个学位,提高质量。' }] });
    const ordered = errorsFirst(found);
    const firstWarning = ordered.findIndex((f) => f.severity === 'warning');
    expect(found[0]!.severity).toBe('warning');
    expect(firstWarning).toBeGreaterThan(0);
    expect(ordered.slice(firstWarning).every((f) => f.severity === 'warning')).toBe(true);
    const errorOffsets = ordered.filter((f) => f.severity === 'error' && f.field === 'section').map((f) => f.offset);
    expect(errorOffsets).toEqual([...errorOffsets].sort((a, b) => a - b));
  });

  it('finds nothing to block in clean content', () => {
    const clean = { ...content, sections: [content.sections[0]!] };
    expect(hasBlockingErrors(proofreadCase(clean))).toBe(false);
  });

  it('checks the title and the lead', () => {
    const found = proofreadCase({ ...content, title: '某市培训培训', lead: '城市群常住人口超过万人。' });
    expect(found.filter((f) => f.field === 'title')).toHaveLength(1);
    expect(found.filter((f) => f.field === 'lead' && f.rule === 'missing-number')).toHaveLength(1);
  });
});

describe('proofreadIssue', () => {
  it('checks the issue title and foreword, and each case', () => {
    const result = proofreadIssue({ title: '第一期：提升提升能力', foreword: '截至年9月共收录案例。', cases: [content, content] });
    expect(result.issue.map((f) => f.rule)).toContain('doubled-word');
    expect(result.issue.find((f) => f.rule === 'missing-number')?.field).toBe('foreword');
    expect(result.cases).toHaveLength(2);
  });
});

describe('applyFix', () => {
  it('leaves text alone for a finding without a fix or out of range', () => {
    const [f] = checkText('城区常住人口万人。', 'lead');
    expect(f?.fix).toBeUndefined();
    expect(applyFix('城区常住人口万人。', f!)).toBe('城区常住人口万人。');
    expect(applyFix('短', { ...f!, offset: 10, fix: { replacement: 'x' } })).toBe('短');
  });

  it('applies all mechanical fixes at once', () => {
    const text = '依托培训培训机构,开展培训。';
    expect(applyFixes(text, checkText(text, 'section', 0))).toBe('依托培训机构，开展培训。');
  });
});
