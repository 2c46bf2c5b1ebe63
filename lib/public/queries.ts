import 'server-only';
import { and, arrayContains, arrayOverlaps, asc, count, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { issueNumberRedirects, publishedCaseCorrections, publishedCases, publishedIssues } from '@/db/schema';
import { THEMES } from '@/lib/content/themes';
import type { ProvinceCount, PublicCase, PublicCaseSummary, PublicCorrection, PublicIssue, PublicIssueSummary } from './types';

// The public site's queries. They name only the published read model (published_issues,
// published_cases, published_case_corrections, issue_number_redirects joined to published_issues), which only the publish
// transaction writes: no query here can reach a working draft. tests/unit/public/boundary.test.ts
// fails the build if this folder or app/(site) ever imports a working table.

export const summaryColumns = {
  caseId: publishedCases.caseId,
  issueId: publishedCases.issueId,
  issueNumber: publishedIssues.number,
  issueTitle: publishedIssues.title,
  position: publishedCases.position,
  title: publishedCases.title,
  regions: publishedCases.regions,
  provinces: publishedCases.provinces,
  tags: publishedCases.tags,
  publishedAt: publishedCases.publishedAt,
};

const fullColumns = { ...summaryColumns, profile: publishedCases.profile, lead: publishedCases.lead, sections: publishedCases.sections };

type WithDate<T> = Omit<T, 'publishedAt'> & { publishedAt: Date | string };

/** PGlite and postgres-js both give Date for timestamptz through drizzle; raw SQL may give strings. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function withIso<T extends { publishedAt: string }>(row: WithDate<T>): T {
  return { ...row, publishedAt: iso(row.publishedAt) } as T;
}

function caseSelect(db: Db) {
  return db.select(summaryColumns).from(publishedCases).innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId));
}

/** Every published issue, newest number first, with its number of cases. */
export async function queryIssues(db: Db): Promise<PublicIssueSummary[]> {
  const rows = await db
    .select({
      issueId: publishedIssues.issueId,
      number: publishedIssues.number,
      title: publishedIssues.title,
      publishedAt: publishedIssues.publishedAt,
      caseCount: count(publishedCases.caseId),
    })
    .from(publishedIssues)
    .leftJoin(publishedCases, eq(publishedCases.issueId, publishedIssues.issueId))
    .groupBy(publishedIssues.issueId)
    .orderBy(desc(publishedIssues.number));
  return rows.map((r) => withIso<PublicIssueSummary>({ ...r, caseCount: Number(r.caseCount) }));
}

/** One issue by its current public number, with its cases in order; null if not published. */
export async function queryIssueByNumber(db: Db, number: number): Promise<PublicIssue | null> {
  const [issue] = await db.select().from(publishedIssues).where(eq(publishedIssues.number, number));
  if (!issue) return null;
  const caseRows = await db
    .select(fullColumns)
    .from(publishedCases)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId))
    .where(eq(publishedCases.issueId, issue.issueId))
    .orderBy(asc(publishedCases.position));
  const cases = caseRows.map((r) => withIso<PublicCase>(r));
  return {
    issueId: issue.issueId,
    number: issue.number,
    title: issue.title,
    foreword: issue.foreword,
    publishedAt: iso(issue.publishedAt),
    caseCount: cases.length,
    cases,
  };
}

/** Where an old issue number now lives, if it was renumbered after publication (and is still published). */
export async function queryRenumberedIssue(db: Db, oldNumber: number): Promise<number | null> {
  const [row] = await db
    .select({ number: publishedIssues.number })
    .from(issueNumberRedirects)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, issueNumberRedirects.issueId))
    .where(eq(issueNumberRedirects.oldNumber, oldNumber));
  return row && row.number !== oldNumber ? row.number : null;
}

export async function queryCase(db: Db, caseId: number): Promise<PublicCase | null> {
  const [row] = await db
    .select(fullColumns)
    .from(publishedCases)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId))
    .where(eq(publishedCases.caseId, caseId));
  return row ? withIso<PublicCase>(row) : null;
}

/** The cases of one issue in order, for previous/next links. */
export async function queryIssueCases(db: Db, issueId: number): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db).where(eq(publishedCases.issueId, issueId)).orderBy(asc(publishedCases.position));
  return rows.map((r) => withIso<PublicCaseSummary>(r));
}

/** How many of the newest cases sharing a theme or a province are ranked for 相关案例. */
export const RELATED_POOL = 60;

type Relatable = Pick<PublicCaseSummary, 'caseId' | 'tags' | 'provinces'>;

/**
 * The one rule for 相关案例, used by the case page and by the static snapshot's manifest (which must
 * know when a page's list changes): of the RELATED_POOL newest cases sharing a theme or a province
 * with `of`, shared themes count double, then newest first. `newestFirst` is in (issue number
 * descending, position ascending) order and may hold any other cases: they are skipped here.
 */
export function rankRelatedCases<T extends Relatable>(of: Relatable, newestFirst: readonly T[], limit = 4): T[] {
  const shared = (a: string[], b: string[]) => {
    let n = 0;
    for (const x of a) if (b.includes(x)) n++;
    return n;
  };
  const pool: { c: T; score: number }[] = [];
  for (const c of newestFirst) {
    if (pool.length === RELATED_POOL) break;
    const score = shared(c.tags, of.tags) * 2 + shared(c.provinces, of.provinces);
    if (c.caseId !== of.caseId && score > 0) pool.push({ c, score });
  }
  // Array.prototype.sort is stable, so equal scores keep the newest-first order.
  return pool
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((p) => p.c);
}

/** The case page's 相关案例 (see rankRelatedCases); the database narrows the candidates to the pool. */
export async function queryRelatedCases(db: Db, of: PublicCase, limit = 4): Promise<PublicCaseSummary[]> {
  if (of.tags.length === 0 && of.provinces.length === 0) return [];
  const overlaps = [
    ...(of.tags.length > 0 ? [arrayOverlaps(publishedCases.tags, of.tags)] : []),
    ...(of.provinces.length > 0 ? [arrayOverlaps(publishedCases.provinces, of.provinces)] : []),
  ];
  const rows = await caseSelect(db)
    .where(and(ne(publishedCases.caseId, of.caseId), or(...overlaps)))
    .orderBy(desc(publishedIssues.number), asc(publishedCases.position))
    .limit(RELATED_POOL);
  return rankRelatedCases(of, rows, limit).map((r) => withIso<PublicCaseSummary>(r));
}

/** The 更正说明 of a published case, oldest first, as its page lists them. */
export async function queryCaseCorrections(db: Db, caseId: number): Promise<PublicCorrection[]> {
  const rows = await db
    .select({ note: publishedCaseCorrections.note, correctedAt: publishedCaseCorrections.correctedAt })
    .from(publishedCaseCorrections)
    .where(eq(publishedCaseCorrections.caseId, caseId))
    .orderBy(asc(publishedCaseCorrections.correctedAt), asc(publishedCaseCorrections.correctionId));
  return rows.map((r) => ({ note: r.note, correctedAt: iso(r.correctedAt) }));
}

/** Every published case, newest issue first: the home page's lists, feed and sitemap. */
export async function queryAllCases(db: Db): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db).orderBy(desc(publishedIssues.number), asc(publishedCases.position));
  return rows.map((r) => withIso<PublicCaseSummary>(r));
}

/** A theme page lists this many cases; the themes index shows each theme's THEME_PREVIEW newest. */
export const THEME_PAGE_SIZE = 50;
export const THEME_PREVIEW = 6;

/** How many pages a theme with `total` cases has: at least one, which says it has none yet. */
export function themePageCount(total: number): number {
  return Math.max(1, Math.ceil(total / THEME_PAGE_SIZE));
}

export interface ThemeCases {
  total: number;
  cases: PublicCaseSummary[];
}

/**
 * One slice of a theme's cases in the site's order (newest issue first, then position) and how many
 * it has in all. Both go through the GIN index on published_cases.tags.
 */
export async function queryThemeCases(db: Db, theme: string, offset: number, limit: number): Promise<ThemeCases> {
  const tagged = arrayContains(publishedCases.tags, [theme]);
  const rows = await caseSelect(db).where(tagged).orderBy(desc(publishedIssues.number), asc(publishedCases.position)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(publishedCases).where(tagged);
  return { total: Number(total?.n ?? 0), cases: rows.map((r) => withIso<PublicCaseSummary>(r)) };
}

/** Each theme's number of cases and its newest few, in the controlled list's order: the themes index. */
export async function queryThemeOverview(db: Db): Promise<({ name: string; slug: string } & ThemeCases)[]> {
  const out: ({ name: string; slug: string } & ThemeCases)[] = [];
  for (const { name, slug } of THEMES) out.push({ name, slug, ...(await queryThemeCases(db, name, 0, THEME_PREVIEW)) });
  return out;
}

/** Cases that name a place in the province, including cluster cases that name it among others. */
export async function queryProvinceCases(db: Db, provinceCode: string): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db)
    .where(arrayContains(publishedCases.provinces, [provinceCode]))
    .orderBy(desc(publishedIssues.number), asc(publishedCases.position));
  return rows.map((r) => withIso<PublicCaseSummary>(r));
}

export async function queryProvinceCounts(db: Db): Promise<ProvinceCount[]> {
  const rows = await db.execute<{ code: string; n: number | string }>(
    sql`select p.code, count(*) as n from ${publishedCases}, unnest(${publishedCases.provinces}) as p(code) group by p.code order by p.code`,
  );
  return rowsOf<{ code: string; n: number | string }>(rows).map((r) => ({ code: r.code, count: Number(r.n) }));
}

/**
 * Identifies what the public can see: equal fingerprints mean equal public content, and every
 * publish, republish, renumbering or unpublish gives a new one. The cache handler compares it with
 * the last value it saw to learn of changes made elsewhere (lib/public/cache-handler.mjs). It hashes
 * each published row's identity rather than counting rows and taking the latest time: a case's text
 * is fixed by its revision, so no column a republish may leave alone, and no instance's clock, can
 * hide a change. One statement, one round trip; the read model is a few thousand rows at most.
 */
export async function queryPublicationFingerprint(db: Db): Promise<string> {
  const i = publishedIssues;
  const c = publishedCases;
  const r = issueNumberRedirects;
  const digest = (fields: SQL, order: SQL, table: typeof i | typeof c | typeof r) =>
    sql`(select coalesce(md5(string_agg(concat_ws(':', ${fields}), ',' order by ${order})), '-') from ${table})`;
  type Row = { issues: string; cases: string; redirects: string };
  const result = await db.execute<Row>(sql`select
    ${digest(sql`${i.issueId}, ${i.number}, md5(${i.title}), md5(${i.foreword}), extract(epoch from ${i.publishedAt})`, sql`${i.issueId}`, i)} as issues,
    ${digest(sql`${c.caseId}, ${c.issueId}, ${c.revisionId}, ${c.position}, extract(epoch from ${c.publishedAt})`, sql`${c.caseId}`, c)} as cases,
    ${digest(sql`${r.oldNumber}, ${r.issueId}`, sql`${r.oldNumber}`, r)} as redirects`);
  const [row] = rowsOf<Row>(result);
  return `issues:${row?.issues}|cases:${row?.cases}|redirects:${row?.redirects}`;
}

