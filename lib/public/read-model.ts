import 'server-only';
import { getDb } from '@/db';
import { cachedRead, isBuildPhase } from './cache';
import { queryCasePdfInfo, queryIssuePdfInfo } from './editions';
import {
  queryAllCases,
  queryCase,
  queryCaseCorrections,
  queryIssueByNumber,
  queryIssueNumberBySerial,
  queryIssueCases,
  queryIssues,
  queryProvinceCases,
  queryProvinceCounts,
  queryRelatedCases,
  queryRenumberedIssue,
  queryThemeCases,
  queryThemeOverview,
} from './queries';
import { searchPublishedCases } from './search';
import type { PublicCase, SearchFilters, SearchResult } from './types';

// The public site's only way to the database: pages, feed, sitemap and the JSON API import from
// here. Reads are cached under one tag (see ./cache.ts). Searches are cached too when the query is
// short: people repeat the same few words (教育, 住房公积金), the cache is an LRU bounded in memory,
// and a publish expires results with everything else. Long pasted queries go to the database.

export const getIssues = cachedRead('issues', queryIssues, []);
export const getIssueByNumber = cachedRead('issue', queryIssueByNumber, null);
export const getRenumberedIssue = cachedRead('renumbered', queryRenumberedIssue, null);
export const getIssueNumberBySerial = cachedRead('serial', queryIssueNumberBySerial, null);
export const getCase = cachedRead('case', queryCase, null);
export const getCaseCorrections = cachedRead('case-corrections', queryCaseCorrections, []);
// The PDF editions' size and pages (never their bytes), for the links and the API.
export const getIssuePdf = cachedRead('issue-pdf', queryIssuePdfInfo, null);
export const getCasePdf = cachedRead('case-pdf', queryCasePdfInfo, null);
export const getIssueCases = cachedRead('issue-cases', queryIssueCases, []);
export const getAllCases = cachedRead('all-cases', queryAllCases, []);
export const getProvinceCases = cachedRead('province-cases', queryProvinceCases, []);
export const getProvinceCounts = cachedRead('province-counts', queryProvinceCounts, []);
export const getThemeCases = cachedRead('theme-cases', queryThemeCases, { total: 0, cases: [] });
export const getThemeOverview = cachedRead('theme-overview', queryThemeOverview, []);
const relatedById = cachedRead('related', async (db, caseId: number) => {
  const of = await queryCase(db, caseId);
  return of ? queryRelatedCases(db, of) : [];
}, []);

export function getRelatedCases(of: PublicCase) {
  return relatedById(of.caseId);
}

/** Queries up to this many characters are cached; longer ones are rare and would only crowd the cache. */
const CACHED_QUERY_LENGTH = 64;
const cachedSearch = cachedRead('search', searchPublishedCases, null);

export async function searchCases(query: string, filters: SearchFilters): Promise<SearchResult> {
  const empty: SearchResult = { query, filters, total: 0, pageSize: 0, hits: [], notice: 'empty' };
  if (isBuildPhase()) return empty;
  if (query.length <= CACHED_QUERY_LENGTH) return (await cachedSearch(query, filters)) ?? empty;
  return searchPublishedCases(await getDb(), query, filters);
}
