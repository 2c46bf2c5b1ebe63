import 'server-only';
import { and, asc, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, reviewStages } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { MAX_STAGES, mayActAtStage, type ReviewStage } from '@/lib/workflow';

// The review part of the 待办: the cases waiting at a stage that this person may act on, by the rule
// of lib/workflow/stages.ts (mayActAtStage). The stage's role and name list is checked here in
// TypeScript; the per-revision part (not their text, not their pass at an earlier stage) in SQL,
// case by case, because it depends on each case.

export interface TodoCase {
  id: number;
  title: string;
  updatedAt: Date;
}

/** A stage this person may act at; the last one also holds cases left past it by a shorter configuration. */
export interface MyStage {
  stage: ReviewStage;
  last: boolean;
}

/** The stages this person may act at by their role or by name. */
export async function myStages(db: Db, actor: Actor): Promise<MyStage[]> {
  const stages = await db.select().from(reviewStages).orderBy(asc(reviewStages.position));
  const last = stages[stages.length - 1]?.position;
  return stages.filter((s) => mayActAtStage(s, actor, { contributorIds: [], passes: [] }).ok).map((stage) => ({ stage, last: stage.position === last }));
}

/**
 * Every case waiting at the stage (cases_stage_queue_idx). Only the last stage of a shortened
 * configuration takes in the positions past it; otherwise one position, so the index gives the order.
 */
function waitingAt({ stage, last }: MyStage): SQL {
  const beyond = last && stage.position < MAX_STAGES;
  return and(eq(cases.status, 'in_review'), beyond ? gte(cases.reviewStage, stage.position) : eq(cases.reviewStage, stage.position))!;
}

/**
 * Of those, the ones this person may act on: the current revision carries none of their unreviewed
 * text, they are not the standing pass (the latest) of an earlier stage of this review, and they
 * have not passed this revision at a later stage (lib/workflow/stages.ts bindingPasses). Scalar
 * subqueries, so each is a lookup by key for the case at hand.
 */
function mayActOn(actor: Actor): SQL {
  return and(
    sql`not coalesce(${actor.id}::integer = any((select r.contributor_ids from case_revisions r where r.id = ${cases.currentRevisionId})::integer[]), false)`,
    sql`not coalesce((
      select true from case_stage_decisions d
      where d.case_id = ${cases.id} and d.decision = 'pass' and d.actor_id = ${actor.id}
        and ((d.stage < ${cases.reviewStage}
              and not exists (select 1 from case_stage_decisions later where later.case_id = d.case_id and later.stage = d.stage and later.decision = 'pass' and later.at > d.at))
          or (d.stage > ${cases.reviewStage} and d.revision_id = ${cases.currentRevisionId}))
      limit 1), false)`,
  )!;
}

/** Cases read from the queue per round while filling a page. */
const BATCH = 100;

/**
 * The newest `limit` cases of the stage this person may act on. The queue is read in index order a
 * batch at a time (keyset on updated_at, id) and each batch filtered, so a page costs a few batches
 * however long the queue is; one query with the filters would have the planner check every case.
 */
export async function stageQueuePage(db: Db, actor: Actor, s: MyStage, limit: number): Promise<TodoCase[]> {
  const page: TodoCase[] = [];
  // The timestamp as Postgres has it (microseconds), so the keyset neither skips nor repeats a row.
  let after: { at: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after ? sql`(${cases.updatedAt}, ${cases.id}) < (${after.at}::timestamptz, ${after.id})` : undefined;
    const batch: (TodoCase & { at: string })[] = await db
      .select({ id: cases.id, title: cases.title, updatedAt: cases.updatedAt, at: sql<string>`${cases.updatedAt}::text` })
      .from(cases)
      .where(and(waitingAt(s), keyset))
      // NULLS LAST as cases_stage_queue_idx is declared, so the index is walked rather than every case sorted.
      .orderBy(sql`${cases.updatedAt} desc nulls last`, sql`${cases.id} desc nulls last`)
      .limit(BATCH);
    if (batch.length === 0) return page;
    const allowed = await db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          inArray(
            cases.id,
            batch.map((c) => c.id),
          ),
          mayActOn(actor),
        ),
      );
    const ids = new Set(allowed.map((c) => c.id));
    for (const { id, title, updatedAt } of batch) {
      if (!ids.has(id)) continue;
      page.push({ id, title, updatedAt });
      if (page.length === limit) return page;
    }
    if (batch.length < BATCH) return page;
    const tail = batch[batch.length - 1]!;
    after = { at: tail.at, id: tail.id };
  }
}

/** How many cases of the stage this person may act on, counting no further than cap + 1. */
export async function stageQueueCount(db: Db, actor: Actor, s: MyStage, cap: number): Promise<number> {
  const rows = db
    .select({ id: cases.id })
    .from(cases)
    .where(and(waitingAt(s), mayActOn(actor)))
    .limit(cap + 1)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(rows);
  return row?.n ?? 0;
}
