import { describe, expect, it } from 'vitest';
import { followsToc, tocGroups, tocOrder } from '@/lib/content/toc';

// 栏目 order an issue's contents: cases under none first, then each 栏目 in its order.
const EDU = 11;
const HOUSING = 12;

describe('the contents order of an issue', () => {
  const cases = [
    { id: 1, sectionId: HOUSING },
    { id: 2, sectionId: null },
    { id: 3, sectionId: EDU },
    { id: 4, sectionId: HOUSING },
    { id: 5, sectionId: null },
  ];

  it('puts cases under no 栏目 first, then each 栏目 in order, each keeping its cases’ order', () => {
    expect(tocOrder([EDU, HOUSING], cases)).toEqual([2, 5, 3, 1, 4]);
    expect(tocOrder([HOUSING, EDU], cases)).toEqual([2, 5, 1, 4, 3]);
  });

  it('sends a case just moved or added to the end of its group', () => {
    expect(tocOrder([EDU, HOUSING], cases, 1)).toEqual([2, 5, 3, 4, 1]);
    expect(tocOrder([EDU, HOUSING], cases, 2)).toEqual([5, 2, 3, 1, 4]);
  });

  it('counts a case under a 栏目 the issue does not have as under none', () => {
    expect(tocOrder([EDU], [{ id: 1, sectionId: 99 }, { id: 2, sectionId: EDU }])).toEqual([1, 2]);
  });

  it('accepts an order that keeps the groups together and in order, and nothing else', () => {
    const byId = new Map(cases.map((c) => [c.id, c]));
    const of = (ids: number[]) => ids.map((id) => byId.get(id)!);
    expect(followsToc([EDU, HOUSING], of([5, 2, 3, 4, 1]))).toBe(true);
    expect(followsToc([EDU, HOUSING], of([2, 3, 5, 1, 4]))).toBe(false);
    expect(followsToc([EDU, HOUSING], of([2, 5, 1, 3, 4]))).toBe(false);
  });

  it('groups published cases into runs under their 栏目 titles', () => {
    const rows = [
      { id: 1, sectionTitle: null },
      { id: 2, sectionTitle: '教育' },
      { id: 3, sectionTitle: '教育' },
      { id: 4, sectionTitle: '住房' },
    ];
    expect(tocGroups(rows).map((g) => [g.title, g.cases.map((c) => c.id)])).toEqual([
      [null, [1]],
      ['教育', [2, 3]],
      ['住房', [4]],
    ]);
    expect(tocGroups([])).toEqual([]);
  });
});
