// Profile rules: facts that are missing, and facts outside what is plausible for the kind of
// place the case is about. The kind comes from the GB/T 2260 code: xx0000 province (and the four
// municipalities), xxxx00 prefecture, other six digits county, nine digits town.
import { PROFILE_FACT_LABELS, type PopulationScope, type Profile, type ProfileFactKey } from '@/lib/content/model';
import type { Hit } from './types';

export type PlaceLevel = 'province' | 'prefecture' | 'county' | 'town';

const LEVEL_NAMES: Record<PlaceLevel, string> = {
  province: '省级行政区',
  prefecture: '地级行政区',
  county: '县级行政区',
  town: '乡镇',
};

export function levelOfCode(code: string): PlaceLevel | null {
  const c = code.trim();
  if (/^\d{9}$/u.test(c)) return 'town';
  if (!/^\d{6}$/u.test(c)) return null;
  if (c.endsWith('0000')) return 'province';
  if (c.endsWith('00')) return 'prefecture';
  return 'county';
}

interface Range {
  min: number;
  max: number;
}
/** Generous bounds: a figure outside them is a typo or a truncation, not a remarkable place. */
export const BOUNDS: Record<PlaceLevel, { area: Range; population: Range; gdp: Range }> = {
  // 上海 6,340 km² … 新疆 1,660,000 km²; 西藏 365万人 … 广东 12,700万人.
  province: { area: { min: 5_000, max: 1_800_000 }, population: { min: 250, max: 14_000 }, gdp: { min: 100, max: 160_000 } },
  // 厦门 1,700 km², 三沙 excepted below; 巴音郭楞 470,000 km².
  prefecture: { area: { min: 300, max: 500_000 }, population: { min: 5, max: 3_500 }, gdp: { min: 5, max: 50_000 } },
  // Inner-city districts can be 10–30 km²; 若羌 200,000 km².
  county: { area: { min: 5, max: 210_000 }, population: { min: 0.2, max: 800 }, gdp: { min: 0.5, max: 15_000 } },
  town: { area: { min: 1, max: 5_000 }, population: { min: 0.05, max: 200 }, gdp: { min: 0.05, max: 3_000 } },
};
/** What a population scope says about the place: 县域 is a county, 省域 a province … */
const SCOPE_LEVELS: Partial<Record<PopulationScope, readonly PlaceLevel[]>> = {
  省域: ['province'],
  市域: ['prefecture', 'county'],
  县域: ['county'],
  辖区内: ['county', 'prefecture'],
  镇域: ['town'],
};

/**
 * The region a case names may be coarser than the place its profile describes ("浙江省某县"
 * resolves only to 浙江省); when the population scope contradicts the code, trust the scope
 * if it is unambiguous, and otherwise judge no level at all.
 */
function levelFor(codeLevel: PlaceLevel, scope: PopulationScope | undefined): PlaceLevel | null {
  const allowed = scope ? SCOPE_LEVELS[scope] : undefined;
  if (!allowed || allowed.includes(codeLevel)) return codeLevel;
  return allowed.length === 1 ? allowed[0]! : null;
}

const LEVEL_ORDER: readonly PlaceLevel[] = ['province', 'prefecture', 'county', 'town'];
/** 三沙市 governs a sea; its land area is about 20 km². */
const AREA_EXCEPTIONS = new Set(['460300']);

/** The most specific place named is the one a profile describes (南海区, not 佛山市). */
export function placeOf(regions: readonly string[]): string | undefined {
  const ranked = regions.filter((r) => levelOfCode(r) !== null).sort((a, b) => LEVEL_ORDER.indexOf(levelOfCode(b)!) - LEVEL_ORDER.indexOf(levelOfCode(a)!));
  return ranked[0];
}

const warn = (message: string, severity: Hit['severity'] = 'warning'): Hit => ({
  rule: 'implausible-figure',
  severity,
  offset: 0,
  length: 0,
  message,
});
const missing = (message: string): Hit => ({ rule: 'profile-incomplete', severity: 'warning', offset: 0, length: 0, message });

export function factValue(profile: Profile, key: ProfileFactKey): number | null {
  return key === 'population' ? (profile.population?.value ?? null) : profile[key];
}

/** Facts the source text named without a figure that still have none: each one blocks. */
export function unstatedFacts(profile: Profile): ProfileFactKey[] {
  return (profile.unstated ?? []).filter((key) => factValue(profile, key) === null);
}

export function unstatedFactMessage(key: ProfileFactKey): string {
  return `概况原文写了“${PROFILE_FACT_LABELS[key]}”，但缺少数字：请填写数字，或删除此项。`;
}

export function checkProfileCompleteness(profile: Profile): Hit[] {
  const unstated = unstatedFacts(profile);
  // A lost figure is an error, not a reminder: publishing would silently drop what the source stated.
  const out: Hit[] = unstated.map((key) => ({ rule: 'missing-number', severity: 'error', offset: 0, length: 0, message: unstatedFactMessage(key) }));
  const reminded = (key: ProfileFactKey) => !unstated.includes(key);
  if (profile.year === null) out.push(missing('概况缺少年份：读者无法判断这些数据是哪一年的。'));
  if (profile.population && profile.population.value === null && reminded('population')) {
    out.push(missing(`概况写了「${profile.population.scope}常住人口」，但没有人口数。`));
  }
  if (profile.landAreaKm2 === null && reminded('landAreaKm2')) out.push(missing('概况缺少国土面积（平方公里）。'));
  if (profile.gdpYi === null && reminded('gdpYi')) out.push(missing('概况缺少地区生产总值（亿元）。'));
  if (profile.budgetRevenueYi === null && reminded('budgetRevenueYi')) out.push(missing('概况缺少一般公共预算收入（亿元）。'));
  return out;
}

function checkRange(value: number | null, range: Range, what: string, unit: string, level: PlaceLevel): Hit | null {
  if (value === null) return null;
  if (value < range.min) {
    return warn(`${what}${value}${unit}对${LEVEL_NAMES[level]}而言明显偏小（一般不少于${range.min}${unit}），数字可能被截断。`, 'error');
  }
  if (value > range.max) {
    return warn(`${what}${value}${unit}对${LEVEL_NAMES[level]}而言明显偏大（一般不超过${range.max}${unit}），请核对单位和数字。`, 'error');
  }
  return null;
}

export function checkProfilePlausibility(profile: Profile, regions: readonly string[], currentYear: number): Hit[] {
  const out: Hit[] = [];
  const { year, landAreaKm2: area, urbanizationRatePct: urban, gdpYi: gdp, budgetRevenueYi: revenue } = profile;
  const population = profile.population?.value ?? null;

  if (year !== null && (year < 1949 || year > currentYear + 1)) out.push(warn(`概况年份${year}年不合理。`, 'error'));
  if (urban !== null && (urban <= 0 || urban > 100)) {
    out.push(warn(`常住人口城镇化率${urban}%不可能（应在0到100之间）。`, 'error'));
  }
  for (const [value, what] of [[area, '国土面积'], [population, '常住人口'], [gdp, '地区生产总值'], [revenue, '一般公共预算收入']] as const) {
    if (value !== null && value <= 0) out.push(warn(`${what}为${value}，不是有效数字。`, 'error'));
  }
  if (gdp !== null && revenue !== null && gdp > 0) {
    if (revenue > gdp) out.push(warn(`一般公共预算收入（${revenue}亿元）大于地区生产总值（${gdp}亿元），不可能成立。`, 'error'));
    else if (revenue > gdp * 0.4) out.push(warn(`一般公共预算收入占地区生产总值的${Math.round((revenue / gdp) * 100)}%，明显偏高，请核对。`));
  }
  // Output per person in 万元 (亿元 / 万人); only meaningful for a whole-area population.
  const wholeArea = profile.population !== null && profile.population.scope !== '城区';
  if (wholeArea && gdp !== null && population !== null && population > 0) {
    const perCapita = gdp / population;
    if (perCapita < 0.2 || perCapita > 80) {
      out.push(warn(`人均地区生产总值约${perCapita.toFixed(2)}万元，超出合理范围，人口或生产总值可能有误。`));
    }
  }
  if (area !== null && population !== null && area > 0 && (population * 10_000) / area > 60_000) {
    out.push(warn(`人口密度约每平方公里${Math.round((population * 10_000) / area)}人，超出合理范围，面积或人口可能有误。`));
  }

  const code = placeOf(regions);
  const level = code ? levelFor(levelOfCode(code)!, profile.population?.scope) : null;
  if (code && level) {
    const b = BOUNDS[level];
    const checks = [
      AREA_EXCEPTIONS.has(code) ? null : checkRange(area, b.area, '国土面积', '平方公里', level),
      wholeArea ? checkRange(population, b.population, '常住人口', '万人', level) : null,
      population !== null && population > b.population.max ? checkRange(population, b.population, '常住人口', '万人', level) : null,
      checkRange(gdp, b.gdp, '地区生产总值', '亿元', level),
    ];
    for (const h of checks) if (h && !out.some((o) => o.message === h.message)) out.push(h);
  }
  return out;
}
