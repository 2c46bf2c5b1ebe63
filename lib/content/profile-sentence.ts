// Readers see a case's profile as one sentence; it is rendered from the structured facts so the
// figures and their units cannot drift from what the editor entered.
import type { Profile } from './model';

const WAN = 10_000;

/** Plain decimal, no thousands separators, no floating-point noise (2.8, not 2.8000000000000003). */
function plain(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** 亿元 amount: 1835 → "1835亿元", 28000 → "2.8万亿元". */
export function formatYi(yi: number): string {
  return Math.abs(yi) >= WAN ? `${plain(yi / WAN)}万亿元` : `${plain(yi)}亿元`;
}

/** Area in 平方公里: 1105 → "1105平方公里", 53000 → "5.3万平方公里". */
export function formatArea(km2: number): string {
  return Math.abs(km2) >= WAN ? `${plain(km2 / WAN)}万平方公里` : `${plain(km2)}平方公里`;
}

/** Population in 万人: 186 → "186万人". */
export function formatPopulation(wan: number): string {
  return `${plain(wan)}万人`;
}

/** Percent: 79.7 → "79.7%". */
export function formatPercent(pct: number): string {
  return `${plain(pct)}%`;
}

/**
 * "2021年，义乌市国土面积1105平方公里，市域常住人口186万人，常住人口城镇化率79.7%，地区生产总值1835亿元，
 * 一般公共预算收入119亿元。" Unknown facts are left out. A year alone says nothing about the
 * place, so a profile without any figure renders as "".
 *
 * `withUnstated`: also write each fact the source named without its figure as it stood there,
 * label and unit with no number ("国土面积平方公里"), so an export reads back to the same facts
 * (lib/import/profile.ts). Readers never see these: the public page leaves them out.
 */
export function renderProfileSentence(profile: Profile, placeName: string, { withUnstated = false }: { withUnstated?: boolean } = {}): string {
  const owed = new Set(withUnstated ? (profile.unstated ?? []) : []);
  const facts: string[] = [];
  if (profile.landAreaKm2 !== null) facts.push(`国土面积${formatArea(profile.landAreaKm2)}`);
  else if (owed.has('landAreaKm2')) facts.push('国土面积平方公里');
  if (profile.population !== null && profile.population.value !== null) {
    facts.push(`${profile.population.scope}常住人口${formatPopulation(profile.population.value)}`);
  } else if (owed.has('population')) facts.push(`${profile.population?.scope ?? ''}常住人口万人`);
  if (profile.urbanizationRatePct !== null) {
    facts.push(`常住人口城镇化率${formatPercent(profile.urbanizationRatePct)}`);
  } else if (owed.has('urbanizationRatePct')) facts.push('常住人口城镇化率%');
  if (profile.gdpYi !== null) facts.push(`地区生产总值${formatYi(profile.gdpYi)}`);
  else if (owed.has('gdpYi')) facts.push('地区生产总值亿元');
  if (profile.budgetRevenueYi !== null) facts.push(`一般公共预算收入${formatYi(profile.budgetRevenueYi)}`);
  else if (owed.has('budgetRevenueYi')) facts.push('一般公共预算收入亿元');
  if (facts.length === 0) return '';
  const body = `${placeName.trim()}${facts.join('，')}`;
  return profile.year !== null ? `${profile.year}年，${body}。` : `${body}。`;
}
