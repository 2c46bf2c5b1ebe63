// Review runs through every configured stage (三审) by different people. A test that approves with
// its own reviewer has the earlier stages passed, and the required 校次 recorded, by a crew of
// reviewers of this database's own, so that its reviewer is the one who takes the final decision.
// No vitest here: the e2e content seeding uses it too.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, returnReasons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordRound, roundsOfRevision } from '@/lib/services/proofreading-rounds';
import type { Result } from '@/lib/services/result';
import { approve } from '@/lib/services/reviews';
import { readReviewStages } from '@/lib/services/review-stages';
import { requiredRoundsToPublish } from '@/lib/workflow';
import { createActor } from './fixtures';

function ok<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.details ?? result.fieldErrors ?? '')}`);
  return result;
}

const crews = new WeakMap<Db, Promise<Actor[]>>();
function crewOf(db: Db): Promise<Actor[]> {
  let crew = crews.get(db);
  if (!crew) {
    crew = Promise.all([createActor(db, 'reviewer', '初审员'), createActor(db, 'reviewer', '复审员')]);
    crews.set(db, crew);
  }
  return crew;
}

/**
 * Brings a case in review to its last stage: records the 校次 the stages require on its current
 * revision and passes every earlier stage, each with another crew member (never one of `except`).
 */
export async function toFinalStage(db: Db, caseId: number, except: readonly Actor[] = []): Promise<void> {
  const stages = await readReviewStages(db);
  const crew = (await crewOf(db)).filter((a) => !except.some((e) => e.id === a.id));
  const read = async () => (await db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
  let row = await read();
  const missing = requiredRoundsToPublish(stages) - (await roundsOfRevision(db, row.currentRevisionId!)).length;
  for (let i = 0; i < missing; i++) ok(await recordRound(db, crew[0]!, { caseId, revisionId: row.currentRevisionId }));
  for (let i = 0; row.status === 'in_review' && row.reviewStage! < stages.length; i++) {
    ok(await approve(db, crew[i]!, { caseId, revisionId: row.currentRevisionId }));
    row = await read();
  }
}

/** approve() at the last stage by `reviewer`, after the crew took the case through the earlier ones. */
export async function approveFully(db: Db, reviewer: Actor, input: { caseId: number; revisionId: number | null }) {
  await toFinalStage(db, input.caseId, [reviewer]);
  return approve(db, reviewer, input);
}

/** The id of a stock return reason (数据缺失 unless named), for requestChanges. */
export async function reasonId(db: Db, label = '数据缺失'): Promise<number> {
  const [reason] = await db.select({ id: returnReasons.id }).from(returnReasons).where(eq(returnReasons.label, label));
  if (!reason) throw new Error(`no return reason ${label}`);
  return reason.id;
}
