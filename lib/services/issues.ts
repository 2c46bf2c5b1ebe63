import 'server-only';
import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issues, issueSections, users, type Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createIssueSchema, issueCaseSchema, reorderCasesSchema, updateIssueSchema } from '@/lib/validations/issue';
import { issueCasesLock, issueFieldsLock } from '@/lib/workflow';
import { writeAudit } from './audit';
import { conflictMessage, conflictSince } from './case-changes';
import { authorize, inTransaction, isUniqueViolation, refuse } from './guard';
import { fail, ok, type Failure, type Result } from './result';
import { updateIssueVersioned } from './versioned-update';
import { issueLabel } from '@/lib/content/numerals';
import { followsToc, tocOrder } from '@/lib/content/toc';

const numberTaken = (n: number): Failure => fail('期号已被使用。', { number: [`${issueLabel(n)}已存在，请换一个期号`] });

/**
 * The name of the 责任编辑 chosen for an issue (null for none); refuses anyone who is not an active
 * editor or admin, since the colophon prints the name as answering for the issue.
 */
async function responsibleEditorName(tx: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [user] = await tx
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, ['editor', 'admin'])));
  if (!user) refuse('责任编辑须是在用的编辑或管理员账号。', { fieldErrors: { responsibleEditorId: ['请从列表中选择一位在用的编辑或管理员'] } });
  return user.name;
}

/** Reads and row-locks an issue for the rest of the transaction. */
export async function lockIssue(tx: Db, issueId: number): Promise<Issue> {
  const [row] = await tx.select().from(issues).where(eq(issues.id, issueId)).for('update');
  if (!row) refuse('这一期不存在或已被删除。');
  return row;
}

async function withNumberCheck<T extends object>(run: () => Promise<Result<T>>, n: number): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    // Two editors taking the same number at once: the database decides, the loser is told.
    if (isUniqueViolation(error, 'issues_number_key')) return numberTaken(n);
    throw error;
  }
}

export async function createIssue(db: Db, actor: Actor, input: unknown): Promise<Result<{ issue: Issue }>> {
  const parsed = authorize(actor, 'issue.create', createIssueSchema, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  return withNumberCheck(
    () =>
      inTransaction(db, async (tx) => {
        const [taken] = await tx.select({ id: issues.id }).from(issues).where(eq(issues.number, data.number));
        if (taken) return numberTaken(data.number);
        const { responsibleEditorId = null, ...fields } = data;
        const responsibleEditor = await responsibleEditorName(tx, responsibleEditorId);
        const [issue] = await tx
          .insert(issues)
          .values({ ...fields, responsibleEditorId, createdById: actor.id })
          .returning();
        await writeAudit(tx, {
          actorId: actor.id,
          action: 'issue.create',
          targetType: 'issue',
          targetId: issue!.id,
          after: { ...fields, ...(responsibleEditor ? { responsibleEditor } : {}), version: 1 },
        });
        return ok({ issue: issue! });
      }),
    data.number,
  );
}

/** Changes number, theme or foreword: refused while scheduled. A published issue's public copy
 *  changes only when a reviewer publishes it again, and the publish controls list what would change. */
export async function updateIssue(db: Db, actor: Actor, input: unknown): Promise<Result<{ issue: Issue }>> {
  const parsed = authorize(actor, 'issue.edit', updateIssueSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, baseVersion, ...fields } = parsed.data;
  return withNumberCheck(
    () =>
      inTransaction(db, async (tx) => {
        const row = await lockIssue(tx, issueId);
        const locked = issueFieldsLock(row);
        if (locked) refuse(locked);
        if (row.version !== baseVersion) {
          const conflict = await conflictSince(tx, { type: 'issue', id: row.id }, baseVersion, row.version);
          refuse(conflictMessage(conflict, '这一期'), { conflict });
        }
        const [taken] = await tx
          .select({ id: issues.id })
          .from(issues)
          .where(and(eq(issues.number, fields.number), ne(issues.id, issueId)));
        if (taken) return numberTaken(fields.number);
        const { responsibleEditorId = row.responsibleEditorId, ...texts } = fields;
        const changed = (['number', 'title', 'foreword'] as const).filter((k) => row[k] !== texts[k]);
        const labels = { number: '期号', title: '主题', foreword: '编者按' };
        const editorChanged = responsibleEditorId !== row.responsibleEditorId;
        if (changed.length === 0 && !editorChanged) return ok({ issue: row });
        const editorNames = editorChanged
          ? { before: { responsibleEditor: await editorNameOf(tx, row.responsibleEditorId) }, after: { responsibleEditor: await responsibleEditorName(tx, responsibleEditorId) } }
          : { before: {}, after: {} };
        const issue = await updateIssueVersioned(tx, row, {
          actorId: actor.id,
          action: 'issue.update',
          set: { ...texts, responsibleEditorId },
          before: { number: row.number, title: row.title, foreword: row.foreword, ...editorNames.before },
          after: { ...texts, ...editorNames.after, fields: [...changed.map((k) => labels[k]), ...(editorChanged ? ['责任编辑'] : [])] },
        });
        return ok({ issue });
      }),
    fields.number,
  );
}

/** Whoever is named now, even if no longer active (for the audit's "before"). */
async function editorNameOf(tx: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? null;
}

export async function lockArrangeableIssue(tx: Db, issueId: number): Promise<Issue> {
  const issue = await lockIssue(tx, issueId);
  // A scheduled issue goes out as scheduled; a published one's public copy is rewritten only by publishing.
  const locked = issueCasesLock(issue);
  if (locked) refuse(locked);
  return issue;
}

/** Gives the cases of an issue positions 1..n in the given order without ever holding two cases in
 *  one position (the unique constraint is checked row by row): first out of the way, then in place. */
export async function renumber(tx: Db, issueId: number, orderedIds: number[]): Promise<void> {
  const [{ top } = { top: 0 }] = await tx.select({ top: max(cases.position) }).from(cases).where(eq(cases.issueId, issueId));
  const offset = (top ?? 0) + orderedIds.length;
  await tx.update(cases).set({ position: sql`${cases.position} + ${offset}` }).where(eq(cases.issueId, issueId));
  for (const [index, id] of orderedIds.entries()) {
    await tx.update(cases).set({ position: index + 1 }).where(and(eq(cases.id, id), eq(cases.issueId, issueId)));
  }
}

async function caseIdsInOrder(tx: Db, issueId: number): Promise<number[]> {
  const rows = await tx.select({ id: cases.id }).from(cases).where(eq(cases.issueId, issueId)).orderBy(asc(cases.position));
  return rows.map((r) => r.id);
}

/** The issue's 栏目 ids in order, and its cases in their current order with their 栏目. */
export async function tocOf(tx: Db, issueId: number) {
  const [sections, rows] = await Promise.all([
    tx.select({ id: issueSections.id, title: issueSections.title }).from(issueSections).where(eq(issueSections.issueId, issueId)).orderBy(asc(issueSections.position)),
    tx.select({ id: cases.id, sectionId: cases.sectionId }).from(cases).where(eq(cases.issueId, issueId)).orderBy(asc(cases.position)),
  ]);
  return { sections, sectionIds: sections.map((s) => s.id), cases: rows };
}

/**
 * Puts the cases in contents order (lib/content/toc.ts), `last` at the end of its group, and
 * renumbers 典型做法之N to match. Returns the case ids in their new order.
 */
export async function arrangeToc(tx: Db, issueId: number, last: number | null = null): Promise<number[]> {
  const toc = await tocOf(tx, issueId);
  const ordered = tocOrder(toc.sectionIds, toc.cases, last);
  if (ordered.some((id, i) => toc.cases[i]!.id !== id)) await renumber(tx, issueId, ordered);
  return ordered;
}

export async function addCaseToIssue(db: Db, actor: Actor, input: unknown): Promise<Result<{ position: number }>> {
  const parsed = authorize(actor, 'issue.arrange', issueCaseSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, caseId } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockArrangeableIssue(tx, issueId);
    const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    if (!row) refuse('案例不存在或已被删除。');
    if (row.issueId === issueId) refuse('该案例已在本期中。');
    if (row.issueId !== null) refuse('该案例已属于另一期，请先从那一期移出。');
    // Added last, then to its place in the contents: the end of the cases listed under no 栏目.
    await tx
      .update(cases)
      .set({ issueId, position: (await caseIdsInOrder(tx, issueId)).length + 1, sectionId: null })
      .where(eq(cases.id, caseId));
    const position = (await arrangeToc(tx, issueId, caseId)).indexOf(caseId) + 1;
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'case.add_to_issue',
      targetType: 'case',
      targetId: caseId,
      after: { issueId, issueNumber: issue.number, position },
    });
    return ok({ position });
  });
}

export async function removeCaseFromIssue(db: Db, actor: Actor, input: unknown): Promise<Result<{ caseIds: number[] }>> {
  const parsed = authorize(actor, 'issue.arrange', issueCaseSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, caseId } = parsed.data;
  return inTransaction(db, async (tx) => {
    const issue = await lockArrangeableIssue(tx, issueId);
    const [row] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, caseId), eq(cases.issueId, issueId)))
      .for('update');
    if (!row) refuse('该案例不在本期中。');
    await tx.update(cases).set({ issueId: null, position: null, sectionId: null }).where(eq(cases.id, caseId));
    const remaining = await caseIdsInOrder(tx, issueId);
    await renumber(tx, issueId, remaining);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'case.remove_from_issue',
      targetType: 'case',
      targetId: caseId,
      before: { issueId, issueNumber: issue.number, position: row.position },
    });
    return ok({ caseIds: remaining });
  });
}

/** Puts the cases of an issue in the given order; the list must name exactly the cases it holds. */
export async function reorderCases(db: Db, actor: Actor, input: unknown): Promise<Result<{ caseIds: number[] }>> {
  const parsed = authorize(actor, 'issue.arrange', reorderCasesSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, caseIds } = parsed.data;
  return inTransaction(db, async (tx) => {
    await lockArrangeableIssue(tx, issueId);
    const current = await caseIdsInOrder(tx, issueId);
    const same = current.length === caseIds.length && current.every((id) => caseIds.includes(id));
    if (!same) refuse('本期的案例已被其他人调整，请刷新后重新排序。');
    const toc = await tocOf(tx, issueId);
    const byId = new Map(toc.cases.map((c) => [c.id, c]));
    if (!followsToc(toc.sectionIds, caseIds.map((id) => byId.get(id)!))) {
      refuse('案例只能在所属栏目内调整顺序；要换到另一个栏目，请用该案例的“栏目”选择。');
    }
    if (current.every((id, i) => id === caseIds[i])) return ok({ caseIds });
    await renumber(tx, issueId, caseIds);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'issue.reorder',
      targetType: 'issue',
      targetId: issueId,
      before: { caseIds: current },
      after: { caseIds },
    });
    return ok({ caseIds });
  });
}
