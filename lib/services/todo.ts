import 'server-only';
import { and, asc, count, eq, isNull, or, sql, type AnyColumn } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { cases, issues, notifications, reviewComments, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can, permissionDenied } from '@/lib/workflow';
import { fail, ok, type Result } from './result';
import { myStages, stageQueueCount, stageQueuePage, type TodoCase } from './todo-stage-queue';

// Everyone's 待办: what waits for this person, read over the partial indexes made for it
// (cases_stage_queue_idx, cases_returned_idx, review_comments_addressee_idx, issues_scheduled_by_idx,
// notifications_unread_idx), so it stays fast however many cases there are.

/** Rows listed per section; the counts say how many there are in all. */
export const TODO_LIMIT = 20;
export const NOTIFICATION_LIMIT = 30;
/** Counts stop here (shown as 99+), so a long queue is never counted to its end: the header shows them on every admin page. */
export const COUNT_CAP = 99;

export type { TodoCase };
export interface StageQueue {
  stage: number;
  name: string;
  total: number;
  cases: TodoCase[];
}
export interface TodoComment {
  id: number;
  caseId: number;
  caseTitle: string;
  authorName: string;
  body: string;
  reply: boolean;
  createdAt: Date;
}
export interface TodoIssue {
  id: number;
  number: number;
  title: string;
  scheduledAt: Date | null;
}
export interface TodoNotification {
  id: number;
  kind: string;
  message: string;
  caseId: number | null;
  issueId: number | null;
  createdAt: Date;
  readAt: Date | null;
}
export interface Todo {
  stages: StageQueue[];
  returned: { total: number; cases: TodoCase[] };
  comments: { total: number; items: TodoComment[] };
  scheduled: { total: number; issues: TodoIssue[] };
  notifications: { unread: number; items: TodoNotification[] };
}
export interface TodoCounts {
  /** Things to do: cases to review, returned cases, comments, scheduled issues (each counted to COUNT_CAP + 1). */
  work: number;
  unread: number;
}

const returnedWhere = (actor: Actor) => and(eq(cases.status, 'changes_requested'), eq(cases.submittedById, actor.id))!;

/** Unresolved comments addressed to this person; a reply counts while its thread is open (looked up by key). */
const commentsWhere = (actor: Actor) =>
  and(
    eq(reviewComments.addresseeId, actor.id),
    isNull(reviewComments.resolvedAt),
    or(
      isNull(reviewComments.parentId),
      sql`(select root.resolved_at from review_comments root where root.id = ${reviewComments.parentId}) is null`,
    ),
  )!;

/** Newest first, in the null order the indexes are declared with (DESC NULLS LAST), so they are walked, not sorted. */
const newestFirst = (column: AnyColumn) => sql`${column} desc nulls last`;

const scheduledWhere = (actor: Actor) => and(eq(issues.status, 'scheduled'), eq(issues.scheduledById, actor.id))!;
const unreadWhere = (actor: Actor) => and(eq(notifications.userId, actor.id), isNull(notifications.readAt))!;

/** How many rows a query has, counting no further than cap + 1 (more than the cap). */
async function cappedCount(db: Db, rows: PgSelect, cap: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(rows.limit(cap + 1).as('capped'));
  return row?.n ?? 0;
}

const returnedRows = (db: Db, actor: Actor) =>
  db.select({ id: cases.id, title: cases.title, updatedAt: cases.updatedAt }).from(cases).where(returnedWhere(actor)).$dynamic();
const commentRows = (db: Db, actor: Actor) =>
  db
    .select({
      id: reviewComments.id,
      caseId: reviewComments.caseId,
      caseTitle: cases.title,
      authorName: users.name,
      body: reviewComments.body,
      parentId: reviewComments.parentId,
      createdAt: reviewComments.createdAt,
    })
    .from(reviewComments)
    .innerJoin(cases, eq(cases.id, reviewComments.caseId))
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .where(commentsWhere(actor))
    .$dynamic();
const scheduledRows = (db: Db, actor: Actor) =>
  db.select({ id: issues.id, number: issues.number, title: issues.title, scheduledAt: issues.scheduledAt }).from(issues).where(scheduledWhere(actor)).$dynamic();

const unreadRows = (db: Db, actor: Actor) => db.select({ id: notifications.id }).from(notifications).where(unreadWhere(actor)).$dynamic();

/** The header's numbers: cheap enough for every admin page. */
export async function todoCounts(db: Db, actor: Actor): Promise<TodoCounts> {
  if (!can(actor.role, 'case.read')) return { work: 0, unread: 0 };
  const stages = await myStages(db, actor);
  const cap = COUNT_CAP;
  const [unread, ...parts] = await Promise.all([
    cappedCount(db, unreadRows(db, actor), cap),
    ...stages.map((s) => stageQueueCount(db, actor, s, cap)),
    cappedCount(db, returnedRows(db, actor), cap),
    cappedCount(db, commentRows(db, actor), cap),
    cappedCount(db, scheduledRows(db, actor), cap),
  ]);
  return { work: parts.reduce((a, b) => a + b, 0), unread: unread ?? 0 };
}

/** Everything waiting for the signed-in person, newest first in each section. */
export async function loadTodo(db: Db, actor: Actor): Promise<Result<{ todo: Todo }>> {
  if (!can(actor.role, 'case.read')) return fail(permissionDenied('case.read'));
  const stages = await myStages(db, actor);
  const stageQueues = await Promise.all(
    stages.map(async (s): Promise<StageQueue> => {
      const [rows, total] = await Promise.all([stageQueuePage(db, actor, s, TODO_LIMIT), stageQueueCount(db, actor, s, COUNT_CAP)]);
      return { stage: s.stage.position, name: s.stage.name, total, cases: rows };
    }),
  );
  const [returned, returnedTotal, comments, commentsTotal, scheduled, scheduledTotal, recent, unread] = await Promise.all([
    returnedRows(db, actor).orderBy(newestFirst(cases.updatedAt)).limit(TODO_LIMIT),
    cappedCount(db, returnedRows(db, actor), COUNT_CAP),
    commentRows(db, actor).orderBy(newestFirst(reviewComments.createdAt)).limit(TODO_LIMIT),
    cappedCount(db, commentRows(db, actor), COUNT_CAP),
    scheduledRows(db, actor).orderBy(asc(issues.scheduledAt), asc(issues.id)).limit(TODO_LIMIT),
    cappedCount(db, scheduledRows(db, actor), COUNT_CAP),
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        message: notifications.message,
        caseId: notifications.caseId,
        issueId: notifications.issueId,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, actor.id))
      .orderBy(newestFirst(notifications.createdAt), newestFirst(notifications.id))
      .limit(NOTIFICATION_LIMIT),
    cappedCount(db, unreadRows(db, actor), COUNT_CAP),
  ]);
  return ok({
    todo: {
      stages: stageQueues,
      returned: { total: returnedTotal, cases: returned },
      comments: { total: commentsTotal, items: comments.map(({ parentId, ...c }) => ({ ...c, reply: parentId !== null })) },
      scheduled: { total: scheduledTotal, issues: scheduled },
      notifications: { unread, items: recent },
    },
  });
}
