import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/db/client';
import { caseCorrections, caseRevisions, cases, issues, publishedCases, users, type Case, type CaseCorrection } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { CASE_STATUS_LABELS, type CaseContent } from '@/lib/content/model';
import { caseLabel } from '@/lib/content/numerals';
import { requestLogger } from '@/lib/log';
import { materializeCase } from '@/lib/publication/materialize';
import { caseRefSchema } from '@/lib/validations/case';
import { CORRECTION_NOTE_REQUIRED, publishCorrectionSchema } from '@/lib/validations/correction';
import { issueRefSchema } from '@/lib/validations/issue';
import { writeAudit } from './audit';
import { lockCaseForContent, revisionById } from './case-write';
import { authorize, inTransaction, refuse } from './guard';
import { errorsToCorrect } from './proofreading';
import { proofreadingErrors, roundsShortfalls } from './publish-gate';
import { publicSiteChanged } from './publishing-log';
import { ok, type Result } from './result';
import { updateCaseVersioned } from './versioned-update';

// Corrections of published cases (更正). An editor corrects a published case as any edit: a new
// revision, reviewed and approved by someone else. When that revision replaces the public text, the
// person publishing it writes the 更正说明 readers see beside the case, dated. It is theirs to write:
// it speaks for the publication, it must describe exactly what goes out (known only once review is
// over), and publishing is their permission. A republish that changes no public text needs no note.

/** Whether readers would see anything different: every field of the content is public. */
export function publicTextChanged(from: CaseContent, to: CaseContent): boolean {
  return !isDeepStrictEqual(from, to);
}

export interface PendingCorrection {
  caseId: number;
  position: number | null;
  title: string;
  from: { id: number; number: number };
  to: { id: number; number: number };
  /** Only a change of public text needs a 更正说明. */
  changed: boolean;
}

/** "典型做法之3“标题”", or the title alone for a case in no issue. */
export function correctionCaseName(c: { position: number | null; title: string }): string {
  return c.position === null ? `“${c.title}”` : `${caseLabel(c.position)}“${c.title}”`;
}

/** Among these cases, those whose approved revision would replace the text the public sees now. */
export async function pendingCorrections(tx: Db, rows: readonly Case[]): Promise<PendingCorrection[]> {
  const candidates = rows.filter(
    (r) => r.status === 'approved' && r.publishedRevisionId !== null && r.approvedRevisionId !== null && r.approvedRevisionId !== r.publishedRevisionId,
  );
  if (candidates.length === 0) return [];
  const ids = candidates.flatMap((r) => [r.publishedRevisionId!, r.approvedRevisionId!]);
  const revisions = await tx
    .select({ id: caseRevisions.id, number: caseRevisions.number, content: caseRevisions.content })
    .from(caseRevisions)
    .where(inArray(caseRevisions.id, ids));
  const byId = new Map(revisions.map((r) => [r.id, r]));
  return candidates.map((r) => {
    const from = byId.get(r.publishedRevisionId!)!;
    const to = byId.get(r.approvedRevisionId!)!;
    return {
      caseId: r.id,
      position: r.position,
      title: r.title,
      from: { id: from.id, number: from.number },
      to: { id: to.id, number: to.number },
      changed: publicTextChanged(from.content, to.content),
    };
  });
}

/**
 * Checks the notes given for a publish against the corrections it would make, before anything is
 * written: every change of public text has a note, and no note is given where nothing changes.
 */
export function assertCorrectionNotes(pending: readonly PendingCorrection[], notes: ReadonlyMap<number, string>): void {
  const changed = pending.filter((p) => p.changed);
  const missing = changed.filter((p) => !notes.get(p.caseId));
  if (missing.length > 0) {
    refuse(`本期有${missing.length}个已发布的案例改动了公开的文字，发布前需为每个案例写更正说明。`, {
      details: missing.map((p) => `${correctionCaseName(p)}：第${p.from.number}版 → 第${p.to.number}版`),
      fieldErrors: { corrections: [CORRECTION_NOTE_REQUIRED] },
    });
  }
  const stray = [...notes].filter(([caseId, note]) => note && !changed.some((p) => p.caseId === caseId));
  if (stray.length > 0) {
    refuse('更正说明只写给公开文字有改动的已发布案例；有的说明找不到对应的更正，请刷新页面后再发布。', { fieldErrors: { corrections: ['有更正说明不对应任何更正'] } });
  }
}

/** Records one correction as published now; the caller puts the text out and writes the audit. */
export async function recordCorrection(tx: Db, actorId: number | null, pending: PendingCorrection, note: string, now: Date): Promise<CaseCorrection> {
  const [row] = await tx
    .insert(caseCorrections)
    .values({ caseId: pending.caseId, fromRevisionId: pending.from.id, toRevisionId: pending.to.id, note, publishedById: actorId, publishedAt: now })
    .returning();
  return row!;
}

/** The audit of a correction that went out with its issue (a 发布更正 on its own audits the case row's change). */
export async function auditCorrection(tx: Db, actorId: number | null, pending: PendingCorrection, note: string): Promise<void> {
  await writeAudit(tx, {
    actorId,
    action: 'case.publish_correction',
    targetType: 'case',
    targetId: pending.caseId,
    before: { status: 'approved', revision: pending.from.number },
    after: { status: 'published', revision: pending.to.number, note },
  });
}

/** The rest of the issue as the public sees it, for the cross-case check of a corrected case. */
async function publicContentsOfIssue(tx: Db, issueId: number, except: number): Promise<{ row: Case; content: CaseContent }[]> {
  const rows = await tx
    .select({ row: cases, content: caseRevisions.content })
    .from(cases)
    .innerJoin(publishedCases, eq(publishedCases.caseId, cases.id))
    .innerJoin(caseRevisions, eq(caseRevisions.id, publishedCases.revisionId))
    .where(eq(cases.issueId, issueId))
    .orderBy(asc(cases.position));
  return rows.filter((r) => r.row.id !== except);
}

/**
 * 发布更正: puts the approved revision of one published case out on its own, with its 更正说明,
 * leaving the rest of the issue as readers see it. The same rules as publishing the issue hold for
 * this case: someone other than its writers approved it (lib/workflow), and the text passes the
 * proofreader, also against the other cases of its issue. All or nothing.
 */
export async function publishCorrection(
  db: Db,
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
): Promise<Result<{ case: Case; correction: CaseCorrection | null }>> {
  const parsed = authorize(actor, 'issue.publish', publishCorrectionSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, revisionId, note } = parsed.data;
  return inTransaction(db, async (tx) => {
    // Locks the issue (shared) before the case, as every service does: publishing the whole issue
    // at the same moment waits for this, or this for it.
    const row = await lockCaseForContent(tx, caseId);
    const [issue] = row.issueId === null ? [] : await tx.select().from(issues).where(eq(issues.id, row.issueId));
    const [publicCopy] = await tx.select({ caseId: publishedCases.caseId }).from(publishedCases).where(eq(publishedCases.caseId, caseId));
    if (!issue || issue.status !== 'published' || !publicCopy || row.publishedRevisionId === null) {
      refuse('本案例尚未发布，没有可发布的更正；请随所在的一期发布。');
    }
    if (row.status === 'published') refuse('本案例没有待发布的更正：公众看到的已是最新审核通过的版本。');
    if (row.status !== 'approved') refuse(`本案例的修改尚未审核通过（当前为“${CASE_STATUS_LABELS[row.status]}”），审核通过后才能发布更正。`);
    if (row.approvedRevisionId !== revisionId) refuse('你看到的不是最新审核通过的版本：案例在此期间有了变化，请刷新页面后再发布。');

    const [pending] = await pendingCorrections(tx, [row]);
    const revision = await revisionById(tx, revisionId);
    const errors = proofreadingErrors([{ row, content: revision.content }, ...(await publicContentsOfIssue(tx, issue.id, row.id))], (r) => r.id === row.id);
    if (errors.length > 0) refuse('校对发现错误，更正不能发布。', { details: errors });
    const short = await roundsShortfalls(tx, [row]);
    if (short.length > 0) refuse('校次不足，更正不能发布。', { details: short });
    if (pending?.changed && !note) refuse('请填写更正说明。', { fieldErrors: { note: [CORRECTION_NOTE_REQUIRED] } });

    const correction = pending?.changed ? await recordCorrection(tx, actor.id, pending, note, now) : null;
    await materializeCase(tx, row.id, revision);
    const updated = await updateCaseVersioned(tx, row, {
      actorId: actor.id,
      action: 'case.publish_correction',
      // The gate has just found no error in this text: nothing left to correct.
      set: { status: 'published', publishedRevisionId: revision.id, publishedErrors: 0 },
      before: { status: row.status, revision: pending?.from.number ?? null },
      after: { status: 'published', revision: revision.number, ...(correction ? { note } : {}) },
    });
    return ok({ case: updated, correction });
  }).then(async (result) => {
    // After the commit, as for a publish of the issue: logged, and the static snapshot follows.
    if (result.ok) {
      const what = `${correctionCaseName(result.case)}${result.correction ? '已发布更正' : '已发布新版本'}`;
      (await requestLogger()).info({ event: 'case.publish_correction', caseId, actorId: actor.id }, what);
      publicSiteChanged(what);
    }
    return result;
  });
}

/** The corrections publishing an issue would make now, for the publish dialog to ask a note for each changed text. */
export async function listPendingCorrections(db: Db, actor: Actor, input: unknown): Promise<Result<{ corrections: PendingCorrection[] }>> {
  const parsed = authorize(actor, 'case.read', issueRefSchema, input);
  if (!parsed.ok) return parsed;
  const rows = await db.select().from(cases).where(eq(cases.issueId, parsed.data.issueId)).orderBy(asc(cases.position));
  return ok({ corrections: await pendingCorrections(db, rows) });
}

export interface CorrectionView {
  id: number;
  fromNumber: number;
  toNumber: number;
  note: string;
  publishedAt: Date;
  publishedByName: string | null;
}

/** A case's corrections as the admin shows them, oldest first: 第N版 → 第M版, who, when, the note. */
export async function listCorrections(db: Db, actor: Actor, input: unknown): Promise<Result<{ corrections: CorrectionView[] }>> {
  const parsed = authorize(actor, 'case.read', caseRefSchema, input);
  if (!parsed.ok) return parsed;
  const from = alias(caseRevisions, 'from_revision');
  const to = alias(caseRevisions, 'to_revision');
  const rows = await db
    .select({
      id: caseCorrections.id,
      fromNumber: from.number,
      toNumber: to.number,
      note: caseCorrections.note,
      publishedAt: caseCorrections.publishedAt,
      publishedByName: users.name,
    })
    .from(caseCorrections)
    .innerJoin(from, eq(from.id, caseCorrections.fromRevisionId))
    .innerJoin(to, eq(to.id, caseCorrections.toRevisionId))
    .leftJoin(users, eq(users.id, caseCorrections.publishedById))
    .where(eq(caseCorrections.caseId, parsed.data.caseId))
    .orderBy(asc(caseCorrections.publishedAt), asc(caseCorrections.id));
  return ok({ corrections: rows });
}

/**
 * Counts the errors in the public text of cases published before the count existed (left NULL by
 * the migration). Returns how many cases it counted. Cheap when there are none.
 */
export async function countUncheckedPublishedErrors(db: Db): Promise<number> {
  const rows = await db
    .select({ id: cases.id, content: caseRevisions.content })
    .from(cases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, cases.publishedRevisionId))
    .where(and(isNotNull(cases.publishedRevisionId), isNull(cases.publishedErrors)));
  for (const r of rows) {
    // Bookkeeping, not an edit: the row's version and updatedAt stay as they were.
    await db
      .update(cases)
      .set({ publishedErrors: errorsToCorrect(r.content), updatedAt: sql`${cases.updatedAt}` })
      .where(and(eq(cases.id, r.id), isNull(cases.publishedErrors)));
  }
  return rows.length;
}
