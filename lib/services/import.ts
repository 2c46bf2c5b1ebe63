import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { contentFromParsedCase } from '@/lib/import/content';
import type { ParsedDocument } from '@/lib/import/parse';
import { writeAudit } from './audit';
import { insertCaseWithRevision } from './case-store';
import { fail, ok, type Result } from './result';

export interface ImportSummary {
  issuesCreated: number;
  casesCreated: number;
  casesUnchanged: number;
  issueIds: number[];
}

const importKeyOf = (issueNumber: number, position: number) => `compilation:${issueNumber}:${position}`;

/**
 * Writes a parsed compilation as draft issues and draft cases, in one transaction. Importing the
 * same document again changes nothing; a document that disagrees with what an earlier import wrote
 * (same issue number with another theme, same case slot with other content) is refused whole.
 */
export async function importCompilation(db: Db, actor: Actor, doc: ParsedDocument): Promise<Result<{ summary: ImportSummary }>> {
  if (actor.role !== 'admin' && actor.role !== 'editor') return fail('只有编辑和管理员可以导入案例。');
  if (doc.issues.length === 0) return fail('没有识别出任何一期内容，未导入。');

  class Conflict extends Error {}
  try {
    const summary = await db.transaction(async (tx) => {
      const result: ImportSummary = { issuesCreated: 0, casesCreated: 0, casesUnchanged: 0, issueIds: [] };
      const conflicts: string[] = [];
      for (const parsedIssue of doc.issues) {
        let [issue] = await tx.select().from(issues).where(eq(issues.number, parsedIssue.number));
        if (issue && issue.title !== parsedIssue.title) {
          conflicts.push(`第${parsedIssue.number}期已存在，主题为“${issue.title}”，与文件中的“${parsedIssue.title}”不同`);
          continue;
        }
        if (!issue) {
          [issue] = await tx.insert(issues).values({ number: parsedIssue.number, title: parsedIssue.title, createdById: actor.id }).returning();
          result.issuesCreated++;
        }
        result.issueIds.push(issue!.id);
        const existing = await tx
          .select({ id: cases.id, position: cases.position, importKey: cases.importKey })
          .from(cases)
          .where(and(eq(cases.issueId, issue!.id), isNotNull(cases.position)))
          .orderBy(asc(cases.position));
        const firstRevisions = existing.length
          ? await tx
              .select({ caseId: caseRevisions.caseId, content: caseRevisions.content })
              .from(caseRevisions)
              .where(and(inArray(caseRevisions.caseId, existing.map((c) => c.id)), eq(caseRevisions.number, 1)))
          : [];
        for (const parsedCase of parsedIssue.cases) {
          const content = contentFromParsedCase(parsedCase);
          const key = importKeyOf(parsedIssue.number, parsedCase.position);
          const same = existing.find((c) => c.position === parsedCase.position);
          if (same) {
            const first = firstRevisions.find((r) => r.caseId === same.id);
            if (same.importKey === key && first && isDeepStrictEqual(first.content, content)) result.casesUnchanged++;
            else conflicts.push(`第${parsedIssue.number}期典型做法之${parsedCase.position}已存在且内容不同`);
            continue;
          }
          await insertCaseWithRevision(tx, {
            content,
            authorId: actor.id,
            issueId: issue!.id,
            position: parsedCase.position,
            importKey: key,
            note: '导入',
          });
          result.casesCreated++;
        }
      }
      if (conflicts.length > 0) throw new Conflict(conflicts.join('；'));
      if (result.issuesCreated + result.casesCreated > 0) {
        await writeAudit(tx, {
          actorId: actor.id,
          action: 'import.compilation',
          targetType: 'issue',
          targetId: result.issueIds.join(','),
          after: { issuesCreated: result.issuesCreated, casesCreated: result.casesCreated },
        });
      }
      return result;
    });
    return ok({ summary });
  } catch (error) {
    if (error instanceof Conflict) return fail(`导入未执行，数据库中已有不同的内容：${error.message}。`);
    throw error;
  }
}
