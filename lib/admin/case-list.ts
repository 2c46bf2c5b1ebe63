import 'server-only';
import { and, arrayContains, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { cases, issues, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { CaseStatus } from '@/lib/content/model';
import { queryTsquery } from '@/lib/search/tokens';
import type { CaseTableState } from './case-table-state';

export interface CaseListRow {
  id: number;
  title: string;
  status: CaseStatus;
  issueId: number | null;
  issueNumber: number | null;
  position: number | null;
  provinces: string[];
  tags: string[];
  authorName: string | null;
  reviewerName: string | null;
  updatedAt: string;
  version: number;
  /** Proofreading errors in the public text (待更正); 0 or null when there is nothing to correct. */
  publishedErrors: number | null;
}

export interface CaseListPage {
  rows: CaseListRow[];
  /** Matching cases, counted up to COUNT_CAP (SEARCH_COUNT_CAP when searching). */
  total: number;
  /** True when more than COUNT_CAP cases match: the UI says "超过 10,000 条". */
  capped: boolean;
}

/**
 * Counting every match of a common word among 100,000 cases costs more than the page itself, and
 * nobody pages through ten thousand rows: past this the count stops and the UI asks to narrow down.
 */
export const COUNT_CAP = 10_000;
/** A common two-character word matches a large share of all cases; each match costs a vector check. */
export const SEARCH_COUNT_CAP = 1_000;

const author = alias(users, 'author');
const reviewer = alias(users, 'reviewer');

/** Dates in filters are calendar days in China time, inclusive at both ends. */
function dayStart(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00+08:00`);
}

export function caseListConditions(state: CaseTableState): SQL[] {
  const where: SQL[] = [];
  const tsquery = state.q ? queryTsquery(state.q) : null;
  if (tsquery) where.push(sql`${cases.searchVector} @@ to_tsquery('simple', ${tsquery})`);
  if (state.statuses.length) where.push(inArray(cases.status, state.statuses));
  if (state.issue === 'none') where.push(isNull(cases.issueId));
  else if (state.issue !== null) where.push(eq(cases.issueId, state.issue));
  if (state.province) where.push(arrayContains(cases.provinces, [state.province]));
  if (state.theme) where.push(arrayContains(cases.tags, [state.theme]));
  if (state.authorId !== null) where.push(eq(cases.createdById, state.authorId));
  if (state.reviewerId !== null) where.push(eq(cases.lastReviewerId, state.reviewerId));
  // A literal 0, as in the partial index cases_published_errors_idx: a bound parameter would keep a
  // generic plan from using it.
  if (state.corrections) where.push(sql`${cases.publishedErrors} > 0`);
  if (state.updatedFrom) where.push(gte(cases.updatedAt, dayStart(state.updatedFrom)));
  if (state.updatedTo) {
    const end = dayStart(state.updatedTo);
    end.setUTCDate(end.getUTCDate() + 1);
    where.push(lt(cases.updatedAt, end));
  }
  return where;
}

/**
 * The schema's indexes are declared DESC NULLS LAST, while plain DESC means NULLS FIRST in
 * PostgreSQL: an ORDER BY must name the same null order or the planner cannot walk the index and
 * sorts every match instead (150 ms instead of 2 ms for a common word at 100,000 cases).
 */
function by(column: SQL | AnyColumn, descending: boolean): SQL {
  return descending ? sql`${column} desc nulls last` : sql`${column} asc nulls first`;
}

/** For NOT NULL keys: plain asc/desc, the order a btree index walks in either direction. */
function byIndexedOrder(column: SQL | AnyColumn, descending: boolean): SQL {
  return descending ? sql`${column} desc` : sql`${column} asc`;
}

function orderBy(state: CaseTableState): SQL[] {
  const d = state.sort.desc;
  // Without a text query the list walks a btree index in sort order and stops at the page. With one,
  // the GIN index picks the matches and a top-N sort orders them: walking the sort index instead and
  // testing every row's tsvector on the way is an order of magnitude slower for common words, so the
  // order is written in a form no btree index serves.
  const byIndexed = state.q ? by : byIndexedOrder;
  // Every order ends with id so pages are stable when the sort key ties.
  switch (state.sort.column) {
    case 'title':
      // Byte order: locale-aware collation costs several times more and still is not pinyin order.
      return [byIndexed(sql`${cases.title} collate "C"`, d), byIndexed(cases.id, d)];
    case 'status':
      return [by(cases.status, d), by(cases.updatedAt, true), by(cases.id, true)];
    case 'issue':
      return [by(issues.number, d), by(cases.position, false), by(cases.id, true)];
    case 'updatedAt':
      return [byIndexed(cases.updatedAt, d), byIndexed(cases.id, d)];
  }
}

/**
 * One page of the working cases for the admin table: filtered, searched, sorted and paged in the
 * database, so it stays fast at 100,000 cases. Every signed-in staff member may read working cases.
 */
export async function listCasesPage(db: Db, actor: Actor | null, state: CaseTableState): Promise<CaseListPage> {
  if (!actor) return { rows: [], total: 0, capped: false };
  const where = and(...caseListConditions(state));
  const offset = (state.page - 1) * state.pageSize;
  const rowsQuery = db
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      issueId: cases.issueId,
      issueNumber: issues.number,
      position: cases.position,
      provinces: cases.provinces,
      tags: cases.tags,
      authorName: author.name,
      reviewerName: reviewer.name,
      updatedAt: cases.updatedAt,
      version: cases.version,
      publishedErrors: cases.publishedErrors,
    })
    .from(cases)
    .leftJoin(issues, eq(issues.id, cases.issueId))
    .leftJoin(author, eq(author.id, cases.createdById))
    .leftJoin(reviewer, eq(reviewer.id, cases.lastReviewerId))
    .where(where)
    .orderBy(...orderBy(state))
    .limit(state.pageSize)
    .offset(offset);
  const cap = state.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const matching = db.select({ one: sql`1` }).from(cases).where(where).limit(cap + 1).as('matching');
  const totalQuery = db.select({ n: count() }).from(matching);
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([rowsQuery, totalQuery]);
  return {
    rows: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    total: Math.min(n, cap),
    capped: n > cap,
  };
}

/** The choices the filter bar offers: issues and staff. Small lists, read once per page view. */
export async function caseFilterOptions(db: Db) {
  const [issueRows, userRows] = await Promise.all([
    db.select({ id: issues.id, number: issues.number, title: issues.title }).from(issues).orderBy(desc(issues.number)),
    db.select({ id: users.id, name: users.name, role: users.role }).from(users).orderBy(asc(users.name)),
  ]);
  return { issues: issueRows, users: userRows };
}
export type CaseFilterOptions = Awaited<ReturnType<typeof caseFilterOptions>>;
