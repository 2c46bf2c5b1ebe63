import 'server-only';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditAction, AuditTargetType } from '@/lib/audit/actions';
import { notifyForAudit } from '@/lib/notify/fan-out';

export interface AuditInput {
  actorId: number | null;
  /** Only names in the audit vocabulary (lib/audit/actions.ts): each has a label in the log. */
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  clientAddress?: string | null;
}

/**
 * Writes one audit entry, and the notifications it lands in someone's 待办 (lib/notify). Call it with
 * the transaction that makes the change, never after it: both then stand or fall with the change.
 */
export async function writeAudit(tx: Db, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId == null ? null : String(entry.targetId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    clientAddress: entry.clientAddress ?? null,
  });
  await notifyForAudit(tx, entry);
}
