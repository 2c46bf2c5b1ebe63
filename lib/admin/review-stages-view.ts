import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, caseStageDecisions, users, type Case, type CaseRevision } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { roundsOfRevision } from '@/lib/services/proofreading-rounds';
import { readReturnReasons, readReviewStages } from '@/lib/services/review-stages';
import { bindingPasses, can, isAssignedToStage, mayActAtStage, requiredRoundsToPublish, roundLabel, roundsShortfall, stageAt, standingPasses } from '@/lib/workflow';

// The review page's view of the stages: the progress line (初审 ✓ 张三 11月30日 第3版 → 复审 待审 → 终审),
// whether this reader may pass, return or record a 校次 and why not, the rounds on the current
// revision and every decision ever made on the case. Read once, for one reader.

export interface StageProgressItem {
  position: number;
  name: string;
  state: 'passed' | 'waiting' | 'pending';
  requiredRounds: number;
  /** Who passed it, when, which revision; absent for a pass made before stages were recorded. */
  pass?: { actorName: string; at: string; revisionNumber: number };
}

export interface StageDecisionView {
  id: number;
  stageName: string;
  decision: 'pass' | 'return';
  actorName: string;
  at: string;
  revisionNumber: number;
  reasonLabel: string;
  comment: string;
}

export interface RoundView {
  round: number;
  label: string;
  actorName: string;
  at: string;
  errors: number;
  warnings: number;
  note: string;
}

export async function loadStageView(db: Db, actor: Actor, row: Case, revision: CaseRevision) {
  const [stages, decisions, rounds, reasons] = await Promise.all([
    readReviewStages(db),
    db.select().from(caseStageDecisions).where(eq(caseStageDecisions.caseId, row.id)).orderBy(asc(caseStageDecisions.at), asc(caseStageDecisions.id)),
    roundsOfRevision(db, revision.id),
    readReturnReasons(db, 'active'),
  ]);
  const people = Array.from(new Set([...decisions.map((d) => d.actorId), ...rounds.map((r) => r.actorId)]));
  const revisionIds = Array.from(new Set(decisions.map((d) => d.revisionId)));
  const [names, numbers] = await Promise.all([
    people.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people)) : [],
    revisionIds.length ? db.select({ id: caseRevisions.id, number: caseRevisions.number }).from(caseRevisions).where(inArray(caseRevisions.id, revisionIds)) : [],
  ]);
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const numberOf = new Map(numbers.map((r) => [r.id, r.number]));

  const inReview = row.status === 'in_review' && row.reviewStage !== null;
  const waiting = inReview ? stageAt(stages, row.reviewStage!) : null;
  // An approved case passed every stage; one that is not in review has passed none of this revision's.
  const passedAll = row.status === 'approved' || (row.status === 'published' && row.currentRevisionId === row.publishedRevisionId);
  const passes = standingPasses(
    decisions.filter((d) => d.decision === 'pass'),
    waiting ? waiting.position : passedAll ? stages.length + 1 : 1,
  );
  const progress: StageProgressItem[] = stages.map((s) => {
    const pass = passes.find((p) => p.stage === s.position);
    const state = waiting ? (s.position < waiting.position ? 'passed' : s.position === waiting.position ? 'waiting' : 'pending') : passedAll ? 'passed' : 'pending';
    return {
      position: s.position,
      name: s.name,
      state,
      requiredRounds: s.requiredRounds,
      ...(state === 'passed' && pass ? { pass: { actorName: nameOf.get(pass.actorId) ?? '—', at: pass.at.toISOString(), revisionNumber: numberOf.get(pass.revisionId) ?? 0 } } : {}),
    };
  });

  const contributor = revision.contributorIds.includes(actor.id);
  let passBlocked: string | null = null;
  let returnBlocked: string | null = null;
  if (waiting) {
    const binding = bindingPasses(
      decisions.filter((d) => d.decision === 'pass'),
      waiting.position,
      revision.id,
    );
    const verdict = mayActAtStage(waiting, actor, { contributorIds: revision.contributorIds, passes: binding });
    passBlocked = !verdict.ok ? verdict.reason : roundsShortfall(waiting, rounds.length);
    returnBlocked = isAssignedToStage(waiting, actor) ? null : `你不是“${waiting.name}”的审核人员，不能在这一环节退回。`;
  }
  const roundable = row.status === 'in_review' || row.status === 'approved';
  return {
    progress,
    waiting: waiting ? { position: waiting.position, name: waiting.name, nextName: stages.find((s) => s.position === waiting.position + 1)?.name ?? null, requiredRounds: waiting.requiredRounds } : null,
    /** Why this reader may not pass the stage the case waits at now, or null. */
    passBlocked,
    returnBlocked,
    reasons: reasons.map((r) => ({ id: r.id, label: r.label })),
    rounds: rounds.map<RoundView>((r) => ({
      round: r.round,
      label: roundLabel(r.round),
      actorName: nameOf.get(r.actorId) ?? '—',
      at: r.at.toISOString(),
      errors: r.errors,
      warnings: r.warnings,
      note: r.note,
    })),
    roundsToPublish: requiredRoundsToPublish(stages),
    recordRound: {
      allowed: roundable && can(actor.role, 'case.proofread'),
      blocked: contributor ? '这一版含有你自己撰写的内容，校对需由其他人完成。' : null,
    },
    decisions: decisions
      .map<StageDecisionView>((d) => ({
        id: d.id,
        stageName: d.stageName,
        decision: d.decision,
        actorName: nameOf.get(d.actorId) ?? '—',
        at: d.at.toISOString(),
        revisionNumber: numberOf.get(d.revisionId) ?? 0,
        reasonLabel: d.reasonLabel,
        comment: d.comment,
      }))
      .reverse(),
  };
}
export type StageView = Awaited<ReturnType<typeof loadStageView>>;
