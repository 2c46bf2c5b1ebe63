import 'server-only';
import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issueSections, type Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assignSectionSchema, createSectionSchema, MAX_SECTIONS_PER_ISSUE, renameSectionSchema, reorderSectionsSchema, sectionRefSchema } from '@/lib/validations/issue';
import { issueFieldsLock } from '@/lib/workflow';
import { writeAudit } from './audit';
import { authorize, inTransaction, refuse } from './guard';
import { arrangeToc, lockArrangeableIssue, lockIssue, tocOf } from './issues';
import { ok, type Result } from './result';

// 栏目: the sections of an issue's table of contents. Cases without a 栏目 come first, then each
// 栏目 with its cases in order (lib/content/toc.ts); 典型做法之N follows that order, so every change
// here renumbers the cases in the same transaction. Adding, removing and moving change what is
// numbered and are locked like the cases themselves while the issue is scheduled or published; a
// rename changes only a heading and is allowed on a published issue, reaching readers when it is
// published again (lib/services/publish-gate.ts notices).

type SectionsResult = Result<{ sections: { id: number; title: string }[]; caseIds: number[] }>;

async function lockRenamableIssue(tx: Db, issueId: number): Promise<Issue> {
  const issue = await lockIssue(tx, issueId);
  const locked = issueFieldsLock(issue);
  if (locked) refuse(locked);
  return issue;
}

function refuseDuplicate(sections: readonly { id: number; title: string }[], title: string, except: number | null = null): void {
  if (sections.some((s) => s.title === title && s.id !== except)) {
    refuse(`本期已有栏目“${title}”。`, { fieldErrors: { title: [`本期已有栏目“${title}”，请换一个名称`] } });
  }
}

/** The contents before and after, as the audit records them: 栏目 titles and the case order. */
async function auditSections(tx: Db, actor: Actor, issue: Issue, before: Awaited<ReturnType<typeof tocOf>>): Promise<SectionsResult> {
  const after = await tocOf(tx, issue.id);
  const caseIds = after.cases.map((c) => c.id);
  const beforeIds = before.cases.map((c) => c.id);
  const moved = caseIds.some((id, i) => beforeIds[i] !== id);
  await writeAudit(tx, {
    actorId: actor.id,
    action: 'issue.sections',
    targetType: 'issue',
    targetId: issue.id,
    before: { sections: before.sections.map((s) => s.title), ...(moved ? { caseIds: beforeIds } : {}) },
    after: { sections: after.sections.map((s) => s.title), ...(moved ? { caseIds } : {}) },
  });
  return ok({ sections: after.sections, caseIds });
}

export async function createIssueSection(db: Db, actor: Actor, input: unknown): Promise<SectionsResult> {
  const parsed = authorize(actor, 'issue.arrange', createSectionSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, title } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockArrangeableIssue(tx, issueId);
    const before = await tocOf(tx, issueId);
    refuseDuplicate(before.sections, title);
    if (before.sections.length >= MAX_SECTIONS_PER_ISSUE) refuse(`一期的栏目不超过${MAX_SECTIONS_PER_ISSUE}个。`);
    const [{ top } = { top: 0 }] = await tx.select({ top: max(issueSections.position) }).from(issueSections).where(eq(issueSections.issueId, issueId));
    await tx.insert(issueSections).values({ issueId, title, position: (top ?? 0) + 1 });
    return auditSections(tx, actor, issue, before);
  });
}

export async function renameIssueSection(db: Db, actor: Actor, input: unknown): Promise<SectionsResult> {
  const parsed = authorize(actor, 'issue.arrange', renameSectionSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, sectionId, title } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockRenamableIssue(tx, issueId);
    const before = await tocOf(tx, issueId);
    const section = before.sections.find((s) => s.id === sectionId);
    if (!section) refuse('这个栏目不在本期中，可能已被删除，请刷新页面。');
    if (section.title === title) return ok({ sections: before.sections, caseIds: before.cases.map((c) => c.id) });
    refuseDuplicate(before.sections, title, sectionId);
    await tx.update(issueSections).set({ title }).where(eq(issueSections.id, sectionId));
    return auditSections(tx, actor, issue, before);
  });
}

/** Puts the 栏目 in the given order; the list must name exactly the issue's 栏目. Cases follow their 栏目. */
export async function reorderIssueSections(db: Db, actor: Actor, input: unknown): Promise<SectionsResult> {
  const parsed = authorize(actor, 'issue.arrange', reorderSectionsSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, sectionIds } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockArrangeableIssue(tx, issueId);
    const before = await tocOf(tx, issueId);
    const same = before.sectionIds.length === sectionIds.length && before.sectionIds.every((id) => sectionIds.includes(id));
    if (!same) refuse('本期的栏目已被其他人调整，请刷新后重新排序。');
    if (before.sectionIds.every((id, i) => id === sectionIds[i])) return ok({ sections: before.sections, caseIds: before.cases.map((c) => c.id) });
    // Out of the way first, then in place: two 栏目 never hold one position (as for cases).
    const offset = sectionIds.length + 1;
    await tx.update(issueSections).set({ position: sql`${issueSections.position} + ${offset}` }).where(eq(issueSections.issueId, issueId));
    for (const [index, id] of sectionIds.entries()) await tx.update(issueSections).set({ position: index + 1 }).where(eq(issueSections.id, id));
    await arrangeToc(tx, issueId);
    return auditSections(tx, actor, issue, before);
  });
}

/** Deletes a 栏目; its cases stay in the issue, listed under none (at the end of those). */
export async function deleteIssueSection(db: Db, actor: Actor, input: unknown): Promise<SectionsResult> {
  const parsed = authorize(actor, 'issue.arrange', sectionRefSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, sectionId } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockArrangeableIssue(tx, issueId);
    const before = await tocOf(tx, issueId);
    if (!before.sectionIds.includes(sectionId)) refuse('这个栏目不在本期中，可能已被删除，请刷新页面。');
    await tx.update(cases).set({ sectionId: null }).where(and(eq(cases.issueId, issueId), eq(cases.sectionId, sectionId)));
    await tx.delete(issueSections).where(eq(issueSections.id, sectionId));
    // The 栏目 after it move up, so positions stay 1..n.
    const rest = before.sectionIds.filter((id) => id !== sectionId);
    for (const [index, id] of rest.entries()) await tx.update(issueSections).set({ position: index + 1 }).where(eq(issueSections.id, id));
    await arrangeToc(tx, issueId);
    return auditSections(tx, actor, issue, before);
  });
}

/** Lists a case under a 栏目 of its issue (at the end of it) or under none, and renumbers the cases. */
export async function assignCaseSection(db: Db, actor: Actor, input: unknown): Promise<Result<{ caseIds: number[]; position: number }>> {
  const parsed = authorize(actor, 'issue.arrange', assignSectionSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, caseId, sectionId } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockArrangeableIssue(tx, issueId);
    const before = await tocOf(tx, issueId);
    const row = before.cases.find((c) => c.id === caseId);
    if (!row) refuse('该案例不在本期中。');
    if (sectionId !== null && !before.sectionIds.includes(sectionId)) refuse('这个栏目不在本期中，可能已被删除，请刷新页面。');
    const caseIds = before.cases.map((c) => c.id);
    if (row.sectionId === sectionId) return ok({ caseIds, position: caseIds.indexOf(caseId) + 1 });
    await tx.update(cases).set({ sectionId }).where(eq(cases.id, caseId));
    const ordered = await arrangeToc(tx, issueId, caseId);
    const titleOf = (id: number | null) => before.sections.find((s) => s.id === id)?.title ?? null;
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'issue.sections',
      targetType: 'case',
      targetId: caseId,
      before: { issueId, issueNumber: issue.number, section: titleOf(row.sectionId), position: caseIds.indexOf(caseId) + 1 },
      after: { issueId, issueNumber: issue.number, section: titleOf(sectionId), position: ordered.indexOf(caseId) + 1 },
    });
    return ok({ caseIds: ordered, position: ordered.indexOf(caseId) + 1 });
  });
}
