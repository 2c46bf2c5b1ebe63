import type { PublicCaseSummary } from './types';

// 相关案例: the one rule (rankRelatedCases), and every case's list at once (relatedByCase), which
// the case page reads from a per-process index (lib/public/read-model.ts) and the static snapshot's
// manifest fingerprints. Pure, so the rule is tested on its own.

/** How many of the newest cases sharing a theme or a province are ranked for 相关案例. */
export const RELATED_POOL = 60;

export type Relatable = Pick<PublicCaseSummary, 'caseId' | 'tags' | 'provinces'>;

/**
 * The one rule for 相关案例, used by the case page and by the static snapshot's manifest (which must
 * know when a page's list changes): of the RELATED_POOL newest cases sharing a theme or a province
 * with `of`, shared themes count double, then newest first. `newestFirst` is in (issue number
 * descending, position ascending) order and may hold any other cases: they are skipped here.
 */
export function rankRelatedCases<T extends Relatable>(of: Relatable, newestFirst: readonly T[], limit = 4): T[] {
  const shared = (a: string[], b: string[]) => {
    let n = 0;
    for (const x of a) if (b.includes(x)) n++;
    return n;
  };
  const pool: { c: T; score: number }[] = [];
  for (const c of newestFirst) {
    if (pool.length === RELATED_POOL) break;
    const score = shared(c.tags, of.tags) * 2 + shared(c.provinces, of.provinces);
    if (c.caseId !== of.caseId && score > 0) pool.push({ c, score });
  }
  // Array.prototype.sort is stable, so equal scores keep the newest-first order.
  return pool
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((p) => p.c);
}

/**
 * Every case's 相关案例 by the case page's own rule (rankRelatedCases), for `cases` in newest-first
 * order. Instead of ranking against all cases for each one, it ranks against the first
 * RELATED_POOL + 1 cases of each of its themes and provinces: the pool cannot reach further.
 */
export function relatedByCase<T extends Relatable>(cases: readonly T[]): Map<number, T[]> {
  const keysOf = (c: T) => [...c.tags.map((t) => `t:${t}`), ...c.provinces.map((p) => `p:${p}`)];
  const index = new Map<string, number[]>();
  cases.forEach((c, at) => {
    for (const key of keysOf(c)) {
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      if (list[list.length - 1] !== at) list.push(at);
    }
  });
  const related = new Map<number, T[]>();
  for (const c of cases) {
    // Merge the case's lists (each in site order) until the pool is full: the first
    // RELATED_POOL + 1 distinct cases, itself possibly among them.
    const lists = keysOf(c).map((key) => index.get(key)!);
    const heads = lists.map(() => 0);
    const candidates: T[] = [];
    let last = -1;
    while (candidates.length <= RELATED_POOL) {
      let best = -1;
      for (let l = 0; l < lists.length; l++) {
        const at = lists[l]![heads[l]!];
        if (at !== undefined && (best === -1 || at < lists[best]![heads[best]!]!)) best = l;
      }
      if (best === -1) break;
      const at = lists[best]![heads[best]!++]!;
      if (at !== last) candidates.push(cases[at]!);
      last = at;
    }
    related.set(c.caseId, rankRelatedCases(c, candidates));
  }
  return related;
}
