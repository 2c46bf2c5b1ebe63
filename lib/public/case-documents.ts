import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publishedCaseCorrections, publishedCases, publishedIssues, publishedPdfs } from '@/db/schema';
import { currentCasePdfs, type PublicPdf } from './editions';
import { caseOf, fullColumns, iso } from './queries';
import type { PublicCase, PublicCorrection } from './types';

// A case as its page and its API entry show it: the case, its 更正说明 and its PDF edition, in one
// statement (a second only when a stored edition must be checked for being current). The page,
// the API's single and batch addresses and the static snapshot all read it here, so they agree.

export interface CaseDocument {
  case: PublicCase;
  /** Oldest first, as the page lists them. */
  corrections: PublicCorrection[];
  pdf: PublicPdf | null;
}

/** 更正说明 as JSON inside the row: note and time, in the page's order. */
const correctionsColumn = sql<{ note: string; correctedAt: string }[]>`(
  select coalesce(json_agg(json_build_object('note', k.note, 'correctedAt', k.corrected_at) order by k.corrected_at, k.correction_id), '[]'::json)
  from ${publishedCaseCorrections} k where k.case_id = ${publishedCases.caseId})`;

/** Published cases by id, in the order asked; ids that are not published are left out. */
export async function queryCaseDocuments(db: Db, caseIds: readonly number[]): Promise<CaseDocument[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select({
      ...fullColumns,
      corrections: correctionsColumn,
      pdfSize: publishedPdfs.size,
      pdfPages: publishedPdfs.pages,
      pdfFingerprint: publishedPdfs.fingerprint,
    })
    .from(publishedCases)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedCases.issueId))
    .leftJoin(publishedPdfs, and(eq(publishedPdfs.issueId, publishedCases.issueId), eq(publishedPdfs.caseId, publishedCases.caseId)))
    .where(caseIds.length === 1 ? eq(publishedCases.caseId, caseIds[0]!) : inArray(publishedCases.caseId, [...caseIds]));
  const stored = rows.flatMap((r) =>
    r.pdfFingerprint === null || r.pdfSize === null || r.pdfPages === null ? [] : [{ caseId: r.caseId, issueId: r.issueId, size: r.pdfSize, pages: r.pdfPages, fingerprint: r.pdfFingerprint }],
  );
  const pdfs = await currentCasePdfs(db, stored);
  const byId = new Map(
    rows.map(({ corrections, pdfSize: _size, pdfPages: _pages, pdfFingerprint: _fingerprint, ...row }) => [
      row.caseId,
      {
        case: caseOf<PublicCase>(row),
        // Raw JSON may carry the time as text in the session's zone: the same instant, written as the page writes it.
        corrections: (typeof corrections === 'string' ? (JSON.parse(corrections) as typeof corrections) : corrections).map((k) => ({ note: k.note, correctedAt: iso(k.correctedAt) })),
        pdf: pdfs.get(row.caseId) ?? null,
      },
    ]),
  );
  return caseIds.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}
