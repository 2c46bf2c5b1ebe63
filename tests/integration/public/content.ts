// Puts content into every state a case can be in by the services the newsroom uses (create, submit,
// review, publish, unpublish, schedule, edit), so what the public site is tested against is what
// those services really leave behind. No test-only writer of the read model.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import { createCase, saveCase, submitForReview } from '@/lib/services/cases';
import { publishCorrection as publishCorrectionService } from '@/lib/services/corrections';
import { addCaseToIssue, createIssue as createIssueService, updateIssue } from '@/lib/services/issues';
import { publishIssue as publishService, scheduleIssue, unpublishIssue as unpublishService } from '@/lib/services/publishing';
import type { Result } from '@/lib/services/result';
import { requestChanges } from '@/lib/services/reviews';
import { createActor, sampleContent } from '../support/fixtures';
import { approveFully, reasonId } from '../support/stages';

/** Who does the work: the editor writes, the reviewer (never the writer) approves and publishes. */
export interface Staff {
  editor: Actor;
  reviewer: Actor;
}

export async function createStaff(db: Db): Promise<Staff> {
  return { editor: await createActor(db, 'editor'), reviewer: await createActor(db, 'reviewer') };
}

/** A service's success, or an error with its own message (this also runs outside vitest). */
function must<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.details ?? result.fieldErrors ?? '')}`);
  return result;
}

/** Content whose every field carries the marker, so a leak through any field is seen. */
export function markedContent(marker: string, overrides: Partial<CaseContent> = {}): CaseContent {
  return sampleContent({
    title: `${marker} 浙江省义乌市住房公积金制度改革`,
    lead: '',
    sections: [
      { kind: 'practice', heading: '主要做法', body: `一是推进住房公积金缴存扩面，${marker}。二是优化教育服务。` },
      { kind: 'outcome', heading: '主要成效', body: `成效明显（${marker}）。` },
    ],
    tags: ['住房保障', marker],
    ...overrides,
  });
}

export async function createIssue(db: Db, staff: Staff, number: number, title: string, foreword = ''): Promise<number> {
  return must(await createIssueService(db, staff.editor, { number, title, foreword })).issue.id;
}

export type WorkingStatus = 'draft' | 'in_review' | 'changes_requested' | 'approved';

/** A case written by the editor, placed in the issue (last) when one is given, and taken to status. */
export async function addCase(db: Db, staff: Staff, content: CaseContent, issueId: number | null, status: WorkingStatus = 'draft'): Promise<number> {
  const created = must(await createCase(db, staff.editor, { content })).case;
  if (issueId !== null) must(await addCaseToIssue(db, staff.editor, { issueId, caseId: created.id }));
  if (status === 'draft') return created.id;
  const inReview = must(await submitForReview(db, staff.editor, { caseId: created.id, baseVersion: created.version })).case;
  if (status === 'changes_requested') must(await requestChanges(db, staff.reviewer, { caseId: created.id, reasonId: await reasonId(db), comment: '请补充数据。' }));
  if (status === 'approved') must(await approveFully(db, staff.reviewer, { caseId: created.id, revisionId: inReview.currentRevisionId }));
  return created.id;
}

export async function publishIssue(db: Db, staff: Staff, issueId: number): Promise<void> {
  must(await publishService(db, staff.reviewer, { issueId }));
}

export async function unpublishIssue(db: Db, staff: Staff, issueId: number): Promise<void> {
  must(await unpublishService(db, staff.reviewer, { issueId }));
}

export async function scheduleIssueAt(db: Db, staff: Staff, issueId: number, scheduledAt: Date): Promise<void> {
  must(await scheduleIssue(db, staff.reviewer, { issueId, scheduledAt: scheduledAt.toISOString() }));
}

/** The editor's new working revision of a case, saved on the version the editor sees now. */
export async function reviseCase(db: Db, staff: Staff, caseId: number, content: CaseContent, status: 'draft' | 'approved' = 'draft'): Promise<void> {
  const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  const saved = must(await saveCase(db, staff.editor, { caseId, baseVersion: row!.version, content })).case;
  if (status === 'draft') return;
  const inReview = must(await submitForReview(db, staff.editor, { caseId, baseVersion: saved.version })).case;
  must(await approveFully(db, staff.reviewer, { caseId, revisionId: inReview.currentRevisionId }));
}

/** The editor's change of an issue's number, theme or foreword, saved on the version the editor sees now. */
export async function reviseIssue(db: Db, staff: Staff, issueId: number, fields: Partial<{ number: number; title: string; foreword: string }>): Promise<void> {
  const [row] = await db.select().from(issues).where(eq(issues.id, issueId));
  const { number, title, foreword } = { ...row!, ...fields };
  must(await updateIssue(db, staff.editor, { issueId, baseVersion: row!.version, number, title, foreword }));
}

/** 发布更正 by the reviewer of the case's approved revision (or its current one, when none is approved), with this note. */
export async function tryCorrection(db: Db, staff: Staff, caseId: number, note: string): Promise<Result<object>> {
  const [row] = await db.select({ approved: cases.approvedRevisionId, current: cases.currentRevisionId }).from(cases).where(eq(cases.id, caseId));
  return publishCorrectionService(db, staff.reviewer, { caseId, revisionId: row!.approved ?? row!.current, note });
}

/** A published case corrected as the newsroom does it: revised, reviewed, approved, then published with its 更正说明. */
export async function correctCase(db: Db, staff: Staff, caseId: number, content: CaseContent, note: string): Promise<void> {
  await reviseCase(db, staff, caseId, content, 'approved');
  must(await tryCorrection(db, staff, caseId, note));
}

/** A correction the services must refuse; a success here means a note reached the public it should not have. */
export async function refusedCorrection(db: Db, staff: Staff, caseId: number, note: string): Promise<void> {
  const result = await tryCorrection(db, staff, caseId, note);
  if (result.ok) throw new Error(`the correction of case ${caseId} with "${note.slice(0, 40)}" should have been refused`);
}
