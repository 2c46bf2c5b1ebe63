import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues, issueSections, publishedCases, publishedIssues, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasBlockingErrors, proofreadCase } from '@/lib/proofread';
import { can, isPublishable } from '@/lib/workflow';
import { issueLabel } from '@/lib/content/numerals';
import { issueColophon, sameColophon, sectionTitles } from '@/lib/publication/colophon';

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
    })
    .from(issues)
    .orderBy(desc(issues.number));
  const rows = await (limit === undefined ? query : query.limit(limit));
  const counts = await readinessCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, total: counts.get(r.id)?.total ?? 0, ready: counts.get(r.id)?.ready ?? 0 }));
}

/**
 * Cases per issue and how many of them are publishable. The rule is lib/workflow's isPublishable;
 * the database only counts cases by the facts that rule reads (status, and whether the current
 * revision is the published one), so there are a handful of groups per issue whatever its size.
 */
async function readinessCounts(db: Db, issueIds: number[]): Promise<Map<number, { total: number; ready: number }>> {
  const out = new Map<number, { total: number; ready: number }>();
  if (issueIds.length === 0) return out;
  const currentIsPublished = sql<boolean>`coalesce(${cases.currentRevisionId} = ${cases.publishedRevisionId}, false)`;
  const groups = await db
    .select({ issueId: cases.issueId, status: cases.status, currentIsPublished, n: count() })
    .from(cases)
    .where(inArray(cases.issueId, issueIds))
    .groupBy(cases.issueId, cases.status, currentIsPublished);
  for (const g of groups) {
    if (g.issueId === null) continue;
    const facts = { status: g.status, currentRevisionId: 1, publishedRevisionId: g.currentIsPublished ? 1 : null };
    const entry = out.get(g.issueId) ?? { total: 0, ready: 0 };
    entry.total += g.n;
    if (isPublishable(facts)) entry.ready += g.n;
    out.set(g.issueId, entry);
  }
  return out;
}

/** One issue for its editor: the cases in order with what each still needs, and cases that could be added. */
export async function loadIssueDetail(db: Db, actor: Actor, issueId: number) {
  if (!can(actor.role, 'case.read')) return null;
  const [issue] = await db.select().from(issues).where(eq(issues.id, issueId));
  if (!issue) return null;
  const [rows, candidates, [publicCopy], sections, editors] = await Promise.all([
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
    db.select({ id: issueSections.id, title: issueSections.title }).from(issueSections).where(eq(issueSections.issueId, issueId)).orderBy(asc(issueSections.position)),
    // Who may be named 责任编辑: active editors and admins.
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ['editor', 'admin'])))
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  const items = rows.map(({ case: c, content }) => {
    const findings = proofreadCase(content);
    return {
      id: c.id,
      title: c.title,
      status: c.status,
      position: c.position ?? 0,
      sectionId: c.sectionId,
      publishable: isPublishable(c),
      errors: hasBlockingErrors(findings) ? findings.filter((f) => f.severity === 'error').length : 0,
      /** Errors in the text the public sees (待更正). */
      publishedErrors: c.publishedErrors ?? 0,
    };
  });
  // A published issue's number, theme and foreword may be edited; readers see the edit only when
  // it is published again, so the reviewer is told what that publish would carry.
  const unpublishedFields = publicCopy
    ? [
        publicCopy.number !== issue.number ? `期号（${issueLabel(publicCopy.number)} → ${issueLabel(issue.number)}）` : null,
        publicCopy.title !== issue.title ? '主题' : null,
        publicCopy.foreword !== issue.foreword ? '编者按' : null,
        ...(await publishedExtrasChanged(db, issueId, publicCopy.colophon)),
      ].filter((f): f is string => f !== null)
    : [];
  return { issue, items, candidates, unpublishedFields, sections, editors };
}
export type IssueDetail = NonNullable<Awaited<ReturnType<typeof loadIssueDetail>>>;

/** 栏目 titles or the 版权页 that publishing the issue again would change (see lib/publication/colophon.ts). */
async function publishedExtrasChanged(db: Db, issueId: number, colophon: (typeof publishedIssues.$inferSelect)['colophon']): Promise<string[]> {
  const [out, titles] = await Promise.all([
    db.select({ caseId: publishedCases.caseId, revisionId: publishedCases.revisionId, sectionTitle: publishedCases.sectionTitle }).from(publishedCases).where(eq(publishedCases.issueId, issueId)),
    sectionTitles(db, issueId),
  ]);
  const renamed = out.some((o) => titles.has(o.caseId) && titles.get(o.caseId) !== o.sectionTitle);
  const colophonNow = await issueColophon(db, issueId, out);
  return [renamed ? '栏目' : null, sameColophon(colophonNow, colophon) ? null : '版权页'].filter((f): f is string => f !== null);
}
