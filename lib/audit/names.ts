import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues, reviewComments, users } from '@/db/schema';
import type { AuditNames, AuditRefs } from './references';

/** Names every row a page of audit entries points at: one query per kind of row, whatever the page size. */
export async function loadAuditNames(db: Db, refs: AuditRefs): Promise<AuditNames> {
  const [caseRows, issueRows, userRows, revisionRows, commentRows] = await Promise.all([
    refs.cases.length ? db.select({ id: cases.id, title: cases.title }).from(cases).where(inArray(cases.id, refs.cases)) : [],
    refs.issues.length ? db.select({ id: issues.id, number: issues.number, title: issues.title }).from(issues).where(inArray(issues.id, refs.issues)) : [],
    refs.users.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, refs.users)) : [],
    refs.revisions.length
      ? db.select({ id: caseRevisions.id, number: caseRevisions.number }).from(caseRevisions).where(inArray(caseRevisions.id, refs.revisions))
      : [],
    refs.comments.length ? db.select({ id: reviewComments.id, body: reviewComments.body }).from(reviewComments).where(inArray(reviewComments.id, refs.comments)) : [],
  ]);
  return {
    cases: new Map(caseRows.map((r) => [r.id, r.title])),
    issues: new Map(issueRows.map((r) => [r.id, { number: r.number, title: r.title }])),
    users: new Map(userRows.map((r) => [r.id, r.name])),
    revisions: new Map(revisionRows.map((r) => [r.id, r.number])),
    comments: new Map(commentRows.map((r) => [r.id, r.body])),
  };
}
