import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issueNumberRedirects, issues, publishedCases, publishedIssues } from '@/db/schema';
import { documentTokens } from '@/lib/search/tokens';
import { denormalizedColumns } from '@/lib/services/case-store';

// The only code that writes the published read model. It runs inside the publish and unpublish
// transactions of lib/services/publishing.ts, which decide *whether* to publish (with the rules of
// lib/workflow and lib/services/publish-gate.ts); this decides *what* the public sees.

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

/** Writes (or rewrites) the public copy of an issue and all its cases. Call inside a transaction. */
export async function materializeIssue(tx: Db, issueId: number, now: Date): Promise<void> {
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
  const [previous] = await tx.select({ number: publishedIssues.number }).from(publishedIssues).where(eq(publishedIssues.issueId, issueId));
  await tx.delete(issueNumberRedirects).where(eq(issueNumberRedirects.oldNumber, issue.number));
  if (previous && previous.number !== issue.number) {
    await tx
      .insert(issueNumberRedirects)
      .values({ oldNumber: previous.number, issueId })
      .onConflictDoUpdate({ target: issueNumberRedirects.oldNumber, set: { issueId } });
  }
  const publishedAt = issue.publishedAt ?? now;
  await tx
    .insert(publishedIssues)
    .values({ issueId, number: issue.number, title: issue.title, foreword: issue.foreword, publishedAt })
    .onConflictDoUpdate({
      target: publishedIssues.issueId,
      set: { number: issue.number, title: issue.title, foreword: issue.foreword, publishedAt },
    });

  for (const { row, revisionId } of chosen) {
    const content = byId.get(revisionId!)!.content;
    await tx.insert(publishedCases).values({
      caseId: row.id,
      issueId,
      revisionId: revisionId!,
      position: row.position!,
      // The same copies of the content the working row keeps, so search and filters agree on both.
      ...denormalizedColumns(content),
      profile: content.profile,
      lead: content.lead,
      sections: content.sections,
      titleVector: sql`to_tsvector('simple', ${documentTokens(content.title)})`,
      publishedAt: now,
    });
    // A published case with a newer working revision keeps that revision's status: the public
    // copy stays as it was, the work in progress stays in progress.
    if (row.status === 'approved') {
      await tx.update(cases).set({ status: 'published', publishedRevisionId: revisionId }).where(and(eq(cases.id, row.id), eq(cases.status, 'approved')));
    }
  }
  await tx.update(issues).set({ status: 'published', publishedAt, scheduledAt: null }).where(eq(issues.id, issueId));
}

/** Removes an issue and its cases from the public read model. Call inside a transaction. */
export async function dematerializeIssue(tx: Db, issueId: number): Promise<void> {
  await tx.delete(publishedIssues).where(eq(publishedIssues.issueId, issueId));
}
