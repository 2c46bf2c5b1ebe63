import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseStageDecisions, cases, returnReasons, reviewStages, siteSettings, users, type ReturnReason } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { caseLabel } from '@/lib/content/numerals';
import { saveReturnReasonsSchema, saveStagesSchema } from '@/lib/validations/stages';
import { can, permissionDenied, stageConfigProblems, type ReviewStage } from '@/lib/workflow';
import { writeAudit } from './audit';
import { authorize, inTransaction, refuse } from './guard';
import { fail, ok, type Result } from './result';

// The review settings an admin keeps: the stages (初审 → 复审 → 终审) and the stock return reasons.
// Both are saved whole, against a fingerprint of what the admin began from, so two admins never
// overwrite each other unseen.

/** The configured stages in order. Every database has at least one (the migration seeds three). */
export async function readReviewStages(db: Db): Promise<ReviewStage[]> {
  const rows = await db.select().from(reviewStages).orderBy(asc(reviewStages.position));
  return rows.map(({ position, name, roles, userIds, requiredRounds, returnRestarts }) => ({ position, name, roles, userIds, requiredRounds, returnRestarts }));
}

/**
 * The stages, for a decision that moves a case between them (submit, pass): holds the settings row
 * shared until the transaction ends, so a stage configuration saved meanwhile waits for the decision
 * (and then sees where the case went) instead of missing a case it strands.
 */
export async function readReviewStagesForDecision(tx: Db): Promise<ReviewStage[]> {
  await tx.select({ id: siteSettings.id }).from(siteSettings).where(eq(siteSettings.id, 1)).for('share');
  return readReviewStages(tx);
}

/** The return reasons in order; the active ones are offered to reviewers. */
export async function readReturnReasons(db: Db, only: 'active' | 'all' = 'all'): Promise<ReturnReason[]> {
  return db
    .select()
    .from(returnReasons)
    .where(only === 'active' ? eq(returnReasons.active, true) : undefined)
    .orderBy(asc(returnReasons.position), asc(returnReasons.id));
}

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
export const stagesFingerprint = (stages: readonly ReviewStage[]) => fingerprint(stages);
export const reasonsFingerprint = (reasons: readonly ReturnReason[]) => fingerprint(reasons.map(({ id, label, active }) => ({ id, label, active })));

/** An account that may be named at a stage. */
export interface StageCandidate {
  id: number;
  name: string;
  email: string;
  role: 'reviewer' | 'admin';
}

export interface ReviewSettings {
  stages: ReviewStage[];
  stagesBase: string;
  reasons: (ReturnReason & { uses: number })[];
  reasonsBase: string;
  /** Active reviewers and admins, for the named-users picker. */
  candidates: StageCandidate[];
}

/** What the review settings screen shows; admins only. */
export async function loadReviewSettings(db: Db, actor: Actor): Promise<Result<ReviewSettings>> {
  if (!can(actor.role, 'settings.manage')) return fail(permissionDenied('settings.manage'));
  const [stages, reasons, uses, people] = await Promise.all([
    readReviewStages(db),
    readReturnReasons(db),
    db.select({ reasonId: caseStageDecisions.reasonId, n: count() }).from(caseStageDecisions).where(isNotNull(caseStageDecisions.reasonId)).groupBy(caseStageDecisions.reasonId),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ['reviewer', 'admin'])))
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  const used = new Map(uses.map((u) => [u.reasonId, u.n]));
  return ok({
    stages,
    stagesBase: stagesFingerprint(stages),
    reasons: reasons.map((r) => ({ ...r, uses: used.get(r.id) ?? 0 })),
    reasonsBase: reasonsFingerprint(reasons),
    candidates: people.flatMap((p) => (p.role === 'editor' ? [] : [{ ...p, role: p.role }])),
  });
}

/** Settings saves take the one settings row's lock, so two saves of the same list run one after the other. */
async function lockSettings(tx: Db): Promise<void> {
  await tx.select({ id: siteSettings.id }).from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
}

const STALE = '审核设置已被他人修改，请刷新页面，在最新的设置上重新修改后再保存。';

/**
 * Saves the stages, one to three, in order. Refused when cases wait at a stage the save would remove:
 * a stage passes a revision once, so such a case could be neither moved back to a stage it passed
 * nor approved without anyone deciding; those cases are decided or withdrawn first.
 */
export async function saveReviewStages(db: Db, actor: Actor, input: unknown): Promise<Result<{ stages: ReviewStage[]; base: string }>> {
  const parsed = authorize(actor, 'settings.manage', saveStagesSchema, input);
  if (!parsed.ok) return parsed;
  const { base, stages: wanted } = parsed.data;
  return inTransaction(db, async (tx) => {
    await lockSettings(tx);
    const current = await readReviewStages(tx);
    if (stagesFingerprint(current) !== base) refuse(STALE);
    const next: ReviewStage[] = wanted.map((s, i) => ({ ...s, position: i + 1, roles: [...s.roles], userIds: [...s.userIds] }));
    const problems = stageConfigProblems(next);
    if (problems.length > 0) refuse('审核流程设置有误。', { details: problems });
    await checkNamedUsers(tx, next);

    const stranded = await tx
      .select({ id: cases.id, title: cases.title, position: cases.position, reviewStage: cases.reviewStage })
      .from(cases)
      .where(and(eq(cases.status, 'in_review'), gt(cases.reviewStage, next.length)))
      .orderBy(asc(cases.id))
      .limit(20);
    if (stranded.length > 0) {
      const removed = current.filter((s) => s.position > next.length).map((s) => `“${s.name}”`).join('、');
      refuse(`有案例正在${removed}等待审核，不能删除这一环节。请先让这些案例通过或退回（或由提交人撤回），也可以只修改该环节的审核人员。`, {
        details: stranded.map((c) => `${c.position ? caseLabel(c.position) : ''}“${c.title}”：在“${current.find((s) => s.position === c.reviewStage)?.name ?? ''}”等待审核`),
      });
    }

    await tx.delete(reviewStages).where(gt(reviewStages.position, next.length));
    for (const s of next) {
      const values = { name: s.name, roles: [...s.roles], userIds: [...s.userIds], requiredRounds: s.requiredRounds, returnRestarts: s.returnRestarts };
      await tx.insert(reviewStages).values({ position: s.position, ...values }).onConflictDoUpdate({ target: reviewStages.position, set: values });
    }
    // A case returned by a stage that no longer exists starts again at the first stage.
    await tx.update(cases).set({ resumeStage: null }).where(gt(cases.resumeStage, next.length));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'settings.review_stages',
      targetType: 'settings',
      targetId: 'review_stages',
      before: { stages: current.map(auditStage) },
      after: { stages: next.map(auditStage) },
    });
    return ok({ stages: next, base: stagesFingerprint(next) });
  });
}

const auditStage = ({ name, roles, userIds, requiredRounds, returnRestarts }: ReviewStage) => ({ name, roles, userIds, requiredRounds, returnRestarts });

/** Named users must be active accounts that may review: an editor named at a stage could never pass anything. */
async function checkNamedUsers(tx: Db, stages: ReviewStage[]): Promise<void> {
  const ids = Array.from(new Set(stages.flatMap((s) => s.userIds)));
  if (ids.length === 0) return;
  const found = await tx.select({ id: users.id, name: users.name, role: users.role, active: users.active }).from(users).where(inArray(users.id, ids));
  const byId = new Map(found.map((u) => [u.id, u]));
  const fieldErrors: Record<string, string[]> = {};
  stages.forEach((s, i) => {
    const messages = s.userIds.flatMap((id) => {
      const u = byId.get(id);
      if (!u) return ['所选人员的账号不存在，请刷新页面后重新选择'];
      if (!u.active) return [`${u.name}的账号已停用`];
      if (!can(u.role, 'case.approve')) return [`${u.name}是编辑，没有审核权限`];
      return [];
    });
    if (messages.length > 0) fieldErrors[`stages.${i}.userIds`] = messages;
  });
  if (Object.keys(fieldErrors).length > 0) refuse('有的指定人员不能负责审核，请检查标出的环节。', { fieldErrors });
}

/**
 * Saves the return reasons in the order given: renamed, reordered, deactivated, added. A reason
 * left out is deleted, unless a return used it: those stay in the history, so they can only be
 * deactivated.
 */
export async function saveReturnReasons(db: Db, actor: Actor, input: unknown): Promise<Result<{ reasons: ReturnReason[]; base: string }>> {
  const parsed = authorize(actor, 'settings.manage', saveReturnReasonsSchema, input);
  if (!parsed.ok) return parsed;
  const { base, reasons: wanted } = parsed.data;
  return inTransaction(db, async (tx) => {
    await lockSettings(tx);
    const current = await readReturnReasons(tx);
    if (reasonsFingerprint(current) !== base) refuse(STALE);
    const known = new Set(current.map((r) => r.id));
    if (wanted.some((r) => r.id !== null && !known.has(r.id))) refuse(STALE);

    const keptIds = wanted.flatMap((r) => (r.id === null ? [] : [r.id]));
    const dropped = current.filter((r) => !keptIds.includes(r.id));
    if (dropped.length > 0) {
      const used = await tx
        .select({ reasonId: caseStageDecisions.reasonId, n: count() })
        .from(caseStageDecisions)
        .where(inArray(caseStageDecisions.reasonId, dropped.map((r) => r.id)))
        .groupBy(caseStageDecisions.reasonId);
      if (used.length > 0) {
        const names = used.map((u) => `“${dropped.find((r) => r.id === u.reasonId)?.label ?? ''}”（已用于${u.n}次退回）`).join('、');
        refuse(`${names}已在退回记录中使用，不能删除，可以改为停用。`);
      }
      await tx.delete(returnReasons).where(inArray(returnReasons.id, dropped.map((r) => r.id)));
    }
    // Labels are unique: move the kept ones out of the way first, so swapping two names never collides.
    for (const id of keptIds) await tx.update(returnReasons).set({ label: `\u0001${id}:${randomUUID()}` }).where(eq(returnReasons.id, id));
    for (const [i, r] of wanted.entries()) {
      const values = { label: r.label, active: r.active, position: i + 1 };
      if (r.id === null) await tx.insert(returnReasons).values(values);
      else await tx.update(returnReasons).set(values).where(eq(returnReasons.id, r.id));
    }
    const saved = await readReturnReasons(tx);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'settings.return_reasons',
      targetType: 'settings',
      targetId: 'return_reasons',
      before: { reasons: current.map(({ label, active }) => ({ label, active })) },
      after: { reasons: saved.map(({ label, active }) => ({ label, active })) },
    });
    return ok({ reasons: saved, base: reasonsFingerprint(saved) });
  });
}
