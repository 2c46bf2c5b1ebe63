import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues, type Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import { contentFromParsedCase, importProblems } from '@/lib/import/content';
import type { ParsedCase, ParsedDocument, ParsedIssue } from '@/lib/import/parse';
import { writeAudit } from './audit';
import { insertCaseWithRevision } from './case-store';
import { inTransaction, isUniqueViolation, Refusal } from './guard';
import { fail, ok, type Failure, type Result } from './result';
import { issueLabel } from '@/lib/content/numerals';

export interface ImportSummary {
  issuesCreated: number;
  casesCreated: number;
  casesUnchanged: number;
  issueIds: number[];
}

interface IssuePlan {
  parsed: ParsedIssue;
  existing: Issue | null;
  toInsert: { parsed: ParsedCase; content: CaseContent }[];
  unchanged: number;
}

const importKeyOf = (issueNumber: number, position: number) => `compilation:${issueNumber}:${position}`;

/** Adding cases under a public or scheduled issue would bypass "unpublish before rearranging". */
const FROZEN: Partial<Record<Issue['status'], string>> = {
  published: '已发布，请先撤回发布再导入',
  scheduled: '已排期，请先取消排期再导入',
};

function mayImport(actor: Actor): Failure | null {
  return actor.role === 'admin' || actor.role === 'editor' ? null : fail('只有编辑和管理员可以导入案例。');
}

/** One reason is the message; several are summed up there and listed in details, one per line. */
function refusal(reasons: string[], summary: string): Failure {
  const message = reasons.length === 1 ? `导入未执行：${reasons[0]!.replace(/[。；]$/u, '')}。` : `导入未执行：${summary}，什么都没有写入。`;
  return { ...fail(message), details: reasons };
}

const problemsFailure = (problems: string[]) => refusal(problems, `文件中有 ${problems.length} 处不符合要求（与编辑器的限制相同）`);
const conflictsFailure = (conflicts: string[]) => refusal(conflicts, `有 ${conflicts.length} 处与数据库中已有的内容冲突`);

/**
 * What the document would do to the database, read without writing: for each issue, the row it
 * lands in and the cases to insert; and every reason to refuse it. With `lock`, existing issue
 * rows are locked (in number order, so two imports cannot deadlock) until the transaction ends.
 */
async function planImport(db: Db, doc: ParsedDocument, lock: boolean): Promise<{ plans: IssuePlan[]; conflicts: string[] }> {
  const plans: IssuePlan[] = [];
  const conflicts: string[] = [];
  for (const parsed of [...doc.issues].sort((a, b) => a.number - b.number)) {
    const query = db.select().from(issues).where(eq(issues.number, parsed.number));
    const [existing = null] = lock ? await query.for('update') : await query;
    if (existing && existing.title !== parsed.title) {
      conflicts.push(`${issueLabel(parsed.number)}已存在，主题为“${existing.title}”，与文件中的“${parsed.title}”不同`);
      continue;
    }
    const plan: IssuePlan = { parsed, existing, toInsert: [], unchanged: 0 };
    plans.push(plan);
    const slots = existing
      ? await db
          .select({ id: cases.id, position: cases.position, importKey: cases.importKey })
          .from(cases)
          .where(and(eq(cases.issueId, existing.id), isNotNull(cases.position)))
          .orderBy(asc(cases.position))
      : [];
    const firstRevisions = slots.length
      ? await db
          .select({ caseId: caseRevisions.caseId, content: caseRevisions.content })
          .from(caseRevisions)
          .where(and(inArray(caseRevisions.caseId, slots.map((c) => c.id)), eq(caseRevisions.number, 1)))
      : [];
    for (const parsedCase of parsed.cases) {
      const content = contentFromParsedCase(parsedCase);
      const same = slots.find((c) => c.position === parsedCase.position);
      if (!same) {
        plan.toInsert.push({ parsed: parsedCase, content });
        continue;
      }
      const first = firstRevisions.find((r) => r.caseId === same.id);
      if (same.importKey === importKeyOf(parsed.number, parsedCase.position) && first && isDeepStrictEqual(first.content, content)) plan.unchanged++;
      else conflicts.push(`${issueLabel(parsed.number)}典型做法之${parsedCase.position}已存在且内容不同`);
    }
    const frozen = existing ? FROZEN[existing.status] : undefined;
    if (frozen && plan.toInsert.length > 0) conflicts.push(`${issueLabel(parsed.number)}${frozen}`);
  }
  return { plans, conflicts };
}

/**
 * Everything importCompilation would refuse for this document, found without writing anything,
 * so the preview can say it before the editor confirms. Null when the import may go ahead.
 */
export async function checkImport(db: Db, actor: Actor, doc: ParsedDocument): Promise<Failure | null> {
  const denied = mayImport(actor);
  if (denied) return denied;
  const problems = importProblems(doc);
  if (problems.length > 0) return problemsFailure(problems);
  const { conflicts } = await planImport(db, doc, false);
  return conflicts.length > 0 ? conflictsFailure(conflicts) : null;
}

/**
 * Writes a parsed compilation as draft issues and draft cases, in one transaction. Importing the
 * same document again changes nothing. Refused whole, before anything is written: content the
 * editor would refuse, a document that disagrees with what an earlier import wrote (same issue
 * number with another theme, same case slot with other content), and new cases for an issue
 * that is published or scheduled.
 */
export async function importCompilation(db: Db, actor: Actor, doc: ParsedDocument): Promise<Result<{ summary: ImportSummary }>> {
  const denied = mayImport(actor);
  if (denied) return denied;
  const problems = importProblems(doc);
  if (problems.length > 0) return problemsFailure(problems);

  try {
    return await inTransaction(db, async (tx) => {
      const { plans, conflicts } = await planImport(tx, doc, true);
      if (conflicts.length > 0) throw new Refusal(conflictsFailure(conflicts));
      const summary: ImportSummary = { issuesCreated: 0, casesCreated: 0, casesUnchanged: 0, issueIds: [] };
      for (const plan of [...plans].sort((a, b) => doc.issues.indexOf(a.parsed) - doc.issues.indexOf(b.parsed))) {
        let issue = plan.existing;
        if (!issue) {
          const [created] = await tx.insert(issues).values({ number: plan.parsed.number, title: plan.parsed.title, createdById: actor.id }).returning();
          issue = created!;
          summary.issuesCreated++;
        }
        summary.issueIds.push(issue.id);
        summary.casesUnchanged += plan.unchanged;
        for (const { parsed, content } of plan.toInsert) {
          await insertCaseWithRevision(tx, {
            content,
            authorId: actor.id,
            issueId: issue.id,
            position: parsed.position,
            importKey: importKeyOf(plan.parsed.number, parsed.position),
            note: '导入',
          });
          summary.casesCreated++;
        }
      }
      if (summary.issuesCreated + summary.casesCreated > 0) {
        await writeAudit(tx, {
          actorId: actor.id,
          action: 'import.compilation',
          targetType: 'issue',
          targetId: summary.issueIds.join(','),
          after: { issuesCreated: summary.issuesCreated, casesCreated: summary.casesCreated },
        });
      }
      return ok({ summary });
    });
  } catch (error) {
    // The same issue or case written by someone else between our read and our write, or an
    // earlier import's case since moved out of its slot: its import key is still taken.
    if (isUniqueViolation(error)) return fail('导入未执行：数据库中已有与文件冲突的期号或案例（可能刚被其他人导入，或以前导入的案例已被移出原来的期），请重新预览后再导入。');
    throw error;
  }
}
