import 'server-only';
import { eq, max } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues, type Case, type CaseRevision } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import { caseContentLock, revisionContributors, transition } from '@/lib/workflow';
import { changedFields, conflictMessage, conflictSince } from './case-changes';
import { appendRevision, denormalizedColumns } from './case-store';
import { refuse } from './guard';
import { updateCaseVersioned } from './versioned-update';

// Shared by the services that change a case row: locking, the version check, the new revision.

/** Reads and row-locks a case for the rest of the transaction; refuses if it does not exist. */
export async function lockCase(tx: Db, caseId: number): Promise<Case> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) refuse('案例不存在或已被删除。');
  return row;
}

/**
 * Locks a case for a content change, together with its issue, and refuses while that issue is
 * scheduled. The issue is locked first (shared, so cases of one issue are still edited side by side)
 * and the case second, the order every issue service uses, so an edit and a schedule, an add or a
 * publish wait for each other instead of deadlocking. Moving a case between issues locks the issue
 * it leaves, so once both locks are held the case cannot have moved; if it moved just before, the
 * loop takes the new issue.
 */
export async function lockCaseForContent(tx: Db, caseId: number): Promise<Case> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [peek] = await tx.select({ issueId: cases.issueId }).from(cases).where(eq(cases.id, caseId));
    if (!peek) refuse('案例不存在或已被删除。');
    const [issue] = peek.issueId === null ? [] : await tx.select().from(issues).where(eq(issues.id, peek.issueId)).for('share');
    const row = await lockCase(tx, caseId);
    if (row.issueId !== peek.issueId) continue;
    const reason = caseContentLock(issue ?? null);
    if (reason) refuse(reason);
    return row;
  }
  return refuse('案例刚被移入或移出一期，请刷新后重试。');
}

export async function revisionById(tx: Db, revisionId: number | null): Promise<CaseRevision> {
  const [revision] = revisionId === null ? [] : await tx.select().from(caseRevisions).where(eq(caseRevisions.id, revisionId));
  if (!revision) throw new Error(`case revision ${revisionId} missing`);
  return revision;
}

/** Refuses with who-changed-what when the editor's base version is no longer current.
 *  attempted names what was refused when it was not a save (提交审核, 撤回提交). */
export async function checkVersion(tx: Db, row: Case, baseVersion: number, attempted?: string): Promise<void> {
  if (row.version === baseVersion) return;
  const conflict = await conflictSince(tx, { type: 'case', id: row.id }, baseVersion, row.version);
  refuse(conflictMessage(conflict, '案例', attempted), { conflict });
}

export interface ContentWrite {
  content: CaseContent;
  note: string;
  action: 'case.save' | 'case.restore';
  /** The revision whose text the new one carries forward: the current one for a save, the restored one for a restore. */
  source?: CaseRevision;
  extraAudit?: Record<string, unknown>;
}

/**
 * Makes content the case's current content as a new revision (history is never rewritten).
 * Returns null when the content is unchanged: no revision, no status change.
 * Lock the row with lockCaseForContent first.
 */
export async function writeCaseContent(tx: Db, row: Case, actor: Actor, write: ContentWrite) {
  const current = await revisionById(tx, row.currentRevisionId);
  const next = transition(row.status, 'edit', {
    role: actor.role,
    actorId: actor.id,
    revisionContributorIds: current.contributorIds,
    submittedById: null,
  });
  if (!next.ok) refuse(next.reason);
  if (isDeepStrictEqual(current.content, write.content)) return null;

  const source = write.source ?? current;
  const contributorIds = revisionContributors(actor.id, { contributorIds: source.contributorIds, approved: source.approvedAt !== null });
  const [{ last } = { last: 0 }] = await tx.select({ last: max(caseRevisions.number) }).from(caseRevisions).where(eq(caseRevisions.caseId, row.id));
  const revision = await appendRevision(tx, row.id, (last ?? 0) + 1, actor.id, write.content, write.note, contributorIds);
  const updated = await updateCaseVersioned(tx, row, {
    actorId: actor.id,
    action: write.action,
    set: {
      ...denormalizedColumns(write.content),
      currentRevisionId: revision.id,
      status: next.status,
      // An approval is of one revision; a new revision needs a new one.
      approvedRevisionId: null,
      updatedById: actor.id,
    },
    before: { status: row.status, revision: current.number },
    after: { status: next.status, revision: revision.number, fields: changedFields(current.content, write.content), ...write.extraAudit },
  });
  return { case: updated, revision };
}
