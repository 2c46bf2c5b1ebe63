import 'server-only';
import { getDb } from '@/db';
import { THEMES } from '@/lib/content/themes';
import { cachedRead, epochMemo, isBuildPhase } from './cache';
import { queryCaseDocuments, type CaseDocument } from './case-documents';
import type { CasePageData } from './case-page-data';
import { queryIssuePdfInfo } from './editions';
import {
  queryAllCases,
  queryCasesOfNewestIssues,
  queryNewestCases,
  queryIssueByNumber,
  queryIssueNeighbours,
  queryIssueNumberBySerial,
  queryIssueCases,
  queryIssues,
  queryProvinceCases,
  queryProvinceCounts,
  queryRenumberedIssue,
  THEME_PREVIEW,
  type ThemeCases,
} from './queries';
import { searchPublishedCases } from './search';
import { relatedByCase } from './related';
import type { PublicCase, PublicCaseSummary, SearchFilters, SearchResult } from './types';

// The public site's only way to the database: pages, feed, sitemap and the JSON API import from
// here. Reads are cached under one tag (see ./cache.ts). Searches are cached too when the query is
// short: people repeat the same few words (教育, 住房公积金), the cache is an LRU bounded in memory,
// and a publish expires results with everything else. Long pasted queries go to the database.

export const getIssues = cachedRead('issues', (db) => queryIssues(db), []);
export const getIssueNeighbours = cachedRead('issue-neighbours', queryIssueNeighbours, { newer: null, older: null });
export const getIssueByNumber = cachedRead('issue', queryIssueByNumber, null);
export const getRenumberedIssue = cachedRead('renumbered', queryRenumberedIssue, null);
export const getIssueNumberBySerial = cachedRead('serial', queryIssueNumberBySerial, null);
/** A case with its 更正说明 and PDF edition, as its page and its API entry show it (one cache entry, one statement). */
export const getCaseDocument = cachedRead('case-document', async (db, caseId: number) => (await queryCaseDocuments(db, [caseId]))[0] ?? null, null);
// The issue's PDF edition: size and pages (never its bytes), for the link and the API.
export const getIssuePdf = cachedRead('issue-pdf', queryIssuePdfInfo, null);
export const getIssueCases = cachedRead('issue-cases', queryIssueCases, []);
export const getCasesOfNewestIssues = cachedRead('newest-issue-cases', queryCasesOfNewestIssues, []);
export const getNewestCases = cachedRead('newest-cases', queryNewestCases, []);
export const getProvinceCases = cachedRead('province-cases', queryProvinceCases, []);
export const getProvinceCounts = cachedRead('province-counts', queryProvinceCounts, []);
// Lists computed from the whole case list at once, per state of the read model: the list itself,
// every case's 相关案例 and each theme's cases in the site's order. A query per page ranks or sorts against the
// whole table, which at 10,000 cases cost more than the rest of the page together.
interface CaseIndex {
  /** Every case, newest issue first: the sitemap. */
  all: PublicCaseSummary[];
  related: Map<number, PublicCaseSummary[]>;
  byTheme: Map<string, PublicCaseSummary[]>;
}

const caseIndex = epochMemo<CaseIndex>(
  'case-index',
  async (db) => {
    const all = await queryAllCases(db);
    const byTheme = new Map<string, PublicCaseSummary[]>();
    for (const c of all) for (const tag of c.tags) (byTheme.get(tag) ?? byTheme.set(tag, []).get(tag)!).push(c);
    return { all, related: relatedByCase(all), byTheme };
  },
  { all: [], related: new Map(), byTheme: new Map() },
);
// The memo is not a cached read: this one gives the page that uses it its epoch tag (a hit after the
// first call). It is taken before the memo's own, so the page never claims an epoch newer than the data.
const epochTagRead = cachedRead('epoch', async () => true, true);

async function indexed(): Promise<CaseIndex> {
  await epochTagRead();
  return caseIndex();
}

/** Every published case, newest issue first, from the same index: one read of the table per publish, not two. */
export async function getAllCases(): Promise<PublicCaseSummary[]> {
  return (await indexed()).all;
}

export async function getRelatedCases(of: PublicCase): Promise<PublicCaseSummary[]> {
  return (await indexed()).related.get(of.caseId) ?? [];
}

/** Builds the index for the current state ahead of the first page that needs it. */
export async function warmRelatedCases(): Promise<void> {
  await caseIndex();
}

/** One slice of a theme's cases in the site's order (newest issue first, then position), and how many it has in all. */
export async function getThemeCases(theme: string, offset: number, limit: number): Promise<ThemeCases> {
  const list = (await indexed()).byTheme.get(theme) ?? [];
  return { total: list.length, cases: list.slice(offset, offset + limit) };
}

/** Each theme's number of cases and its newest few, in the controlled list's order: the themes index. */
export async function getThemeOverview(): Promise<({ name: string; slug: string } & ThemeCases)[]> {
  const index = await indexed();
  return THEMES.map(({ name, slug }) => {
    const list = index.byTheme.get(name) ?? [];
    return { name, slug, total: list.length, cases: list.slice(0, THEME_PREVIEW) };
  });
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

/**
 * Several published cases with their 更正说明 and PDF editions, in one or two statements (no
 * transaction held, as for a single case) instead of three per case: the JSON API's batch (/api/public/cases?ids=), which the static snapshot writes
 * its case files from. Not cached: each id is asked for once per snapshot. Ids that are not
 * published are left out; the order is the order asked.
 */
export async function getCaseDocuments(caseIds: readonly number[]): Promise<CaseDocument[]> {
  if (isBuildPhase() || caseIds.length === 0) return [];
  return queryCaseDocuments(await getDb(), caseIds);
}

/** A case page's data (lib/public/case-page-data.ts), or null when the case is not published. */
export async function getCasePage(caseId: number): Promise<CasePageData | null> {
  const doc = await getCaseDocument(caseId);
  if (!doc) return null;
  const [siblings, related] = await Promise.all([getIssueCases(doc.case.issueId), getRelatedCases(doc.case)]);
  return { ...doc, siblings, related };
}

/**
 * Several case pages' data, in the order asked, unpublished ids left out: what the static snapshot
 * renders its case pages from (/api/public/case-pages). The documents in one statement, each issue's
 * cases once however many of its cases are asked for.
 */
export async function getCasePages(caseIds: readonly number[]): Promise<CasePageData[]> {
  if (isBuildPhase() || caseIds.length === 0) return [];
  // The index first, through its cached read, as every page that shows 相关案例 takes it.
  const index = await indexed();
  const docs = await getCaseDocuments(caseIds);
  const issueIds = [...new Set(docs.map((d) => d.case.issueId))];
  const siblings = new Map(await Promise.all(issueIds.map(async (id) => [id, await getIssueCases(id)] as const)));
  return docs.map((d) => ({ ...d, siblings: siblings.get(d.case.issueId) ?? [], related: index.related.get(d.case.caseId) ?? [] }));
}
