import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseStageDecisions, proofreadingRounds, type Case, type CaseRevision, type cases } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/actions';
import type { Actor } from '@/lib/auth/actor';
import {
  entryStage,
  isAssignedToStage,
  mayActAtStage,
  nextStage,
  resumeAfterReturn,
  roundsShortfall,
  stageAt,
  bindingPasses,
  type CaseEvent,
  type PassDecision,
  type ReviewStage,
} from '@/lib/workflow';
import { readReviewStages, readReviewStagesForDecision } from './review-stages';

// What a status change does to a case's place in the review stages (lib/workflow/stages.ts holds the
// rules): where a submission enters, who may pass or return it where it waits, where it goes next.

export interface StageStep {
  /** For approve: whether the stage passed is the last one. */
  finalStage?: boolean;
  /** Why the actor may not take this step at this stage; checked after the status rules. */
  refusal: string | null;
  set: Partial<typeof cases.$inferInsert>;
  /** Audit details: the stage the case now waits at (null once it left review) and the one acted at. */
  after: Record<string, unknown>;
  /** The audit action, when the stage decides it (an intermediate pass). */
  action?: AuditAction;
  /** The stage acted at, for the decision row of a pass or a return. */
  stage: ReviewStage | null;
}

/** The first stage after `position` this revision has not passed yet, or null when none is left. */
function nextUnpassedStage(stages: readonly ReviewStage[], position: number, passedByRevision: readonly number[]): ReviewStage | null {
  let next = nextStage(stages, position);
  while (next && passedByRevision.includes(next.position)) next = nextStage(stages, next.position);
  return next;
}

const neutral = (): StageStep => ({ refusal: null, set: {}, after: {}, stage: null });

/** Every pass decision on the case, oldest first: the standing passes are read from these. */
export async function passDecisionsOf(db: Db, caseId: number): Promise<PassDecision[]> {
  return db
    .select({
      stage: caseStageDecisions.stage,
      stageName: caseStageDecisions.stageName,
      actorId: caseStageDecisions.actorId,
      revisionId: caseStageDecisions.revisionId,
      at: caseStageDecisions.at,
    })
    .from(caseStageDecisions)
    .where(and(eq(caseStageDecisions.caseId, caseId), eq(caseStageDecisions.decision, 'pass')))
    .orderBy(asc(caseStageDecisions.at), asc(caseStageDecisions.id));
}

/** How many 校次 the revision carries. */
export async function roundsOn(db: Db, revisionId: number): Promise<number> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(proofreadingRounds).where(eq(proofreadingRounds.revisionId, revisionId));
  return n;
}

export async function stageStep(tx: Db, actor: Actor, row: Case, revision: CaseRevision, event: CaseEvent): Promise<StageStep> {
  switch (event) {
    case 'edit':
      return neutral();
    case 'withdraw':
      return { ...neutral(), set: { reviewStage: null }, after: { reviewStage: null } };
    case 'submit': {
      const stages = await readReviewStagesForDecision(tx);
      const passed = (await passDecisionsOf(tx, row.id)).filter((d) => d.revisionId === revision.id).map((d) => d.stage);
      const entry = entryStage(stages, row.resumeStage, passed);
      if (entry === null) {
        return { ...neutral(), refusal: '这一版已经通过了现在设置的全部审核环节（审核流程调整过），请修改后再提交。' };
      }
      return {
        ...neutral(),
        set: { reviewStage: entry, resumeStage: null, submittedById: actor.id },
        after: { reviewStage: entry, waitingAt: stageAt(stages, entry).name },
      };
    }
    case 'requestChanges': {
      if (row.status !== 'in_review' || row.reviewStage === null) return neutral();
      const stage = stageAt(await readReviewStages(tx), row.reviewStage);
      return {
        stage,
        refusal: isAssignedToStage(stage, actor) ? null : `你不是“${stage.name}”的审核人员，不能在这一环节退回。`,
        set: { reviewStage: null, resumeStage: resumeAfterReturn(stage), lastReviewerId: actor.id },
        after: { reviewStage: null, stage: stage.position, stageName: stage.name },
      };
    }
    case 'approve': {
      if (row.status !== 'in_review' || row.reviewStage === null) return neutral();
      const stages = await readReviewStagesForDecision(tx);
      const stage = stageAt(stages, row.reviewStage);
      const decisions = await passDecisionsOf(tx, row.id);
      // A revision put forward again after a return may already hold passes of later stages: they
      // count for separation of duties, and the case goes on past them rather than meet them twice.
      const passes = bindingPasses(decisions, stage.position, revision.id);
      const verdict = mayActAtStage(stage, actor, { contributorIds: revision.contributorIds, passes });
      const shortfall = roundsShortfall(stage, await roundsOn(tx, revision.id));
      const next = nextUnpassedStage(
        stages,
        stage.position,
        passes.filter((d) => d.revisionId === revision.id).map((d) => d.stage),
      );
      return {
        stage,
        finalStage: next === null,
        refusal: !verdict.ok ? verdict.reason : shortfall ? `${shortfall}，请先记录校次。` : null,
        set: { reviewStage: next?.position ?? null, lastReviewerId: actor.id, ...(next === null ? { approvedRevisionId: revision.id } : {}) },
        action: next === null ? 'case.approve' : 'case.pass_stage',
        after: { reviewStage: next?.position ?? null, ...(next ? { waitingAt: next.name } : {}), stage: stage.position, stageName: stage.name },
      };
    }
  }
}
