import 'server-only';
import { eq, max } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/db/client';
import { caseRevisions, cases, type Case, type CaseRevision } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import { transition } from '@/lib/workflow';
import { writeAudit } from './audit';
import { changedFields, conflictMessage, conflictSince } from './case-changes';
import { appendRevision, denormalizedColumns } from './case-store';
import { refuse } from './guard';

// Shared by the services that change a case row: locking, the version check, the new revision.

/** Reads and row-locks a case for the rest of the transaction; refuses if it does not exist. */
export async function lockCase(tx: Db, caseId: number): Promise<Case> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) refuse('案例不存在或已被删除。');
  return row;
}

export async function revisionById(tx: Db, revisionId: number | null): Promise<CaseRevision> {
  const [revision] = revisionId === null ? [] : await tx.select().from(caseRevisions).where(eq(caseRevisions.id, revisionId));
  if (!revision) throw new Error(`case revision ${revisionId} missing`);
  return revision;
}

/** Refuses with who-changed-what when the editor's base version is no longer current. */
export async function checkVersion(tx: Db, row: Case, baseVersion: number): Promise<void> {
  if (row.version === baseVersion) return;
  const conflict = await conflictSince(tx, { type: 'case', id: row.id }, baseVersion, row.version);
  refuse(conflictMessage(conflict), { conflict });
}

export interface ContentWrite {
  content: CaseContent;
  note: string;
  action: 'case.save' | 'case.restore';
  extraAudit?: Record<string, unknown>;
}

/**
 * Makes content the case's current content as a new revision (history is never rewritten).
 * Returns null when the content is unchanged: no revision, no status change.
 */
export async function writeCaseContent(tx: Db, row: Case, actor: Actor, write: ContentWrite) {
  const current = await revisionById(tx, row.currentRevisionId);
  const next = transition(row.status, 'edit', {
    role: actor.role,
    actorId: actor.id,
    revisionAuthorId: current.authorId,
    submittedById: null,
  });
  if (!next.ok) refuse(next.reason);
  if (isDeepStrictEqual(current.content, write.content)) return null;

  const [{ last } = { last: 0 }] = await tx.select({ last: max(caseRevisions.number) }).from(caseRevisions).where(eq(caseRevisions.caseId, row.id));
  const revision = await appendRevision(tx, row.id, (last ?? 0) + 1, actor.id, write.content, write.note);
  const [updated] = await tx
    .update(cases)
    .set({
      ...denormalizedColumns(write.content),
      currentRevisionId: revision.id,
      status: next.status,
      // An approval is of one revision; a new revision needs a new one.
      approvedRevisionId: null,
      version: row.version + 1,
      updatedById: actor.id,
    })
    .where(eq(cases.id, row.id))
    .returning();
  const fields = changedFields(current.content, write.content);
  await writeAudit(tx, {
    actorId: actor.id,
    action: write.action,
    targetType: 'case',
    targetId: row.id,
    before: { version: row.version, status: row.status, revision: current.number },
    after: { version: row.version + 1, status: next.status, revision: revision.number, fields, ...write.extraAudit },
  });
  return { case: updated!, revision };
}
