import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { proofreadingRounds, type ProofreadingRound } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { CASE_STATUS_LABELS } from '@/lib/content/model';
import { errorsFirst, proofreadCase } from '@/lib/proofread';
import { recordRoundSchema } from '@/lib/validations/stages';
import { MAX_ROUNDS } from '@/lib/workflow';
import { writeAudit } from './audit';
import { lockCase, revisionById } from './case-write';
import { authorize, inTransaction, refuse } from './guard';
import { ok, type Result } from './result';
import { roundsOn } from './stage-step';

// 校次 (一校, 二校, 三校): a reviewer records that they proofread the revision, and the checker's findings
// at that moment are kept with the round, as the review page showed them.

/**
 * Records the next round on the revision the reviewer read, while the case is in review (or
 * approved and not yet out, when the configuration came to require more rounds since). Someone
 * whose text is in the revision cannot vouch for having proofread it.
 */
export async function recordRound(db: Db, actor: Actor, input: unknown): Promise<Result<{ round: ProofreadingRound }>> {
  const parsed = authorize(actor, 'case.proofread', recordRoundSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, revisionId, note } = parsed.data;
  return inTransaction(db, async (tx) => {
    // The row lock makes two reviewers recording at once number their rounds one after the other.
    const row = await lockCase(tx, caseId);
    if (row.status !== 'in_review' && row.status !== 'approved') {
      refuse(`案例当前为“${CASE_STATUS_LABELS[row.status]}”，只有审核中或已通过待发布的案例可以记录校次。`);
    }
    if (row.currentRevisionId !== revisionId) refuse('你校对的不是最新版本：案例在此期间已被修改，请查看最新版本后再记录校次。');
    const revision = await revisionById(tx, revisionId);
    if (revision.contributorIds.includes(actor.id)) refuse('这一版含有你自己撰写的内容，校对需由其他人完成。');
    const round = (await roundsOn(tx, revisionId)) + 1;
    if (round > MAX_ROUNDS) refuse(`这一版已记录${MAX_ROUNDS}次校对，不能再记录。`);
    const findings = errorsFirst(proofreadCase(revision.content));
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const [saved] = await tx
      .insert(proofreadingRounds)
      .values({ caseId, revisionId, round, actorId: actor.id, errors, warnings, findings, note })
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'case.record_round',
      targetType: 'case',
      targetId: caseId,
      after: { round, revision: revision.number, errors, warnings, ...(note ? { comment: note } : {}) },
    });
    return ok({ round: saved! });
  });
}

/** The rounds recorded on a revision, in order. */
export async function roundsOfRevision(db: Db, revisionId: number): Promise<ProofreadingRound[]> {
  return db.select().from(proofreadingRounds).where(eq(proofreadingRounds.revisionId, revisionId)).orderBy(asc(proofreadingRounds.round));
}
