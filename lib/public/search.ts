import 'server-only';
import { and, arrayContains, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publishedCases, publishedIssues } from '@/db/schema';
import { queryTerms, queryTsquery } from '@/lib/search/tokens';
import { iso, summaryColumns } from './queries';
import { highlight, snippetOf } from './snippet';
import type { PublicCaseSummary, SearchFilters, SearchHit, SearchResult } from './types';

// Chinese full-text search over published cases only. Tokens are bigrams (lib/search/tokens), so
// 教育 is one token and 住房公积金 a phrase of four; title matches rank above body matches.

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
export function cleanQuery(raw: string): string {
  return raw
    .slice(0, MAX_QUERY_LENGTH)
    .replace(LONE_SURROGATE, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/gu, ' ')
    .trim();
}

/** Search parameters as they arrive in a URL: anything malformed is ignored, never an error. */
export function parseSearchParams(input: Record<string, string | string[] | undefined>): { query: string; filters: SearchFilters } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const int = (v: string, lo: number, hi: number) => (/^\d{1,6}$/u.test(v) && Number(v) >= lo && Number(v) <= hi ? Number(v) : null);
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

function bodyText(row: { lead: string; sections: { heading: string; body: string }[] }): string {
  return [row.lead, ...row.sections.map((s) => s.body)].filter(Boolean).join(' ');
}

export async function searchPublishedCases(db: Db, query: string, filters: SearchFilters): Promise<SearchResult> {
  const tsquery = queryTsquery(query);
  const base = { query, filters, pageSize: SEARCH_PAGE_SIZE };
  const conditions: SQL[] = [];
  if (filters.issueNumber !== null) conditions.push(eq(publishedIssues.number, filters.issueNumber));
  if (filters.province !== null) conditions.push(arrayContains(publishedCases.provinces, [filters.province]));
  if (tsquery === null && (query !== '' || conditions.length === 0)) {
    return { ...base, total: 0, hits: [], notice: query === '' ? 'empty' : 'unsearchable' };
  }
  const q = tsquery === null ? null : sql`to_tsquery('simple', ${tsquery})`;
  if (q) conditions.push(sql`${publishedCases.searchVector} @@ ${q}`);
  const titleMatch = q ? sql<boolean>`${publishedCases.titleVector} @@ ${q}` : sql<boolean>`false`;
  // Without a query (filters only) the order is the archive's: newest issue, then position.
  const ranking = q ? [desc(titleMatch), desc(sql`ts_rank(${publishedCases.searchVector}, ${q})`)] : [];
  const rows = await db
    .select({
      ...summaryColumns,
      lead: publishedCases.lead,
      sections: publishedCases.sections,
      titleMatch,
      total: sql<number>`count(*) over ()`,
    })
    .from(publishedCases)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId))
    .where(and(...conditions))
    .orderBy(...ranking, desc(publishedIssues.number), asc(publishedCases.position))
    .limit(SEARCH_PAGE_SIZE)
    .offset((filters.page - 1) * SEARCH_PAGE_SIZE);
  const terms = queryTerms(query);
  const hits: SearchHit[] = rows.map(({ lead, sections, total: _total, titleMatch: inTitle, ...summary }) => {
    const row: PublicCaseSummary = { ...summary, publishedAt: iso(summary.publishedAt) };
    return { ...row, titleMatch: Boolean(inTitle), titleParts: highlight(row.title, terms), snippet: snippetOf(bodyText({ lead, sections }), terms) };
  });
  return { ...base, total: rows.length > 0 ? Number(rows[0]!.total) : 0, hits, notice: null };
}
