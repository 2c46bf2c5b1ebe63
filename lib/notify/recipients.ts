import 'server-only';
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, reviewComments, reviewStages, users } from '@/db/schema';
import type { AuditInput } from '@/lib/services/audit';
import { passDecisionsOf } from '@/lib/services/stage-step';
import { bindingPasses, mayActAtStage, stageAt } from '@/lib/workflow/stages';
import type { NotificationKind } from './kinds';
import type { EmailFacts, InAppFacts } from './messages';

// Who hears of an audited event, read inside the event's transaction, so it sees the state the
// event left. Only active accounts, never the person who acted.

export interface Recipient {
  id: number;
  name: string;
  email: string;
  emailNotifications: boolean;
}

export interface Planned {
  recipient: Recipient;
  kind: NotificationKind;
  caseId: number;
  inApp: InAppFacts;
  email: Omit<EmailFacts, 'recipientName'>;
}

const recipientColumns = { id: users.id, name: users.name, email: users.email, emailNotifications: users.emailNotifications };

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

async function actorName(tx: Db, actorId: number | null): Promise<string | null> {
  if (actorId === null) return null;
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId));
  return row?.name ?? null;
}

async function activeUser(tx: Db, userId: number | null, actorId: number | null): Promise<Recipient | null> {
  if (userId === null || userId === actorId) return null;
  const [row] = await tx
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row ?? null;
}

async function caseRow(tx: Db, caseId: number) {
  const [row] = await tx
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      reviewStage: cases.reviewStage,
      currentRevisionId: cases.currentRevisionId,
      submittedById: cases.submittedById,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** Everyone who may act at the stage the case now waits at, on its current revision (lib/workflow/stages.ts). */
async function stageActors(tx: Db, entry: AuditInput, caseId: number): Promise<Planned[]> {
  const c = await caseRow(tx, caseId);
  if (!c || c.status !== 'in_review' || c.reviewStage === null || c.currentRevisionId === null) return [];
  const stages = await tx.select().from(reviewStages).orderBy(asc(reviewStages.position));
  if (stages.length === 0) return [];
  const stage = stageAt(stages, c.reviewStage);
  const [[revision], decisions, name] = await Promise.all([
    tx.select({ contributorIds: caseRevisions.contributorIds }).from(caseRevisions).where(eq(caseRevisions.id, c.currentRevisionId)),
    passDecisionsOf(tx, c.id),
    actorName(tx, entry.actorId),
  ]);
  const byRoleOrName = or(
    stage.roles.length ? inArray(users.role, [...stage.roles]) : undefined,
    stage.userIds.length ? inArray(users.id, [...stage.userIds]) : undefined,
  );
  if (!byRoleOrName) return [];
  const candidates = await tx
    .select({ ...recipientColumns, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), byRoleOrName, entry.actorId === null ? undefined : ne(users.id, entry.actorId)));
  const facts = { contributorIds: revision?.contributorIds ?? [], passes: bindingPasses(decisions, c.reviewStage, c.currentRevisionId) };
  const submitted = entry.action === 'case.submit';
  return candidates
    .filter((u) => mayActAtStage(stage, u, facts).ok)
    .map((u) => ({
      recipient: { id: u.id, name: u.name, email: u.email, emailNotifications: u.emailNotifications },
      kind: 'case.at_stage' as const,
      caseId: c.id,
      inApp: { kind: 'case.at_stage' as const, caseTitle: c.title, actorName: name, stageName: stage.name, submitted },
      email: { kind: 'case.at_stage' as const, caseId: c.id, actorName: name, stageName: stage.name },
    }));
}

/** A return lands with whoever submitted the case. */
async function submitter(tx: Db, entry: AuditInput, caseId: number): Promise<Planned[]> {
  const c = await caseRow(tx, caseId);
  if (!c || c.status !== 'changes_requested') return [];
  const recipient = await activeUser(tx, c.submittedById, entry.actorId);
  if (!recipient) return [];
  const name = await actorName(tx, entry.actorId);
  const reason = asRecord(entry.after).reason;
  return [
    {
      recipient,
      kind: 'case.returned',
      caseId: c.id,
      inApp: { kind: 'case.returned', caseTitle: c.title, actorName: name, reason: typeof reason === 'string' ? reason : undefined },
      email: { kind: 'case.returned', caseId: c.id, actorName: name },
    },
  ];
}

/** A comment lands with the person it is addressed to (reviewComments.addresseeId). */
async function addressee(tx: Db, entry: AuditInput, caseId: number): Promise<Planned[]> {
  const commentId = asNumber(asRecord(entry.after).commentId);
  if (commentId === null) return [];
  const [comment] = await tx
    .select({ addresseeId: reviewComments.addresseeId, parentId: reviewComments.parentId })
    .from(reviewComments)
    .where(and(eq(reviewComments.id, commentId), eq(reviewComments.caseId, caseId)));
  const recipient = await activeUser(tx, comment?.addresseeId ?? null, entry.actorId);
  const c = recipient && (await caseRow(tx, caseId));
  if (!recipient || !c) return [];
  const name = await actorName(tx, entry.actorId);
  const reply = comment!.parentId !== null;
  return [
    {
      recipient,
      kind: 'comment.addressed',
      caseId: c.id,
      inApp: { kind: 'comment.addressed', caseTitle: c.title, actorName: name, reply },
      email: { kind: 'comment.addressed', caseId: c.id, actorName: name, reply },
    },
  ];
}

/** The audit actions that can land something in a 待办, and who hears of each. */
export const PLANNERS: Partial<Record<AuditInput['action'], (tx: Db, entry: AuditInput, caseId: number) => Promise<Planned[]>>> = {
  'case.submit': stageActors,
  'case.pass_stage': stageActors,
  'case.request_changes': submitter,
  'comment.create': addressee,
  'comment.reply': addressee,
};
