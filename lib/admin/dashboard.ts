import 'server-only';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, cases, users } from '@/db/schema';
import { EDITORIAL_ACTIONS } from '@/lib/audit/actions';
import type { Actor } from '@/lib/auth/actor';
import type { CaseStatus } from '@/lib/content/model';
import { auditEntryViews, auditRowColumns } from './audit-list';
import { listIssuesWithReadiness } from './issue-detail';

const LIMIT = 8;
const ACTIVITY_LIMIT = 10;

async function casesWhere(db: Db, status: CaseStatus, mine: number | null) {
  const where = mine === null ? eq(cases.status, status) : and(eq(cases.status, status), eq(cases.createdById, mine));
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    db.select({ id: cases.id, title: cases.title, updatedAt: cases.updatedAt }).from(cases).where(where).orderBy(desc(cases.updatedAt)).limit(LIMIT),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return { rows, total: n };
}

/**
 * The latest editorial work, the same for everyone: sign-ins and account changes are not the
 * newsroom's news and live in the admins' audit log.
 */
async function recentActivity(db: Db) {
  const rows = await db
    .select(auditRowColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(inArray(auditLog.action, [...EDITORIAL_ACTIONS]))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(ACTIVITY_LIMIT);
  return auditEntryViews(db, rows);
}

/** Published cases whose public text has proofreading errors still to correct (待更正), over the partial index. */
async function pendingCorrectionCount(db: Db): Promise<number> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(cases).where(sql`${cases.publishedErrors} > 0`);
  return n;
}

/** What the signed-in person has to do next, and how the issues stand. */
export async function loadDashboard(db: Db, actor: Actor) {
  const [myDrafts, myChanges, awaitingReview, issueRows, activity, pendingCorrections] = await Promise.all([
    casesWhere(db, 'draft', actor.id),
    casesWhere(db, 'changes_requested', actor.id),
    casesWhere(db, 'in_review', null),
    listIssuesWithReadiness(db, actor, 12),
    recentActivity(db),
    pendingCorrectionCount(db),
  ]);
  return { myDrafts, myChanges, awaitingReview, issues: issueRows, activity, pendingCorrections };
}
