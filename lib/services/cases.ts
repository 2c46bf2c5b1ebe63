import 'server-only';
import type { Db } from '@/db/client';
import type { cases, Case, CaseRevision } from '@/db/schema';
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

/** Which case a status change is about; baseVersion, when given, is the version the user acted on. */
export interface CaseTarget {
  caseId: number;
  baseVersion?: number;
}

/** A status-only change of a case: lock, check the version, ask the workflow, write, audit. */
export async function changeStatus(
  tx: Db,
  actor: Actor,
  target: CaseTarget,
  event: CaseEvent,
  action: AuditAction,
  extra: (row: Case) => Partial<typeof cases.$inferInsert> = () => ({}),
): Promise<Case> {
  const row = await lockCase(tx, target.caseId);
  if (target.baseVersion !== undefined) await checkVersion(tx, row, target.baseVersion, ACTION_LABELS[CASE_EVENT_ACTIONS[event]]);
  const revision = await revisionById(tx, row.currentRevisionId);
  const next = transition(row.status, event, {
    role: actor.role,
    actorId: actor.id,
    revisionContributorIds: revision.contributorIds,
    // While a case is in review nothing but the submission has changed its row since.
    submittedById: row.status === 'in_review' ? row.updatedById : null,
  });
  if (!next.ok) refuse(next.reason);
  if (event === 'submit') {
    const errors = blockingFindings(revision.content);
    if (errors.length > 0) refuse('校对发现错误，请改正后再提交审核。', { details: errors });
  }
  return updateCaseVersioned(tx, row, {
    actorId: actor.id,
    action,
    set: { status: next.status, updatedById: actor.id, ...extra(row) },
    before: { status: row.status },
    after: { status: next.status, revision: revision.number },
  });
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
