import 'server-only';
import { and, arrayContains, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { issueNumberRedirects, publishedCaseCorrections, publishedCases, publishedIssues, publishedPdfs, siteSettings } from '@/db/schema';
import { DEFAULT_ISSUE_LABEL_FORMAT, serialLabel, shortSerialLabel, type SerialNumbers } from '@/lib/content/serial';
import type { ProvinceCount, PublicCase, PublicCaseSummary, PublicColophon, PublicCorrection, PublicIssue, PublicIssueSummary } from './types';

// The public site's queries. They name only the published read model (published_issues,
// published_cases, published_case_corrections, issue_number_redirects joined to published_issues), which only the publish
// transaction writes: no query here can reach a working draft. tests/unit/public/boundary.test.ts
// fails the build if this folder or app/(site) ever imports a working table. Besides them, the
// site reads one setting: the format issues are named in (期号格式), read in the same statement.

/** The site's label format, as a column of the statement that needs it (one round trip, one snapshot). */
const labelFormat = sql<string | null>`(select ${siteSettings.issueLabelFormat} from ${siteSettings} where ${siteSettings.id} = 1)`;

export const summaryColumns = {
  caseId: publishedCases.caseId,
  issueId: publishedCases.issueId,
  issueNumber: publishedIssues.number,
  issueYear: publishedIssues.year,
  issueYearNumber: publishedIssues.yearNumber,
  issueTitle: publishedIssues.title,
  position: publishedCases.position,
  sectionTitle: publishedCases.sectionTitle,
  title: publishedCases.title,
  regions: publishedCases.regions,
  provinces: publishedCases.provinces,
  tags: publishedCases.tags,
  publishedAt: publishedCases.publishedAt,
  labelFormat,
};

export const fullColumns = { ...summaryColumns, profile: publishedCases.profile, lead: publishedCases.lead, sections: publishedCases.sections };

type WithDate<T> = Omit<T, 'publishedAt'> & { publishedAt: Date | string };

/** PGlite and postgres-js both give Date for timestamptz through drizzle; raw SQL may give strings. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function withIso<T extends { publishedAt: string }>(row: WithDate<T>): T {
  return { ...row, publishedAt: iso(row.publishedAt) } as T;
}

/** An issue's labels in the site's format. */
export function issueLabels(n: SerialNumbers, format: string | null): { label: string; shortLabel: string } {
  const f = format ?? DEFAULT_ISSUE_LABEL_FORMAT;
  return { label: serialLabel(n, f), shortLabel: shortSerialLabel(n, f) };
}

type CaseRow<T extends PublicCaseSummary> = WithDate<Omit<T, 'issueLabel' | 'issueShortLabel'>> & { labelFormat: string | null };

/** A case row as the site shows it: dates in ISO form, its issue named in the site's format. */
export function caseOf<T extends PublicCaseSummary>({ labelFormat: format, ...row }: CaseRow<T>): T {
  const s = row as unknown as CaseRow<PublicCaseSummary>;
  const { label, shortLabel } = issueLabels({ year: s.issueYear, yearNumber: s.issueYearNumber, number: s.issueNumber }, format);
  return { ...row, issueLabel: label, issueShortLabel: shortLabel, publishedAt: iso(s.publishedAt) } as unknown as T;
}

/** The format issues are named in now (the PDF editions name them the same way). */
export async function queryLabelFormat(db: Db): Promise<string> {
  const [row] = await db.select({ format: siteSettings.issueLabelFormat }).from(siteSettings).where(eq(siteSettings.id, 1));
  return row?.format ?? DEFAULT_ISSUE_LABEL_FORMAT;
}

function caseSelect(db: Db) {
  return db.select(summaryColumns).from(publishedCases).innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId));
}

/** Every published issue (or those `where` names), newest number first, with its number of cases. */
export async function queryIssues(db: Db, { where, limit, oldestFirst = false }: { where?: SQL; limit?: number; oldestFirst?: boolean } = {}): Promise<PublicIssueSummary[]> {
  const query = db
    .select({
      issueId: publishedIssues.issueId,
      number: publishedIssues.number,
      year: publishedIssues.year,
      yearNumber: publishedIssues.yearNumber,
      title: publishedIssues.title,
      publishedAt: publishedIssues.publishedAt,
      caseCount: count(publishedCases.caseId),
      labelFormat,
    })
    .from(publishedIssues)
    .leftJoin(publishedCases, eq(publishedCases.issueId, publishedIssues.issueId))
    .where(where)
    .groupBy(publishedIssues.issueId)
    .orderBy(oldestFirst ? asc(publishedIssues.number) : desc(publishedIssues.number));
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map(({ labelFormat: format, ...r }) => withIso<PublicIssueSummary>({ ...r, ...issueLabels(r, format), caseCount: Number(r.caseCount) }));
}

/** The published issues either side of `number` (the next newer and the next older), for an issue page's 上一期/下一期. */
export async function queryIssueNeighbours(db: Db, number: number): Promise<{ newer: PublicIssueSummary | null; older: PublicIssueSummary | null }> {
  // Their numbers first, by the unique index on number; then the two summaries alone, so the case
  // counts are not grouped over every issue before or after this one.
  const [around] = await db
    .select({
      newer: sql<number | null>`(select min(${publishedIssues.number}) from ${publishedIssues} where ${publishedIssues.number} > ${number})`,
      older: sql<number | null>`(select max(${publishedIssues.number}) from ${publishedIssues} where ${publishedIssues.number} < ${number})`,
    })
    .from(sql`(select 1) as one`);
  const numbers = [around?.newer, around?.older].filter((n): n is number => n !== null && n !== undefined).map(Number);
  const found = numbers.length > 0 ? await queryIssues(db, { where: inArray(publishedIssues.number, numbers) }) : [];
  const byNumber = (n: number | null | undefined) => (n === null || n === undefined ? null : (found.find((i) => i.number === Number(n)) ?? null));
  return { newer: byNumber(around?.newer), older: byNumber(around?.older) };
}

/** One issue by its current public number, with its cases in order; null if not published. */
export async function queryIssueByNumber(db: Db, number: number): Promise<PublicIssue | null> {
  const [issue] = await db
    .select({
      issueId: publishedIssues.issueId,
      number: publishedIssues.number,
      year: publishedIssues.year,
      yearNumber: publishedIssues.yearNumber,
      title: publishedIssues.title,
      foreword: publishedIssues.foreword,
      publishedAt: publishedIssues.publishedAt,
      colophon: publishedIssues.colophon,
      labelFormat,
    })
    .from(publishedIssues)
    .where(eq(publishedIssues.number, number));
  if (!issue) return null;
  const caseRows = await db
    .select(fullColumns)
    .from(publishedCases)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId))
    .where(eq(publishedCases.issueId, issue.issueId))
    .orderBy(asc(publishedCases.position));
  const cases = caseRows.map((r) => caseOf<PublicCase>(r));
  const colophon: PublicColophon | null = issue.colophon;
  return {
    issueId: issue.issueId,
    number: issue.number,
    year: issue.year,
    yearNumber: issue.yearNumber,
    ...issueLabels(issue, issue.labelFormat),
    title: issue.title,
    foreword: issue.foreword,
    publishedAt: iso(issue.publishedAt),
    caseCount: cases.length,
    colophon,
    cases,
  };
}

/** The overall number of the issue published as the year's yearNumber-th (2025年第3期), or null. */
export async function queryIssueNumberBySerial(db: Db, year: number, yearNumber: number): Promise<number | null> {
  const [row] = await db
    .select({ number: publishedIssues.number })
    .from(publishedIssues)
    .where(and(eq(publishedIssues.year, year), eq(publishedIssues.yearNumber, yearNumber)));
  return row?.number ?? null;
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

/** The cases of one issue in order, for previous/next links. */
export async function queryIssueCases(db: Db, issueId: number): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db).where(eq(publishedCases.issueId, issueId)).orderBy(asc(publishedCases.position));
  return rows.map((r) => caseOf<PublicCaseSummary>(r));
}

/** Every published case, newest issue first: the sitemap, and the index of 相关案例 and theme lists. */
export async function queryAllCases(db: Db): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db).orderBy(desc(publishedIssues.number), asc(publishedCases.position));
  return rows.map((r) => caseOf<PublicCaseSummary>(r));
}

/** The cases of the `issueCount` newest issues, newest issue first, then position: what the home page lists. */
export async function queryCasesOfNewestIssues(db: Db, issueCount: number): Promise<PublicCaseSummary[]> {
  const newest = db.select({ issueId: publishedIssues.issueId }).from(publishedIssues).orderBy(desc(publishedIssues.number)).limit(issueCount);
  const rows = await caseSelect(db).where(inArray(publishedCases.issueId, newest)).orderBy(desc(publishedIssues.number), asc(publishedCases.position));
  return rows.map((r) => caseOf<PublicCaseSummary>(r));
}

/**
 * The `limit` most recently published cases, in the feed's order: publication time (to the
 * millisecond, as the feed writes it), then newest issue, then position.
 */
export async function queryNewestCases(db: Db, limit: number): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db)
    .orderBy(sql`date_trunc('milliseconds', ${publishedCases.publishedAt}) desc`, desc(publishedIssues.number), asc(publishedCases.position))
    .limit(limit);
  return rows.map((r) => caseOf<PublicCaseSummary>(r));
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

/** Cases that name a place in the province, including cluster cases that name it among others. */
export async function queryProvinceCases(db: Db, provinceCode: string): Promise<PublicCaseSummary[]> {
  const rows = await caseSelect(db)
    .where(arrayContains(publishedCases.provinces, [provinceCode]))
    .orderBy(desc(publishedIssues.number), asc(publishedCases.position));
  return rows.map((r) => caseOf<PublicCaseSummary>(r));
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
  const p = publishedPdfs;
  const digest = (fields: SQL, order: SQL, table: typeof i | typeof c | typeof r | typeof p) =>
    sql`(select coalesce(md5(string_agg(concat_ws(':', ${fields}), ',' order by ${order})), '-') from ${table})`;
  type Row = { issues: string; cases: string; redirects: string; format: string; pdfs: string };
  // The serial numbers (renumbered when another issue of the year comes or goes), the colophon, the
  // 栏目 titles and the label format are all on the pages, so all are in the fingerprint; so are the
  // PDF editions, which are made after the publish and which the pages link.
  const result = await db.execute<Row>(sql`select
    ${digest(
      sql`${i.issueId}, ${i.number}, md5(${i.title}), md5(${i.foreword}), extract(epoch from ${i.publishedAt}), ${i.year}, ${i.yearNumber}, coalesce(md5(${i.colophon}::text), '-')`,
      sql`${i.issueId}`,
      i,
    )} as issues,
    ${digest(sql`${c.caseId}, ${c.issueId}, ${c.revisionId}, ${c.position}, extract(epoch from ${c.publishedAt}), coalesce(md5(${c.sectionTitle}), '-')`, sql`${c.caseId}`, c)} as cases,
    ${digest(sql`${r.oldNumber}, ${r.issueId}`, sql`${r.oldNumber}`, r)} as redirects,
    coalesce(md5(${labelFormat}), '-') as format,
    ${digest(sql`${p.id}, ${p.fingerprint}`, sql`${p.id}`, p)} as pdfs`);
  const [row] = rowsOf<Row>(result);
  return `issues:${row?.issues}|cases:${row?.cases}|redirects:${row?.redirects}|format:${row?.format}|pdfs:${row?.pdfs}`;
}

