import 'server-only';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import {
  caseCorrections,
  caseRevisions,
  cases,
  issueNumberRedirects,
  issues,
  publishedCaseCorrections,
  publishedCases,
  publishedIssues,
  type CaseRevision,
} from '@/db/schema';
import type { CaseContent } from '@/lib/content/model';
import { documentTokens } from '@/lib/search/tokens';
import { denormalizedColumns } from '@/lib/services/case-store';
import { errorsToCorrect } from '@/lib/services/proofreading';
import { serialYear } from '@/lib/content/serial';
import { issueColophon, sectionTitles } from './colophon';

// The only code that writes the published read model. It runs inside the publish and unpublish
// transactions of lib/services/publishing.ts and lib/services/corrections.ts, which decide *whether*
// to publish (with the rules of lib/workflow and lib/services/publish-gate.ts); this decides *what*
// the public sees.

/** Which revision of a case the public should see: a newly approved one, else the one already out. */
function revisionToPublish(row: { approvedRevisionId: number | null; publishedRevisionId: number | null; status: string }): number | null {
  if (row.status === 'approved' && row.approvedRevisionId) return row.approvedRevisionId;
  return row.publishedRevisionId;
}

export class NotPublishableError extends Error {
  constructor(readonly caseIds: number[]) {
    super(`cases without a publishable revision: ${caseIds.join(', ')}`);
  }
}

export interface MaterializeOptions {
  /**
   * The publish gate has just proofread every revision going out and found no error, so none is
   * left to correct (待更正 0) and the proofreader need not run twice. Left out (the demo, which
   * publishes the seed as it is), each revision is proofread here.
   */
  gateChecked?: boolean;
}

/** What goes into a published_cases row from a revision's content. */
function publicColumns(content: CaseContent) {
  return {
    // The same copies of the content the working row keeps, so search and filters agree on both.
    ...denormalizedColumns(content),
    profile: content.profile,
    lead: content.lead,
    sections: content.sections,
    titleVector: sql`to_tsvector('simple', ${documentTokens(content.title)})`,
  };
}

/** Blocking errors in a revision going public: what the admin lists as 待更正. */
function publishedErrorCount(content: CaseContent, options: MaterializeOptions): number {
  return options.gateChecked ? 0 : errorsToCorrect(content);
}

/**
 * Rewrites the public 更正说明 of the given (published) cases: every correction that led to the
 * text now public, or to an earlier text it replaced. A correction published and later withdrawn
 * with its issue comes back when the issue does, as the history of the text readers see.
 */
async function refreshPublishedCorrections(tx: Db, caseIds: number[]): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.delete(publishedCaseCorrections).where(inArray(publishedCaseCorrections.caseId, caseIds));
  const target = alias(caseRevisions, 'target');
  const shown = alias(caseRevisions, 'shown');
  await tx.insert(publishedCaseCorrections).select(
    tx
      .select({
        correctionId: caseCorrections.id,
        caseId: caseCorrections.caseId,
        note: caseCorrections.note,
        correctedAt: caseCorrections.publishedAt,
      })
      .from(caseCorrections)
      .innerJoin(publishedCases, eq(publishedCases.caseId, caseCorrections.caseId))
      .innerJoin(target, eq(target.id, caseCorrections.toRevisionId))
      .innerJoin(shown, eq(shown.id, publishedCases.revisionId))
      .where(and(inArray(caseCorrections.caseId, caseIds), lte(target.number, shown.number))),
  );
}

/** Writes (or rewrites) the public copy of an issue and all its cases. Call inside a transaction. */
export async function materializeIssue(tx: Db, issueId: number, now: Date, options: MaterializeOptions = {}): Promise<void> {
  const [issue] = await tx.select().from(issues).where(eq(issues.id, issueId));
  if (!issue) throw new Error(`issue ${issueId} not found`);
  const rows = await tx.select().from(cases).where(eq(cases.issueId, issueId)).orderBy(asc(cases.position));
  const chosen = rows.map((row) => ({ row, revisionId: revisionToPublish(row) }));
  const missing = chosen.filter((c) => c.revisionId === null).map((c) => c.row.id);
  if (missing.length > 0) throw new NotPublishableError(missing);

  const revisionIds = chosen.map((c) => c.revisionId!);
  const revisions = revisionIds.length ? await tx.select().from(caseRevisions).where(inArray(caseRevisions.id, revisionIds)) : [];
  const byId = new Map(revisions.map((r) => [r.id, r]));

  await tx.delete(publishedCases).where(eq(publishedCases.issueId, issueId));
  // A published issue that comes out again under another number keeps its old address working.
  const [previous] = await tx
    .select({ number: publishedIssues.number, year: publishedIssues.year })
    .from(publishedIssues)
    .where(eq(publishedIssues.issueId, issueId));
  await tx.delete(issueNumberRedirects).where(eq(issueNumberRedirects.oldNumber, issue.number));
  if (previous && previous.number !== issue.number) {
    await tx
      .insert(issueNumberRedirects)
      .values({ oldNumber: previous.number, issueId })
      .onConflictDoUpdate({ target: issueNumberRedirects.oldNumber, set: { issueId } });
  }
  const publishedAt = issue.publishedAt ?? now;
  const year = serialYear(publishedAt);
  const colophon = await issueColophon(
    tx,
    issueId,
    chosen.map((c) => ({ caseId: c.row.id, revisionId: c.revisionId! })),
  );
  // yearNumber is derived below with the year's other issues; 0 holds the place until then.
  await tx
    .insert(publishedIssues)
    .values({ issueId, number: issue.number, title: issue.title, foreword: issue.foreword, publishedAt, year, yearNumber: 0, colophon })
    .onConflictDoUpdate({
      target: publishedIssues.issueId,
      set: { number: issue.number, title: issue.title, foreword: issue.foreword, publishedAt, year, colophon },
    });
  await renumberYears(tx, previous ? [year, previous.year] : [year]);

  const sections = await sectionTitles(tx, issueId);
  for (const { row, revisionId } of chosen) {
    const content = byId.get(revisionId!)!.content;
    await tx.insert(publishedCases).values({
      caseId: row.id,
      issueId,
      revisionId: revisionId!,
      position: row.position!,
      sectionTitle: sections.get(row.id) ?? null,
      ...publicColumns(content),
      publishedAt: now,
    });
    const publishedErrors = publishedErrorCount(content, options);
    // A published case with a newer working revision keeps that revision's status: the public
    // copy stays as it was, the work in progress stays in progress.
    if (row.status === 'approved') {
      await tx
        .update(cases)
        .set({ status: 'published', publishedRevisionId: revisionId, publishedErrors })
        .where(and(eq(cases.id, row.id), eq(cases.status, 'approved')));
    } else if (row.publishedErrors !== publishedErrors) {
      // Bookkeeping about the public copy, not an edit: the case keeps its place in "recently updated".
      await tx.update(cases).set({ publishedErrors, updatedAt: sql`${cases.updatedAt}` }).where(eq(cases.id, row.id));
    }
  }
  await refreshPublishedCorrections(tx, rows.map((r) => r.id));
  await tx.update(issues).set({ status: 'published', publishedAt, scheduledAt: null }).where(eq(issues.id, issueId));
}

/**
 * Puts a newer revision of one published case out, leaving the rest of its issue as the public
 * saw it (a correction: lib/services/corrections.ts). The case keeps its place and first
 * publication date; the date of the change is the correction's. Call inside a transaction, after
 * recording the correction.
 */
export async function materializeCase(tx: Db, caseId: number, revision: CaseRevision): Promise<void> {
  const updated = await tx
    .update(publishedCases)
    .set({ revisionId: revision.id, ...publicColumns(revision.content) })
    .where(eq(publishedCases.caseId, caseId))
    .returning({ caseId: publishedCases.caseId });
  if (updated.length !== 1) throw new Error(`case ${caseId} has no public copy to correct`);
  await refreshPublishedCorrections(tx, [caseId]);
}

/** Removes an issue and its cases from the public read model. Call inside a transaction. */
export async function dematerializeIssue(tx: Db, issueId: number): Promise<void> {
  const gone = await tx.delete(publishedIssues).where(eq(publishedIssues.issueId, issueId)).returning({ year: publishedIssues.year });
  await renumberYears(
    tx,
    gone.map((g) => g.year),
  );
}

/**
 * Derives each published issue's number within its year (2025年第3期) from the overall numbers of
 * that year's published issues, so it is never typed and never leaves a gap.
 */
async function renumberYears(tx: Db, years: number[]): Promise<void> {
  for (const year of new Set(years)) {
    await tx.execute(sql`
      UPDATE ${publishedIssues} p SET year_number = r.n
      FROM (SELECT issue_id, row_number() OVER (ORDER BY number) AS n FROM ${publishedIssues} WHERE year = ${year}) r
      WHERE r.issue_id = p.issue_id AND p.year_number IS DISTINCT FROM r.n`);
  }
}
