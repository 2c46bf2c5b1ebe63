import 'server-only';
import type { Db } from '@/db/client';
import { caseStageDecisions, type Case, type CaseRevision } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/actions';
import type { Actor } from '@/lib/auth/actor';
import { caseStatusChangeSchema, createCaseSchema, saveCaseSchema } from '@/lib/validations/case';
import { ACTION_LABELS, CASE_EVENT_ACTIONS, transition, type CaseEvent } from '@/lib/workflow';
import { writeAudit } from './audit';
import { checkVersion, lockCase, lockCaseForContent, revisionById, writeCaseContent } from './case-write';
import { insertCaseWithRevision } from './case-store';
import { authorize, inTransaction, refuse } from './guard';
import { blockingFindings } from './proofreading';
import { ok, type Result } from './result';
import { stageStep } from './stage-step';
import { updateCaseVersioned } from './versioned-update';

export type CaseResult = Result<{ case: Case }>;

export async function createCase(db: Db, actor: Actor, input: unknown): Promise<CaseResult> {
  const parsed = authorize(actor, 'case.create', createCaseSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => {
    const row = await insertCaseWithRevision(tx, { content: parsed.data.content, authorId: actor.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'case.create',
      targetType: 'case',
      targetId: row.id,
      after: { version: row.version, status: row.status, title: row.title },
    });
    return ok({ case: row });
  });
}

/**
 * Saves new content as a new revision. A stale baseVersion is refused with who changed what;
 * an approved case goes back to draft; a published case gets a working revision while the public
 * copy stays as it was.
 */
export async function saveCase(db: Db, actor: Actor, input: unknown): Promise<Result<{ case: Case; revision: CaseRevision | null }>> {
  const parsed = authorize(actor, 'case.edit', saveCaseSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, baseVersion, content } = parsed.data;
  return inTransaction(db, async (tx) => {
    const row = await lockCaseForContent(tx, caseId);
    await checkVersion(tx, row, baseVersion);
    const written = await writeCaseContent(tx, row, actor, { content, note: '', action: 'case.save' });
    return ok(written ?? { case: row, revision: null });
  });
}

/** Which case a status change is about; baseVersion, when given, is the version the user acted on;
 *  revisionId, when given, the revision the reviewer read, so a decision is never about unseen text. */
export interface CaseTarget {
  caseId: number;
  baseVersion?: number;
  revisionId?: number;
  /** The stage the reviewer saw the case wait at; when given, a case that moved on is refused. */
  stage?: number;
}

/** What a return records beside the status: the stock reason and the reviewer's words. */
export interface ReturnNote {
  reasonId: number;
  reasonLabel: string;
  comment: string;
}

/**
 * A status-only change of a case: lock, check the version, ask the workflow and the review stages,
 * write, audit. A pass or a return also records the stage's decision on the revision.
 */
export async function changeStatus(
  tx: Db,
  actor: Actor,
  target: CaseTarget,
  event: CaseEvent,
  action: AuditAction,
  returnNote?: ReturnNote,
): Promise<Case> {
  const row = await lockCase(tx, target.caseId);
  if (target.baseVersion !== undefined) await checkVersion(tx, row, target.baseVersion, ACTION_LABELS[CASE_EVENT_ACTIONS[event]]);
  if (target.revisionId !== undefined && row.currentRevisionId !== target.revisionId) {
    refuse('你审阅的不是最新版本：案例在你审阅期间已被修改，请查看最新版本后再审核。');
  }
  if (target.stage !== undefined && row.status === 'in_review' && row.reviewStage !== target.stage) {
    refuse('案例已不在你审阅时的审核环节：其他审核人员刚刚处理了这一环节，请刷新页面后再审核。');
  }
  const revision = await revisionById(tx, row.currentRevisionId);
  const step = await stageStep(tx, actor, row, revision, event);
  const next = transition(row.status, event, {
    role: actor.role,
    actorId: actor.id,
    revisionContributorIds: revision.contributorIds,
    submittedById: row.status === 'in_review' ? (row.submittedById ?? row.updatedById) : null,
    finalStage: step.finalStage,
  });
  if (!next.ok) refuse(next.reason);
  if (step.refusal) refuse(step.refusal);
  if (event === 'submit') {
    const errors = blockingFindings(revision.content);
    if (errors.length > 0) refuse('校对发现错误，请改正后再提交审核。', { details: errors });
  }
  const note = returnNote ? { reason: returnNote.reasonLabel, comment: returnNote.comment } : {};
  const updated = await updateCaseVersioned(tx, row, {
    actorId: actor.id,
    action: step.action ?? action,
    set: { status: next.status, updatedById: actor.id, ...step.set },
    before: { status: row.status, ...(row.reviewStage !== null ? { reviewStage: row.reviewStage } : {}) },
    after: { status: next.status, revision: revision.number, ...step.after, ...note },
  });
  if (step.stage && (event === 'approve' || event === 'requestChanges')) {
    await tx.insert(caseStageDecisions).values({
      caseId: row.id,
      revisionId: revision.id,
      stage: step.stage.position,
      stageName: step.stage.name,
      decision: event === 'approve' ? 'pass' : 'return',
      actorId: actor.id,
      reasonId: returnNote?.reasonId ?? null,
      reasonLabel: returnNote?.reasonLabel ?? '',
      comment: returnNote?.comment ?? '',
    });
  }
  return updated;
}

/** Puts the case in review; a stale baseVersion (the case changed since the editor looked) is a conflict. */
export async function submitForReview(db: Db, actor: Actor, input: unknown): Promise<CaseResult> {
  const parsed = authorize(actor, 'case.submit', caseStatusChangeSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => ok({ case: await changeStatus(tx, actor, parsed.data, 'submit', 'case.submit') }));
}

export async function withdrawSubmission(db: Db, actor: Actor, input: unknown): Promise<CaseResult> {
  const parsed = authorize(actor, 'case.withdraw', caseStatusChangeSchema, input);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => ok({ case: await changeStatus(tx, actor, parsed.data, 'withdraw', 'case.withdraw') }));
}
