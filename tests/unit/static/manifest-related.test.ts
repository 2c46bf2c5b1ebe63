import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankRelatedCases, relatedByCase, RELATED_POOL } from '@/lib/public/related';

// The snapshot must know when a case page's 相关案例 change, so the manifest computes them for every
// case at once, with an index instead of a query per case. Whatever the data, that must give
// exactly what the page gets from the rule applied to all cases.

interface Row {
  caseId: number;
  tags: string[];
  provinces: string[];
}

const rows = fc
  .array(fc.record({ tags: fc.subarray(['义务教育', '住房保障', '户籍', '就业', '医疗']), provinces: fc.subarray(['110000', '320000', '330000', '440000', '500000']) }), { maxLength: 220 })
  .map((list) => list.map((r, i) => ({ caseId: i + 1, ...r })));

describe('relatedByCase', () => {
  it('gives every case the same 相关案例 as ranking it against all cases', () => {
    fc.assert(
      fc.property(rows, (cases: Row[]) => {
        const fast = relatedByCase(cases);
        for (const c of cases) expect(fast.get(c.caseId)?.map((r) => r.caseId)).toEqual(rankRelatedCases(c, cases).map((r) => r.caseId));
      }),
      { numRuns: 60 },
    );
  });

  it('ranks only among the newest cases that share something, as the page does', () => {
    // One old case shares both themes with the first; the newer ones share only one.
    const first = { caseId: 1, tags: ['户籍', '就业'], provinces: [] };
    const newer = Array.from({ length: RELATED_POOL }, (_, i) => ({ caseId: i + 2, tags: ['户籍'], provinces: [] }));
    const old = { caseId: 999, tags: ['户籍', '就业'], provinces: [] };
    const related = relatedByCase([first, ...newer, old]).get(1)!.map((r) => r.caseId);
    expect(related).toEqual([2, 3, 4, 5]);
  });

  it('does not count the case itself among the newest it ranks', () => {
    // The first case is the newest of its theme; the 60th case after it still makes the pool.
    const first = { caseId: 1, tags: ['户籍', '就业'], provinces: [] };
    const newer = Array.from({ length: RELATED_POOL - 1 }, (_, i) => ({ caseId: i + 2, tags: ['户籍'], provinces: [] }));
    const sixtieth = { caseId: 500, tags: ['户籍', '就业'], provinces: [] };
    expect(relatedByCase([first, ...newer, sixtieth]).get(1)![0]!.caseId).toBe(500);
    expect(rankRelatedCases(first, [first, ...newer, sixtieth])[0]!.caseId).toBe(500);
  });
});
