// Finds the places a case is about from its title ("江苏省南通市海门区集团化办学…") or, for
// city-cluster cases whose title names no place, from the provinces listed in the lead
// ("重庆、四川两省市"). A name that fits several places is reported, never guessed.
import { regionIndex, type Region } from './data';
import { provinceShortName } from './names';

export interface RegionResolution {
  /** Codes found, in the order they appear in the text, without repeats. */
  codes: string[];
  /** Names that matched more than one place (and so were not resolved). */
  ambiguous: string[];
}

const MAX_NAME_LENGTH = 24;
const LIST_SEPARATORS = '、和与及';

function isWithin(region: Region, ancestorCode: string): boolean {
  const { byCode } = regionIndex();
  for (let p = region.parent; p !== null; p = byCode.get(p)?.parent ?? null) {
    if (p === ancestorCode) return true;
  }
  return false;
}

interface NameMatch {
  name: string;
  regions: Region[];
}

/** The longest place name starting at pos, among the descendants of `within` (or anywhere). */
function matchAt(text: string, pos: number, within: string | null): NameMatch | null {
  const { byName } = regionIndex();
  const longest = Math.min(MAX_NAME_LENGTH, text.length - pos);
  for (let len = longest; len >= 2; len--) {
    const name = text.slice(pos, pos + len);
    const found = byName.get(name);
    if (!found) continue;
    const regions = within === null ? [...found] : found.filter((r) => isWithin(r, within));
    if (regions.length > 0) return { name, regions };
  }
  return null;
}

interface ChainResult {
  region: Region | null;
  end: number;
  ambiguousName: string | null;
}

/** Reads 省 → 市 → 区/县 → 镇 names one after another, each inside the one before. */
function matchChain(text: string, start: number, within: string | null): ChainResult {
  let pos = start;
  let current: Region | null = null;
  let scope = within;
  for (;;) {
    const m = matchAt(text, pos, scope);
    if (!m) return { region: current, end: pos, ambiguousName: null };
    if (m.regions.length > 1) return { region: null, end: pos, ambiguousName: m.name };
    current = m.regions[0]!;
    scope = current.code;
    pos += m.name.length;
  }
}

function provinceOf(region: Region): string {
  return `${region.code.slice(0, 2)}0000`;
}

/** Places named at the start of a title, several if joined by 、和与及 ("广东省深圳市、东莞市"). */
function resolveTitle(title: string, out: RegionResolution): void {
  let pos = 0;
  let lastProvince: string | null = null;
  while (pos < title.length) {
    let result = lastProvince ? matchChain(title, pos, lastProvince) : null;
    if (!result || (!result.region && !result.ambiguousName)) result = matchChain(title, pos, null);
    if (result.ambiguousName) {
      out.ambiguous.push(result.ambiguousName);
      return;
    }
    if (!result.region) return;
    out.codes.push(result.region.code);
    lastProvince = provinceOf(result.region);
    const next = title[result.end];
    if (next === undefined || !LIST_SEPARATORS.includes(next)) return;
    pos = result.end + 1;
  }
}

// After a short province name in a list: "重庆、四川两省市", "陕西、山西、甘肃三省", "湖北等".
const LIST_TAIL = /^(?:[两三四五六七八九十]?省|等)/u;

/**
 * Provinces named in a lead paragraph: full names anywhere ("江苏省"), short names only where
 * they stand in a list, so that "江西" inside "浙江西部" is not taken for a province.
 */
function resolveLead(lead: string, out: RegionResolution): void {
  const hits: { pos: number; code: string }[] = [];
  for (const p of regionIndex().provinces) {
    const short = provinceShortName(p.name);
    for (let i = lead.indexOf(short); i !== -1; i = lead.indexOf(short, i + 1)) {
      const before = lead[i - 1] ?? '';
      const afterChar = lead[i + short.length] ?? '';
      const after = lead.slice(i + short.length);
      const listed =
        lead.startsWith(p.name, i) ||
        before === '、' ||
        (afterChar !== '' && LIST_SEPARATORS.includes(afterChar)) ||
        LIST_TAIL.test(after);
      if (listed) hits.push({ pos: i, code: p.code });
    }
  }
  hits.sort((a, b) => a.pos - b.pos);
  for (const h of hits) out.codes.push(h.code);
}

/** Region codes for a case: from its title, else from the provinces listed in its lead. */
export function resolveRegionsFromText(title: string, lead: string): RegionResolution {
  const out: RegionResolution = { codes: [], ambiguous: [] };
  resolveTitle(title.trim(), out);
  if (out.codes.length === 0 && out.ambiguous.length === 0) resolveLead(lead, out);
  return { codes: [...new Set(out.codes)], ambiguous: [...new Set(out.ambiguous)] };
}
