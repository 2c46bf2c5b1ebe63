import 'server-only';
import { eq } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { cases, issues, type Case, type Issue } from '@/db/schema';
import { writeAudit, type AuditInput } from './audit';

// Every change to a case or issue row moves its version on by one (the stale-save check reads it)
// and writes its audit entry in the same transaction. This is that shape, written once.

export interface VersionedChange<Set> {
  actorId: number | null;
  action: AuditInput['action'];
  set: Set;
  /** Audit details besides the version, which is added to both sides. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

function auditOf(targetType: 'case' | 'issue', row: { id: number; version: number }, change: VersionedChange<unknown>): AuditInput {
  return {
    actorId: change.actorId,
    action: change.action,
    targetType,
    targetId: row.id,
    before: { ...change.before, version: row.version },
    after: { ...change.after, version: row.version + 1 },
  };
}

/** Updates a locked issue row, one version on, with its audit entry. */
export async function updateIssueVersioned(tx: Db, row: Issue, change: VersionedChange<PgUpdateSetSource<typeof issues>>): Promise<Issue> {
  const [updated] = await tx
    .update(issues)
    .set({ ...change.set, version: row.version + 1 })
    .where(eq(issues.id, row.id))
    .returning();
  await writeAudit(tx, auditOf('issue', row, change));
  return updated!;
}

/** Updates a locked case row, one version on, with its audit entry. */
export async function updateCaseVersioned(tx: Db, row: Case, change: VersionedChange<PgUpdateSetSource<typeof cases>>): Promise<Case> {
  const [updated] = await tx
    .update(cases)
    .set({ ...change.set, version: row.version + 1 })
    .where(eq(cases.id, row.id))
    .returning();
  await writeAudit(tx, auditOf('case', row, change));
  return updated!;
}
