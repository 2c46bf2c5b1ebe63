// What a reader's search request means: the query text as it is searched and the filters of the
// search form, read from URL parameters, and the URL of a result page. Plain JavaScript so that the
// app and the static snapshot's search script in the browser read a request the same way.

export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut, not refused: a pasted paragraph still finds its case. */
export const MAX_QUERY_LENGTH = 1000;

const PROVINCE_CODE = /^\d{2}0000$/u;

// Half of a surrogate pair (no `u` flag, so the regex sees UTF-16 units).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lone surrogates and control characters (C0, DEL, C1 such as U+0085) cannot be shown or sent to
 * PostgreSQL meaningfully; line and paragraph separators would break the line the query is shown on.
 */
export function cleanQuery(raw) {
  return raw
    .slice(0, MAX_QUERY_LENGTH)
    .replace(LONE_SURROGATE, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/gu, ' ')
    .trim();
}

/** Search parameters as they arrive in a URL: anything malformed is ignored, never an error. */
export function parseSearchParams(input) {
  const first = (v) => (Array.isArray(v) ? v[0] : v) ?? '';
  const int = (v, lo, hi) => (/^\d{1,6}$/u.test(v) && Number(v) >= lo && Number(v) <= hi ? Number(v) : null);
  const province = first(input.province);
  return {
    query: cleanQuery(first(input.q)),
    filters: {
      issueNumber: int(first(input.issue), 1, 99_999),
      province: PROVINCE_CODE.test(province) ? province : null,
      page: int(first(input.page), 1, 10_000) ?? 1,
    },
  };
}

/** The search page's URL for a query, filters and page; the first page and empty values are left out. */
export function searchPath(params = {}) {
  const sp = new URLSearchParams();
  if (params.q) sp.set('q', params.q);
  if (params.issue) sp.set('issue', String(params.issue));
  if (params.province) sp.set('province', params.province);
  if (params.page && params.page > 1) sp.set('page', String(params.page));
  const qs = sp.toString();
  return qs ? `/search?${qs}` : '/search';
}
