// Checks across the cases of one compilation, which no single case can do: two cases about the
// same place and year must give the same profile figures. When they differ, one is wrong (an
// error on both); when one case lost a figure the other still has, the other offers it.
import type { CaseContent, Profile } from '@/lib/content/model';
import { placeOf } from './profile';
import type { Finding } from './types';

export type CaseForCrossCheck = Pick<CaseContent, 'title' | 'regions' | 'profile'>;

interface Fact {
  name: string;
  unit: string;
  read: (p: Profile) => number | null;
  /** Only comparable when this agrees too (a population's scope). */
  scope: (p: Profile) => string;
}

const FACTS: readonly Fact[] = [
  { name: '国土面积', unit: '平方公里', read: (p) => p.landAreaKm2, scope: () => '' },
  { name: '常住人口', unit: '万人', read: (p) => p.population?.value ?? null, scope: (p) => p.population?.scope ?? '' },
  { name: '常住人口城镇化率', unit: '%', read: (p) => p.urbanizationRatePct, scope: () => '' },
  { name: '地区生产总值', unit: '亿元', read: (p) => p.gdpYi, scope: () => '' },
  { name: '一般公共预算收入', unit: '亿元', read: (p) => p.budgetRevenueYi, scope: () => '' },
];

const finding = (severity: Finding['severity'], message: string): Finding => ({
  rule: severity === 'error' ? 'implausible-figure' : 'profile-incomplete',
  severity,
  field: 'profile',
  offset: 0,
  length: 0,
  message,
});

/**
 * Findings for each case (same order as given), from comparing it with the other cases about the
 * same place and year. A year missing from both is taken as the same year, but then a difference
 * is only a warning: the two may describe different years. Each case is compared with the first
 * other case that states the fact (or states it differently), so the work grows with the number
 * of cases, not with its square.
 */
export function crossCheckCases(cases: readonly CaseForCrossCheck[]): Finding[][] {
  const out = cases.map((): Finding[] => []);
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const place = c.profile ? placeOf(c.regions) : undefined;
    if (place === undefined) return;
    const key = `${place}|${c.profile!.year ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const f of FACTS) {
      // Per scope, the first two cases that state the fact with different values (or just the first).
      const stated = new Map<string, { first: number; other?: number }>();
      for (const i of group) {
        const p = cases[i]!.profile!;
        const v = f.read(p);
        if (v === null) continue;
        const seen = stated.get(f.scope(p));
        if (!seen) stated.set(f.scope(p), { first: i });
        else if (seen.other === undefined && f.read(cases[seen.first]!.profile!) !== v) seen.other = i;
      }
      for (const i of group) {
        const p = cases[i]!.profile!;
        const seen = stated.get(f.scope(p));
        if (!seen) continue;
        const mine = f.read(p);
        const j = mine === null || seen.first !== i ? seen.first : seen.other;
        if (j === undefined || j === i) continue;
        const theirs = f.read(cases[j]!.profile!)!;
        if (mine === theirs && seen.other === undefined) continue;
        const other = `「${cases[j]!.title}」`;
        const when = p.year === null ? '（两处都缺年份）' : `${p.year}年`;
        if (mine === null) {
          out[i]!.push(finding('warning', `${f.name}缺少数字；同一汇编中${other}${when}的${f.name}为${theirs}${f.unit}，可据此补全（请核对原始资料）。`));
        } else {
          const [shown, value] = mine === theirs ? [`「${cases[seen.other!]!.title}」`, f.read(cases[seen.other!]!.profile!)!] : [other, theirs];
          out[i]!.push(
            finding(
              p.year !== null ? 'error' : 'warning',
              `${f.name}为${mine}${f.unit}，与同一汇编中${shown}${when}的${value}${f.unit}不一致：同一地方同一年份只能有一个数字。`,
            ),
          );
        }
      }
    }
  }
  return out;
}
