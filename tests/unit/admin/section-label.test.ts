import { describe, expect, it } from 'vitest';
import { sectionPlace } from '@/lib/content/numerals';
import { blockingFindings } from '@/lib/services/proofreading';
import type { CaseContent } from '@/lib/content/model';

// Messages name a section the way its page heading does, （二）主要成效, never 第2段.

describe('sectionPlace', () => {
  it('uses the numeral and heading the reader sees', () => {
    expect(sectionPlace(0, '主要做法')).toBe('（一）主要做法');
    expect(sectionPlace(1, '主要成效')).toBe('（二）主要成效');
    expect(sectionPlace(10, '下一步考虑')).toBe('（十一）下一步考虑');
  });

  it('names a section without a heading by its numeral alone', () => {
    expect(sectionPlace(2)).toBe('（三）');
    expect(sectionPlace(2, '  ')).toBe('（三）');
  });

  it('falls back to digits past the spelled range instead of failing', () => {
    expect(sectionPlace(999, '附录')).toBe('（1000）附录');
  });
});

describe('blockingFindings', () => {
  it('says where an error is with the section label, not a paragraph count', () => {
    const content: CaseContent = {
      title: '某市案例',
      regions: [],
      profile: null,
      lead: '',
      tags: [],
      sections: [
        { kind: 'practice', heading: '主要做法', body: '一是加强培训。' },
        { kind: 'outcome', heading: '主要成效', body: '全市城区常住人口万人，比上年增长。' },
      ],
    };
    const lines = blockingFindings(content);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('（二）主要成效：'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/第\d+段/u);
  });
});
