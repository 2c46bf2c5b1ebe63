// GB/T 2260 administrative regions: names, levels, the province a code belongs to, a picker
// search, and resolving the places a case names. Pure lookups, no database.
// Unknown codes give null rather than throwing: codes come from stored content and user input.
import { LEVEL_RANK, regionIndex, type Region, type RegionLevel } from './data';
import { provinceShortName } from './names';
import { resolveRegionsFromText } from './resolve';

export type { RegionLevel } from './data';
export type { RegionResolution } from './resolve';
export { resolveRegionsFromText } from './resolve';
export { provinceShortName } from './names';

export interface ProvinceOption {
  code: string;
  name: string;
  shortName: string;
}

export interface RegionOption {
  code: string;
  name: string;
  /** "江苏省南通市海门区" */
  fullName: string;
  level: RegionLevel;
}

function find(code: string): Region | undefined {
  return regionIndex().byCode.get(code.trim());
}

/** "320614" → "海门区" */
export function regionName(code: string): string | null {
  return find(code)?.name ?? null;
}

/** "320614" → "江苏省南通市海门区"; "110119" → "北京市延庆区". */
export function regionFullName(code: string): string | null {
  const { byCode } = regionIndex();
  const parts: string[] = [];
  for (let r = find(code); r; r = r.parent ? byCode.get(r.parent) : undefined) parts.unshift(r.name);
  return parts.length > 0 ? parts.join('') : null;
}

/** "320614" → "320000"; a province gives itself. */
export function provinceCodeOf(code: string): string | null {
  const r = find(code);
  return r ? `${r.code.slice(0, 2)}0000` : null;
}

export function regionLevel(code: string): RegionLevel | null {
  return find(code)?.level ?? null;
}

/** The 31 mainland provincial-level divisions, in code order. */
export function listProvinces(): ProvinceOption[] {
  return regionIndex().provinces.map((p) => ({
    code: p.code,
    name: p.name,
    shortName: provinceShortName(p.name),
  }));
}

function toOption(r: Region): RegionOption {
  return { code: r.code, name: r.name, fullName: regionFullName(r.code) ?? r.name, level: r.level };
}

/**
 * Regions for a picker. Exact names first (a province's short name counts as exact), then
 * names that start with the query, then names that contain it; higher levels before lower.
 * Digits search by code prefix; a full path ("南通市海门区") puts the place it names first.
 */
export function searchRegions(query: string, limit = 20): RegionOption[] {
  const q = query.trim();
  if (q === '' || limit <= 0) return [];
  const scored: { region: Region; score: number }[] = [];
  for (const r of regionIndex().all) {
    let score: number;
    if (/^\d+$/u.test(q)) {
      if (!r.code.startsWith(q)) continue;
      score = r.code === q ? 0 : 1;
    } else if (r.name === q || (r.level === 'province' && provinceShortName(r.name) === q)) {
      score = 0;
    } else if (r.name.startsWith(q)) {
      score = 1;
    } else if (r.name.includes(q)) {
      score = 2;
    } else {
      continue;
    }
    scored.push({ region: r, score });
  }
  const named = resolveRegionsFromText(q, '').codes;
  const pinned = named.length === 1 ? named[0] : undefined;
  scored.sort(
    (a, b) =>
      Number(b.region.code === pinned) - Number(a.region.code === pinned) ||
      a.score - b.score ||
      LEVEL_RANK[a.region.level] - LEVEL_RANK[b.region.level] ||
      (a.region.code < b.region.code ? -1 : 1),
  );
  const result = scored.slice(0, limit).map((s) => toOption(s.region));
  if (pinned && !result.some((o) => o.code === pinned)) {
    const r = find(pinned);
    if (r) result.unshift(toOption(r));
    result.length = Math.min(result.length, limit);
  }
  return result;
}
