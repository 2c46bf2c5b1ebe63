// Reads the profile sentence of a case ("年，义乌市国土面积…平方公里，市域常住人口…万人，…。") back into
// structured facts. Facts come in any order and any subset; a figure lost in the text is null
// (never 0), reported, and recorded in `unstated`, so the gap stays an error on the case until an
// editor fills it in or removes the fact.
import { POPULATION_SCOPES, type PopulationScope, type Profile, type ProfileFactKey } from '@/lib/content/model';

export interface ProfileParse {
  profile: Profile;
  /** The place named before the first fact ("义乌市"), if any. */
  placeName: string | null;
  /** Chinese messages about missing figures and guesses, for the line the sentence is on. */
  warnings: string[];
}

const WAN = 10_000;
const NUM = '(\\d+(?:\\.\\d+)?)';
// Qualifiers an author may put before a figure; they do not change the value.
const QUAL = '(?:为|约|达|近|逾|超过)?';
// A place name before a fact ("义乌市"): short, no digits, no punctuation.
const PLACE = '([^\\d，,。；;、%％]{0,15}?)';
const SCOPES = POPULATION_SCOPES.join('|');

const YEAR_RE = /^(\d{4})?年$/u;
const LEADING_YEAR_RE = /^(\d{4})年(.+)$/u;
const AREA_RE = new RegExp(`^${PLACE}国土面积${QUAL}${NUM}?(万)?平方公里$`, 'u');
const URBAN_RE = new RegExp(`^${PLACE}常住人口城镇化率${QUAL}${NUM}?[%％]$`, 'u');
const POP_RE = new RegExp(`^${PLACE}(${SCOPES})?常住人口${QUAL}${NUM}?(万)?人$`, 'u');
const GDP_RE = new RegExp(`^${PLACE}地区生产总值${QUAL}${NUM}?(万)?亿元$`, 'u');
const BUDGET_RE = new RegExp(`^${PLACE}一般公共预算收入${QUAL}${NUM}?(万)?亿元$`, 'u');

/** Clauses are separated by ，,；; but not a comma inside a number written 1,105. */
function splitClauses(text: string): string[] {
  const body = text.trim().replace(/[。.]$/u, '');
  return body
    .split(/[，；;]|,(?!\d{3}(?!\d))/u)
    .map((c) => c.trim().replace(/(\d),(\d{3})/gu, '$1$2'));
}

function scaled(digits: string | undefined, wan: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits) * (wan ? WAN : 1);
  return Number(n.toFixed(6));
}

function isScope(s: string): s is PopulationScope {
  return (POPULATION_SCOPES as readonly string[]).includes(s);
}

/** Where the sentence gives no scope, the kind of place says what "its population" means. */
export function scopeForPlace(placeName: string | null): PopulationScope {
  if (!placeName) return '市域';
  if (/省$/u.test(placeName) || /自治区$/u.test(placeName)) return '省域';
  if (/(镇|乡|街道)$/u.test(placeName)) return '镇域';
  if (/(县|旗)$/u.test(placeName)) return '县域';
  if (/区$/u.test(placeName)) return '辖区内';
  return '市域';
}

function emptyProfile(): Profile {
  return {
    year: null,
    landAreaKm2: null,
    population: null,
    urbanizationRatePct: null,
    gdpYi: null,
    budgetRevenueYi: null,
  };
}


/** True when the text opens the way a profile sentence does, so a failed parse is worth a warning. */
export function startsLikeProfile(text: string): boolean {
  const first = splitClauses(text)[0] ?? '';
  return YEAR_RE.test(first) || /^[^\d，,。]{0,15}国土面积/u.test(first);
}

/**
 * The facts of a profile sentence, or null when the text is not one (every clause must be a
 * known fact or the year, and at least one fact must be present).
 */
export function parseProfileSentence(text: string): ProfileParse | null {
  const profile = emptyProfile();
  const warnings: string[] = [];
  const seen = new Set<ProfileFactKey | 'year'>();
  const unstated: ProfileFactKey[] = [];
  let placeName: string | null = null;
  let factCount = 0;
  let unscopedPopulation = false;

  const note = (key: ProfileFactKey | 'year', label: string): boolean => {
    if (seen.has(key)) {
      warnings.push(`概况句中“${label}”出现多次，只取第一次`);
      return false;
    }
    seen.add(key);
    return true;
  };
  const missing = (label: string, key?: ProfileFactKey) => {
    warnings.push(`${label}缺少数字`);
    if (key) unstated.push(key);
  };

  for (const raw of splitClauses(text)) {
    let clause = raw;
    const yearMatch = YEAR_RE.exec(clause);
    if (yearMatch) {
      if (note('year', '年份')) {
        profile.year = yearMatch[1] ? Number(yearMatch[1]) : null;
        if (!yearMatch[1]) missing('年份');
      }
      continue;
    }
    const leading = LEADING_YEAR_RE.exec(clause);
    if (leading && !seen.has('year')) {
      seen.add('year');
      profile.year = Number(leading[1]);
      clause = leading[2]!;
    }

    let m: RegExpExecArray | null;
    let place: string | undefined;
    if ((m = URBAN_RE.exec(clause))) {
      place = m[1];
      if (note('urbanizationRatePct', '常住人口城镇化率')) {
        profile.urbanizationRatePct = scaled(m[2], undefined);
        if (m[2] === undefined) missing('常住人口城镇化率', 'urbanizationRatePct');
      }
    } else if ((m = AREA_RE.exec(clause))) {
      place = m[1];
      if (note('landAreaKm2', '国土面积')) {
        profile.landAreaKm2 = scaled(m[2], m[3]);
        if (m[2] === undefined) missing('国土面积', 'landAreaKm2');
      }
    } else if ((m = POP_RE.exec(clause))) {
      place = m[1];
      if (note('population', '常住人口')) {
        const scopeWord = m[2];
        // "常住人口5000人" is in 人, the model keeps 万人.
        const value = m[3] === undefined ? null : Number((Number(m[3]) / (m[4] ? 1 : WAN)).toFixed(6));
        unscopedPopulation = scopeWord === undefined;
        const scope: PopulationScope = scopeWord !== undefined && isScope(scopeWord) ? scopeWord : '市域';
        profile.population = { scope, value };
        if (value === null) missing(`${scopeWord ?? ''}常住人口`, 'population');
      }
    } else if ((m = GDP_RE.exec(clause))) {
      place = m[1];
      if (note('gdpYi', '地区生产总值')) {
        profile.gdpYi = scaled(m[2], m[3]);
        if (m[2] === undefined) missing('地区生产总值', 'gdpYi');
      }
    } else if ((m = BUDGET_RE.exec(clause))) {
      place = m[1];
      if (note('budgetRevenueYi', '一般公共预算收入')) {
        profile.budgetRevenueYi = scaled(m[2], m[3]);
        if (m[2] === undefined) missing('一般公共预算收入', 'budgetRevenueYi');
      }
    } else {
      return null;
    }
    factCount += 1;
    if (placeName === null && place) placeName = place.trim() || null;
  }

  if (factCount === 0) return null;
  if (unscopedPopulation && profile.population) {
    // Decided: a population without 城区/市域/… is read by the kind of place named, and flagged.
    const scope = scopeForPlace(placeName);
    profile.population = { scope, value: profile.population.value };
    warnings.push(`常住人口未注明范围（城区、市域、辖区内、县域、省域或镇域），暂按“${scope}”处理`);
  }
  if (unstated.length > 0) profile.unstated = unstated;
  return { profile, placeName, warnings };
}
