import 'server-only';
import { and, arrayContains, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publishedCases, publishedIssues } from '@/db/schema';
import { SEARCH_PAGE_SIZE } from '@/lib/search/query.mjs';
import { queryTerms, queryTsquery } from '@/lib/search/tokens';
import { caseOf, summaryColumns } from './queries';
import { highlight, snippetOf, snippetSource } from './snippet';
import type { PublicCaseSummary, SearchFilters, SearchHit, SearchResult } from './types';

// Chinese full-text search over published cases only. Tokens are bigrams (lib/search/tokens), so
// 教育 is one token and 住房公积金 a phrase of four; title matches rank above body matches.

// How a request is read (query cleaning, filters, page size) is shared with the static snapshot's
// search script: lib/search/query.mjs.
export { cleanQuery, MAX_QUERY_LENGTH, parseSearchParams, SEARCH_PAGE_SIZE } from '@/lib/search/query.mjs';

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
    const row = caseOf<PublicCaseSummary>(summary);
    return { ...row, titleMatch: Boolean(inTitle), titleParts: highlight(row.title, terms), snippet: snippetOf(snippetSource({ lead, sections }), terms) };
  });
  return { ...base, total: rows.length > 0 ? Number(rows[0]!.total) : 0, hits, notice: null };
}
