import type { Role } from '@/lib/content/model';
import { toChineseNumeral } from '@/lib/content/numerals';
import { can } from './permissions';

// The review stages (三审: 初审 → 复审 → 终审 by default) and who may act at them. Pure: the services
// read the configuration and the decisions, this decides. A stage's identity is its position (1..3).

export const MAX_STAGES = 3;
/** 校次 a stage can require before it passes a revision. */
export const MAX_REQUIRED_ROUNDS = 3;
/** 校次 recorded on one revision at most (the database's bound). */
export const MAX_ROUNDS = 9;

export interface ReviewStage {
  position: number;
  name: string;
  roles: readonly Role[];
  userIds: readonly number[];
  requiredRounds: number;
  /** After a return from this stage the resubmission starts again at stage 1 (else it comes back here). */
  returnRestarts: boolean;
}

export interface StageActor {
  id: number;
  role: Role;
}

/** A pass that stands for the revision under review: who passed which stage. */
export interface StandingPass {
  stage: number;
  stageName: string;
  actorId: number;
}

export interface StageFacts {
  /** Whose not-yet-reviewed text the revision carries (case_revisions.contributor_ids). */
  contributorIds: readonly number[];
  /** The passes that stand for the revision in this review (standingPasses). */
  passes: readonly StandingPass[];
}

export type StageRefusalKind = 'not_assigned' | 'wrote_text' | 'acted_at_other_stage';
export type StageVerdict = { ok: true } | { ok: false; kind: StageRefusalKind; reason: string };

/** Whether the stage lists the actor, by role or by name; a named account that lost its review role no longer counts. */
export function isAssignedToStage(stage: ReviewStage, actor: StageActor): boolean {
  return can(actor.role, 'case.approve') && (stage.roles.includes(actor.role) || stage.userIds.includes(actor.id));
}

/**
 * Whether `actor` may pass the revision at `stage`: the stage lists them, none of the text is theirs,
 * and they have not passed this revision at another stage (separation of duties across stages).
 * Also the rule for whose 待办 a case waiting at the stage belongs in.
 */
export function mayActAtStage(stage: ReviewStage, actor: StageActor, facts: StageFacts): StageVerdict {
  if (!isAssignedToStage(stage, actor)) {
    return { ok: false, kind: 'not_assigned', reason: `你不是“${stage.name}”的审核人员，不能在这一环节审核。` };
  }
  if (facts.contributorIds.includes(actor.id)) {
    return { ok: false, kind: 'wrote_text', reason: `这一版含有你自己撰写、尚未经他人审核的内容，不能由你${stage.name}，请由其他审核人员审核。` };
  }
  const earlier = facts.passes.find((p) => p.actorId === actor.id && p.stage !== stage.position);
  if (earlier) {
    return { ok: false, kind: 'acted_at_other_stage', reason: `你已在“${earlier.stageName}”通过了这一版，“${stage.name}”需由其他人审核。` };
  }
  return { ok: true };
}

/** Why the stage cannot pass the revision yet for want of 校次, or null. */
export function roundsShortfall(stage: ReviewStage, recorded: number): string | null {
  if (recorded >= stage.requiredRounds) return null;
  return `${stage.name}前需要完成${stage.requiredRounds}次校对（已完成${recorded}次）`;
}

/** The 校次 a revision must carry to be published: the most any stage requires. */
export function requiredRoundsToPublish(stages: readonly ReviewStage[]): number {
  return stages.reduce((most, s) => Math.max(most, s.requiredRounds), 0);
}

/** The stage after `position`, or null when it is the last one (its pass approves the case). */
export function nextStage(stages: readonly ReviewStage[], position: number): ReviewStage | null {
  return stages.find((s) => s.position === position + 1) ?? null;
}

/** The stage a case in review waits at; a position past the configured ones means the last stage. */
export function stageAt(stages: readonly ReviewStage[], position: number): ReviewStage {
  const stage = stages.find((s) => s.position === position) ?? stages[stages.length - 1];
  if (!stage) throw new Error('no review stages configured');
  return stage;
}

/**
 * Where a submission enters review: stage 1, or the stage that returned it when that stage does not
 * restart (cases.resume_stage). A stage passes a revision once, so an unchanged revision put forward
 * again goes on past the stages it has already passed. Null when it has passed every stage.
 */
export function entryStage(stages: readonly ReviewStage[], resumeStage: number | null, passedByRevision: readonly number[]): number | null {
  const last = stages.length;
  let at = Math.min(Math.max(resumeStage ?? 1, 1), last);
  while (at <= last && passedByRevision.includes(at)) at++;
  return at <= last ? at : null;
}

/** Where the next submission enters after a return from `stage`: null for stage 1. */
export function resumeAfterReturn(stage: ReviewStage): number | null {
  return stage.returnRestarts || stage.position === 1 ? null : stage.position;
}

export interface PassDecision {
  stage: number;
  stageName: string;
  actorId: number;
  revisionId: number;
  at: Date;
}

/**
 * The passes that stand for a case waiting at `waitingAt` (or past the last stage, once approved):
 * for each stage before it, that stage's most recent pass. Edits restart at stage 1, so these are
 * passes of the current revision; only a resubmission that resumed at the returning stage carries
 * the earlier stages' passes of the revision it replaced, and those count for separation of duties.
 */
export function standingPasses<P extends PassDecision>(decisions: readonly P[], waitingAt: number): P[] {
  const latest = new Map<number, P>();
  for (const d of decisions) {
    if (d.stage >= waitingAt) continue;
    const seen = latest.get(d.stage);
    if (!seen || seen.at.getTime() <= d.at.getTime()) latest.set(d.stage, d);
  }
  return [...latest.values()].sort((a, b) => a.stage - b.stage);
}

/**
 * The passes that bind whoever acts on `revisionId` at `waitingAt`: the standing passes of the
 * earlier stages, and the passes this very revision already holds at later stages (a revision put
 * forward again after a return can). Nobody who made one of them may pass it at another stage.
 */
export function bindingPasses<P extends PassDecision>(decisions: readonly P[], waitingAt: number, revisionId: number): P[] {
  return [...standingPasses(decisions, waitingAt), ...decisions.filter((d) => d.revisionId === revisionId && d.stage > waitingAt)];
}

/** 一校, 二校, 三校 … */
export function roundLabel(round: number): string {
  return `${toChineseNumeral(round)}校`;
}

/** Problems with a stage configuration, as the admin screen and the service refuse it; empty when fine. */
export function stageConfigProblems(stages: readonly Pick<ReviewStage, 'name' | 'roles' | 'userIds' | 'requiredRounds'>[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push('至少需要一个审核环节。');
  if (stages.length > MAX_STAGES) problems.push(`审核环节不超过${MAX_STAGES}个。`);
  const names = stages.map((s) => s.name.trim());
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) problems.push(`审核环节的名称不能重复：${Array.from(new Set(repeated)).join('、')}。`);
  stages.forEach((s, i) => {
    const label = s.name.trim() || `第${i + 1}个环节`;
    if (s.roles.length === 0 && s.userIds.length === 0) problems.push(`“${label}”没有指定任何角色或人员，没有人能在这一环节审核。`);
    if (s.requiredRounds < 0 || s.requiredRounds > MAX_REQUIRED_ROUNDS) problems.push(`“${label}”要求的校次应在0到${MAX_REQUIRED_ROUNDS}次之间。`);
  });
  return problems;
}
