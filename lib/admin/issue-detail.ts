import 'server-only';
import { asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues, publishedIssues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasBlockingErrors, proofreadCase } from '@/lib/proofread';
import { can, isPublishable } from '@/lib/workflow';

/** Issues with how many of their cases are ready to publish, newest first. */
export async function listIssuesWithReadiness(db: Db, actor: Actor, limit?: number) {
  if (!can(actor.role, 'case.read')) return [];
  const query = db
    .select({
      id: issues.id,
      number: issues.number,
      title: issues.title,
      status: issues.status,
      scheduledAt: issues.scheduledAt,
      publishedAt: issues.publishedAt,
      updatedAt: issues.updatedAt,
      total: sql<number>`count(${cases.id})::int`,
      ready: sql<number>`count(${cases.id}) filter (where ${cases.status} = 'approved' or (${cases.status} = 'published' and ${cases.currentRevisionId} = ${cases.publishedRevisionId}))::int`,
    })
    .from(issues)
    .leftJoin(cases, eq(cases.issueId, issues.id))
    .groupBy(issues.id)
    .orderBy(desc(issues.number));
  return limit === undefined ? query : query.limit(limit);
}

/** One issue for its editor: the cases in order with what each still needs, and cases that could be added. */
export async function loadIssueDetail(db: Db, actor: Actor, issueId: number) {
  if (!can(actor.role, 'case.read')) return null;
  const [issue] = await db.select().from(issues).where(eq(issues.id, issueId));
  if (!issue) return null;
  const [rows, candidates, [publicCopy]] = await Promise.all([
    db
      .select({ case: cases, content: caseRevisions.content })
      .from(cases)
      .innerJoin(caseRevisions, eq(caseRevisions.id, cases.currentRevisionId))
      .where(eq(cases.issueId, issueId))
      .orderBy(asc(cases.position)),
    db
      .select({ id: cases.id, title: cases.title, status: cases.status })
      .from(cases)
      .where(isNull(cases.issueId))
      .orderBy(desc(cases.updatedAt))
      .limit(300),
    db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issueId)),
  ]);
  const items = rows.map(({ case: c, content }) => {
    const findings = proofreadCase(content);
    return {
      id: c.id,
      title: c.title,
      status: c.status,
      position: c.position ?? 0,
      publishable: isPublishable(c),
      errors: hasBlockingErrors(findings) ? findings.filter((f) => f.severity === 'error').length : 0,
    };
  });
  // A published issue's number, theme and foreword may be edited; readers see the edit only when
  // it is published again, so the reviewer is told what that publish would carry.
  const unpublishedFields = publicCopy
    ? [
        publicCopy.number !== issue.number ? `期号（第${publicCopy.number}期 → 第${issue.number}期）` : null,
        publicCopy.title !== issue.title ? '主题' : null,
        publicCopy.foreword !== issue.foreword ? '编者按' : null,
      ].filter((f): f is string => f !== null)
    : [];
  return { issue, items, candidates, unpublishedFields };
}
export type IssueDetail = NonNullable<Awaited<ReturnType<typeof loadIssueDetail>>>;
