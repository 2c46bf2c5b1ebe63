import { describe, expect, it } from 'vitest';
import type { CaseContent } from '@/lib/content/model';
import { diffContents } from '@/lib/services/revision-diff';

const base: CaseContent = {
  title: '义乌市扩大义务教育学位供给',
  regions: ['330782'],
  profile: null,
  lead: '',
  sections: [
    { kind: 'practice', heading: '主要做法', body: '一是建设学校。二是保障经费。' },
    { kind: 'outcome', heading: '主要成效', body: '建成27所学校。' },
  ],
  tags: ['教育'],
};

describe('revision comparison', () => {
  it('diffs Chinese character by character', () => {
    const diff = diffContents(base, { ...base, title: '义乌市扩大随迁子女义务教育学位供给' });
    const title = diff.fields.find((f) => f.label === '标题')!;
    expect(title.changed).toBe(true);
    expect(title.parts.filter((p) => p.added).map((p) => p.value)).toEqual(['随迁子女']);
    expect(title.parts.some((p) => p.removed)).toBe(false);
  });

  it('matches sections by heading, so inserting one does not rewrite the rest', () => {
    const to = { ...base, sections: [{ kind: 'necessity' as const, heading: '必要性', body: '学位紧张。' }, ...base.sections] };
    const { sections } = diffContents(base, to);
    expect(sections.map((s) => [s.label, s.changed, s.fromIndex, s.toIndex])).toEqual([
      ['必要性', true, null, 0],
      ['主要做法', false, 0, 1],
      ['主要成效', false, 1, 2],
    ]);
  });

  it('shows a removed section as removed text', () => {
    const { sections } = diffContents(base, { ...base, sections: [base.sections[0]!] });
    expect(sections[1]).toMatchObject({ label: '主要成效', changed: true, toIndex: null });
    expect(sections[1]!.parts).toEqual([{ value: '建成27所学校。', added: false, removed: true }]);
  });
});
