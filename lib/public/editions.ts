import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { publishedCaseCorrections, publishedCases, publishedIssues, publishedPdfs } from '@/db/schema';
import { caseLabel } from '@/lib/content/numerals';
import { serialLabel } from '@/lib/content/serial';
import { EDITION_LAYOUT_VERSION, type EditionIssue } from '@/lib/pdf/edition-types';
import { correctionLine } from './api';
import { formatDateZh, placeLabel, placeShortName } from './format';
import { iso, queryLabelFormat } from './queries';
import { SITE_NAME } from './urls';

// The PDF editions' side of the published read model. An issue's editions (the whole issue and one
// per case) are made from published rows only and stored with a fingerprint `<content>.<rendering>`:
// content identifies the published issue, its cases (by revision, which fixes their text), their
// 栏目 and 更正说明; rendering is the layout version and the label format. Editions whose
// fingerprint differs are made again; one whose content part is not current is neither served nor
// linked, so no PDF ever shows text the site no longer shows.

export const editionPaths = {
  issue: (number: number) => `/issues/${number}/edition.pdf`,
  case: (caseId: number) => `/cases/${caseId}/edition.pdf`,
};

/** What the public site says about an edition: where, how big, how many pages. */
export interface PublicPdf {
  url: string;
  size: number;
  pages: number;
}

/** Each published issue's content state (or those of the issues listed), computed in the database in one statement. */
async function contentStates(db: Db, issueIds: number | readonly number[] | null): Promise<{ issueId: number; number: number; state: string }[]> {
  const only = typeof issueIds === 'number' ? [issueIds] : issueIds;
  const result = await db.execute<{ issue_id: number; number: number; state: string }>(sql`
    select i.issue_id, i.number, md5(concat_ws('|', i.number, i.year, i.year_number, md5(i.title), md5(i.foreword),
        extract(epoch from i.published_at), coalesce(md5(i.colophon::text), '-'),
        (select coalesce(md5(string_agg(concat_ws(':', c.case_id, c.revision_id, c.position, coalesce(md5(c.section_title), '-')), ',' order by c.case_id)), '-')
           from published_cases c where c.issue_id = i.issue_id),
        (select coalesce(md5(string_agg(concat_ws(':', k.correction_id, md5(k.note), extract(epoch from k.corrected_at)), ',' order by k.correction_id)), '-')
           from published_case_corrections k join published_cases kc on kc.case_id = k.case_id where kc.issue_id = i.issue_id)
      )) as state
    from published_issues i
    ${only === null ? sql`` : sql`where i.issue_id in ${only.length > 0 ? sql`(${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql`(null)`}`}`);
  return rowsOf<{ issue_id: number; number: number; state: string }>(result).map((r) => ({ issueId: Number(r.issue_id), number: Number(r.number), state: r.state }));
}

function renderingKey(format: string): string {
  return createHash('sha256').update(JSON.stringify([EDITION_LAYOUT_VERSION, format])).digest('hex').slice(0, 16);
}

const contentOf = (fingerprint: string) => fingerprint.split('.')[0];

export interface EditionStatus {
  issueId: number;
  number: number;
  /** The fingerprint its editions must carry now. */
  fingerprint: string;
  /** Every edition of the issue (the whole issue and each case) is stored with that fingerprint. */
  current: boolean;
}

/** Every published issue, newest first, and whether its editions are current. Reads no PDF bytes. */
export async function queryEditionStatus(db: Db): Promise<EditionStatus[]> {
  const [states, format, stored, caseRows] = await Promise.all([
    contentStates(db, null),
    queryLabelFormat(db),
    db.select({ issueId: publishedPdfs.issueId, caseId: publishedPdfs.caseId, fingerprint: publishedPdfs.fingerprint }).from(publishedPdfs),
    db.select({ issueId: publishedCases.issueId, caseId: publishedCases.caseId }).from(publishedCases),
  ]);
  const rendering = renderingKey(format);
  const storedBy = new Map(stored.map((s) => [`${s.issueId}:${s.caseId ?? '-'}`, s.fingerprint]));
  const casesBy = new Map<number, number[]>();
  for (const c of caseRows) {
    const list = casesBy.get(c.issueId);
    if (list) list.push(c.caseId);
    else casesBy.set(c.issueId, [c.caseId]);
  }
  return states
    .sort((a, b) => b.number - a.number)
    .map(({ issueId, number, state }) => {
      const fingerprint = `${state}.${rendering}`;
      const keys = [`${issueId}:-`, ...(casesBy.get(issueId) ?? []).map((id) => `${issueId}:${id}`)];
      return { issueId, number, fingerprint, current: keys.every((k) => storedBy.get(k) === fingerprint) };
    });
}

/** The fingerprint an issue's editions must carry now; null when it is not published. */
export async function queryEditionFingerprint(db: Db, issueId: number): Promise<string | null> {
  const [[state], format] = await Promise.all([contentStates(db, issueId), queryLabelFormat(db)]);
  return state ? `${state.state}.${renderingKey(format)}` : null;
}

/**
 * What an issue's editions are made from, read in one snapshot with the fingerprint it matches:
 * the published issue, its cases in order and their 更正说明, worded as the site words them.
 */
export async function readEditionSource(db: Db, issueId: number): Promise<{ fingerprint: string; issue: EditionIssue } | null> {
  return db.transaction(
    async (tx) => {
      const fingerprint = await queryEditionFingerprint(tx, issueId);
      const [row] = await tx.select().from(publishedIssues).where(eq(publishedIssues.issueId, issueId));
      if (fingerprint === null || !row) return null;
      const [format, cases] = await Promise.all([
        queryLabelFormat(tx),
        tx.select().from(publishedCases).where(eq(publishedCases.issueId, issueId)).orderBy(asc(publishedCases.position)),
      ]);
      const notes = cases.length
        ? await tx
            .select()
            .from(publishedCaseCorrections)
            .where(inArray(publishedCaseCorrections.caseId, cases.map((c) => c.caseId)))
            .orderBy(asc(publishedCaseCorrections.correctedAt), asc(publishedCaseCorrections.correctionId))
        : [];
      const issue: EditionIssue = {
        publication: SITE_NAME,
        serialLabel: serialLabel({ year: row.year, yearNumber: row.yearNumber, number: row.number }, format),
        title: row.title,
        foreword: row.foreword,
        publishedDate: formatDateZh(iso(row.publishedAt)),
        publishedAt: new Date(iso(row.publishedAt)),
        colophon: row.colophon,
        cases: cases.map((c) => ({
          caseId: c.caseId,
          label: caseLabel(c.position),
          sectionTitle: c.sectionTitle,
          title: c.title,
          place: placeLabel(c.regions),
          placeName: placeShortName(c.regions),
          profile: c.profile,
          lead: c.lead,
          sections: c.sections,
          corrections: notes.filter((n) => n.caseId === c.caseId).map((n) => correctionLine({ note: n.note, correctedAt: iso(n.correctedAt) })),
        })),
      };
      return { fingerprint, issue };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Whether a stored edition shows the issue as it is published now. */
async function isCurrent(db: Db, issueId: number, fingerprint: string): Promise<boolean> {
  const [state] = await contentStates(db, issueId);
  return state !== undefined && state.state === contentOf(fingerprint);
}

/** The whole issue's edition, for its page and the API; null when there is none that is current. */
export async function queryIssuePdfInfo(db: Db, issueId: number): Promise<PublicPdf | null> {
  const [row] = await db
    .select({ number: publishedIssues.number, size: publishedPdfs.size, pages: publishedPdfs.pages, fingerprint: publishedPdfs.fingerprint })
    .from(publishedPdfs)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedPdfs.issueId))
    .where(and(eq(publishedPdfs.issueId, issueId), isNull(publishedPdfs.caseId)));
  if (!row || !(await isCurrent(db, issueId, row.fingerprint))) return null;
  return { url: editionPaths.issue(row.number), size: row.size, pages: row.pages };
}

/** A case's stored edition as a read found it: served only if it shows the issue as published now. */
export interface StoredCasePdf {
  caseId: number;
  issueId: number;
  size: number;
  pages: number;
  fingerprint: string;
}

/** Which of the stored case editions are current (see isCurrent), by case id: one statement for all their issues. */
export async function currentCasePdfs(db: Db, stored: readonly StoredCasePdf[]): Promise<Map<number, PublicPdf>> {
  const out = new Map<number, PublicPdf>();
  if (stored.length === 0) return out;
  const states = new Map((await contentStates(db, [...new Set(stored.map((r) => r.issueId))])).map((s) => [s.issueId, s.state]));
  for (const r of stored) if (states.get(r.issueId) === contentOf(r.fingerprint)) out.set(r.caseId, { url: editionPaths.case(r.caseId), size: r.size, pages: r.pages });
  return out;
}

export interface PdfFileRow {
  id: number;
  bytes: Uint8Array;
  fingerprint: string;
  /** The name a reader saves it under, and an ASCII one for old clients. */
  filename: string;
  asciiFilename: string;
}

/** The whole issue's PDF by the issue's current number: whether that number is published, and its current PDF if made. */
export async function queryIssuePdfFile(db: Db, number: number): Promise<{ published: boolean; file: PdfFileRow | null }> {
  const [issue] = await db.select({ issueId: publishedIssues.issueId, year: publishedIssues.year, yearNumber: publishedIssues.yearNumber }).from(publishedIssues).where(eq(publishedIssues.number, number));
  if (!issue) return { published: false, file: null };
  const [row] = await db
    .select({ id: publishedPdfs.id, bytes: publishedPdfs.bytes, fingerprint: publishedPdfs.fingerprint })
    .from(publishedPdfs)
    .where(and(eq(publishedPdfs.issueId, issue.issueId), isNull(publishedPdfs.caseId)));
  if (!row || !(await isCurrent(db, issue.issueId, row.fingerprint))) return { published: true, file: null };
  const label = serialLabel({ year: issue.year, yearNumber: issue.yearNumber, number }, await queryLabelFormat(db));
  return { published: true, file: { ...row, filename: `${SITE_NAME}${label}.pdf`, asciiFilename: `casebook-issue-${number}.pdf` } };
}

/** One case's PDF, if published and current. */
export async function queryCasePdfFile(db: Db, caseId: number): Promise<PdfFileRow | null> {
  const [row] = await db
    .select({ id: publishedPdfs.id, issueId: publishedPdfs.issueId, bytes: publishedPdfs.bytes, fingerprint: publishedPdfs.fingerprint, position: publishedCases.position, title: publishedCases.title })
    .from(publishedCases)
    .innerJoin(publishedPdfs, and(eq(publishedPdfs.issueId, publishedCases.issueId), eq(publishedPdfs.caseId, publishedCases.caseId)))
    .where(eq(publishedCases.caseId, caseId));
  if (!row || !(await isCurrent(db, row.issueId, row.fingerprint))) return null;
  return { id: row.id, bytes: row.bytes, fingerprint: row.fingerprint, filename: `${caseLabel(row.position)} ${row.title}.pdf`, asciiFilename: `casebook-case-${caseId}.pdf` };
}

/** The editions the site serves now (stored for the issue as it is published), without their bytes: for the static snapshot. */
export async function queryServedPdfs(db: Db): Promise<{ issueId: number; caseId: number | null; key: string }[]> {
  const [states, rows] = await Promise.all([
    contentStates(db, null),
    db.select({ id: publishedPdfs.id, issueId: publishedPdfs.issueId, caseId: publishedPdfs.caseId, fingerprint: publishedPdfs.fingerprint }).from(publishedPdfs),
  ]);
  const current = new Map(states.map((s) => [s.issueId, s.state]));
  return rows.filter((r) => current.get(r.issueId) === contentOf(r.fingerprint)).map((r) => ({ issueId: r.issueId, caseId: r.caseId, key: `${r.id}:${r.fingerprint}` }));
}
