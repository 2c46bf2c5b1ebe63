import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues, type Case } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { caseLabel, issueLabel } from '@/lib/content/numerals';
import { regionFullName } from '@/lib/regions';
import { listCorrections, pendingCorrections } from '@/lib/services/corrections';
import { can, caseContentLock } from '@/lib/workflow';

/** A case with its current revision, for the editor and the review view; null when missing or not allowed. */
export async function loadCaseDetail(db: Db, actor: Actor, caseId: number) {
  if (!can(actor.role, 'case.read')) return null;
  const [row] = await db
    .select({
      case: cases,
      revision: caseRevisions,
      issueNumber: issues.number,
      issueTitle: issues.title,
      issueStatus: issues.status,
      issueScheduledAt: issues.scheduledAt,
    })
    .from(cases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, cases.currentRevisionId))
    .leftJoin(issues, eq(issues.id, cases.issueId))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const { case: c, revision, issueNumber, issueTitle, issueStatus, issueScheduledAt } = row;
  return {
    case: c,
    revision,
    content: revision.content,
    regions: revision.content.regions.map((code) => ({ code, fullName: regionFullName(code) ?? code })),
    /** Why the content cannot be changed now (its issue is scheduled), or null. */
    contentLock: issueNumber !== null && issueStatus !== null ? caseContentLock({ number: issueNumber, status: issueStatus, scheduledAt: issueScheduledAt }) : null,
    kicker: issueNumber !== null && c.position !== null ? `${issueLabel(issueNumber)}：${issueTitle} · ${caseLabel(c.position)}` : '未编入期刊',
  };
}
export type CaseDetail = NonNullable<Awaited<ReturnType<typeof loadCaseDetail>>>;

/**
 * Where a public case stands with its corrections: which revision readers see and how many errors
 * it has left to correct (待更正), an approved correction waiting to go out, and the corrections
 * already published. Null for a case the public does not see.
 */
export async function loadCorrectionState(db: Db, actor: Actor, row: Case) {
  if (row.publishedRevisionId === null || !can(actor.role, 'case.read')) return null;
  const [[published], [pending], history] = await Promise.all([
    db.select({ number: caseRevisions.number }).from(caseRevisions).where(eq(caseRevisions.id, row.publishedRevisionId)),
    pendingCorrections(db, [row]),
    listCorrections(db, actor, { caseId: row.id }),
  ]);
  return {
    publishedNumber: published?.number ?? null,
    publishedErrors: row.publishedErrors ?? 0,
    pending: pending ?? null,
    history: history.ok ? history.corrections : [],
  };
}
export type CorrectionState = NonNullable<Awaited<ReturnType<typeof loadCorrectionState>>>;

/** Route segments arrive as text; only a positive integer names a case. */
export function parseRouteId(raw: string): number | null {
  return /^\d{1,9}$/u.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}
