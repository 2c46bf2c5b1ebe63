// Presentation helpers shared by the public pages, the feed and the API. Pure: no database.
import { provinceShortName, regionFullName, regionName } from '@/lib/regions';

/** "2026年11月25日", in China time whatever the server's time zone. */
export function formatDateZh(isoDate: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    new Date(isoDate),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日`;
}

/** "2026-11-25" in China time, for <time dateTime> and the sitemap. */
export function isoDateZh(isoDate: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(isoDate));
}

/** The places a case names, as readers say them: "江苏省南通市海门区", or "湖北省、湖南省、江西省". */
export function placeLabel(regions: readonly string[]): string {
  const names = regions.map((code) => regionFullName(code) ?? code);
  return names.length > 0 ? names.join('、') : '全国';
}

/** The place the profile sentence speaks of: the most specific region's own name (海门区). */
export function placeShortName(regions: readonly string[]): string {
  const first = regions[0];
  return (first && regionName(first)) ?? '';
}

/** Hong Kong, Macao and Taiwan are not in the mainland division list but belong on the map. */
const EXTRA_PROVINCES: Record<string, string> = { '710000': '台湾省', '810000': '香港特别行政区', '820000': '澳门特别行政区' };

export function provinceName(code: string): string {
  return regionName(code) ?? EXTRA_PROVINCES[code] ?? code;
}

export function provinceShort(code: string): string {
  return provinceShortName(provinceName(code));
}
