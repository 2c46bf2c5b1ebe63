import 'server-only';
import { and, asc, eq, max, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issues, type Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createIssueSchema, issueCaseSchema, reorderCasesSchema, updateIssueSchema } from '@/lib/validations/issue';
import { issueCasesLock, issueFieldsLock } from '@/lib/workflow';
import { writeAudit } from './audit';
import { conflictMessage, conflictSince } from './case-changes';
import { authorize, inTransaction, isUniqueViolation, refuse } from './guard';
import { fail, ok, type Failure, type Result } from './result';
import { updateIssueVersioned } from './versioned-update';
import { issueLabel } from '@/lib/content/numerals';

const numberTaken = (n: number): Failure => fail('期号已被使用。', { number: [`${issueLabel(n)}已存在，请换一个期号`] });

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
        const [issue] = await tx.insert(issues).values({ ...data, createdById: actor.id }).returning();
        await writeAudit(tx, { actorId: actor.id, action: 'issue.create', targetType: 'issue', targetId: issue!.id, after: { ...data, version: 1 } });
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
        const changed = (['number', 'title', 'foreword'] as const).filter((k) => row[k] !== fields[k]);
        if (changed.length === 0) return ok({ issue: row });
        const labels = { number: '期号', title: '主题', foreword: '编者按' };
        const issue = await updateIssueVersioned(tx, row, {
          actorId: actor.id,
          action: 'issue.update',
          set: fields,
          before: { number: row.number, title: row.title, foreword: row.foreword },
          after: { ...fields, fields: changed.map((k) => labels[k]) },
        });
        return ok({ issue });
      }),
    fields.number,
  );
}

async function lockArrangeableIssue(tx: Db, issueId: number): Promise<Issue> {
  const issue = await lockIssue(tx, issueId);
  // A scheduled issue goes out as scheduled; a published one's public copy is rewritten only by publishing.
  const locked = issueCasesLock(issue);
  if (locked) refuse(locked);
  return issue;
}

/** Gives the cases of an issue positions 1..n in the given order without ever holding two cases in
 *  one position (the unique constraint is checked row by row): first out of the way, then in place. */
async function renumber(tx: Db, issueId: number, orderedIds: number[]): Promise<void> {
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
    const position = (await caseIdsInOrder(tx, issueId)).length + 1;
    await tx.update(cases).set({ issueId, position }).where(eq(cases.id, caseId));
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
    await tx.update(cases).set({ issueId: null, position: null }).where(eq(cases.id, caseId));
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
