import { max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues } from '@/db/schema';
import { materializeIssue } from '@/lib/publication/materialize';
import { denormalizedColumns } from '@/lib/services/case-store';
import { syntheticCase, syntheticSource } from './synthetic';

// Many published cases, fast: rows go in by the thousand, straight into the working tables as
// approved cases with one revision each, and the published read model is then written by its only
// writer (materializeIssue), as the demo's own publication does. The workflow's checks are
// skipped on purpose: this is bulk sample data for timing, not an editorial act.

/** About as many as a real issue holds; more per issue only when issue numbers would run out. */
export const CASES_PER_ISSUE = 10;
/** Issue numbers end at 999 (lib/validations/common.ts); one is kept free for the issue a benchmark publishes. */
const LAST_ISSUE_NUMBER = 998;
const ISSUES_PER_TRANSACTION = 50;
const DAY_MS = 86_400_000;

/** How many issues, of how many cases each, hold `count` cases in the numbers from firstNumber on. */
export function issuePlan(count: number, firstNumber: number): { perIssue: number; issueCount: number } {
  const free = LAST_ISSUE_NUMBER - firstNumber + 1;
  if (free < 1) throw new Error('期号已经用完，无法再加入样本期刊。');
  const perIssue = Math.max(CASES_PER_ISSUE, Math.ceil(count / free));
  return { perIssue, issueCount: Math.ceil(count / perIssue) };
}

export interface Staff {
  authorId: number;
  reviewerId: number;
}

/** Adds `count` published cases in new issues numbered after the last one; returns how many issues. */
export async function addPublishedCases(db: Db, count: number, staff: Staff, onProgress: (done: number) => void = () => {}): Promise<number> {
  const source = syntheticSource(20_261_125);
  const [{ top } = { top: 0 }] = await db.select({ top: max(issues.number) }).from(issues);
  const firstNumber = (top ?? 0) + 1;
  const { perIssue, issueCount } = issuePlan(count, firstNumber);
  // Older than anything published for real, one day apart, so "newest first" has one answer.
  const firstDay = Date.now() - (issueCount + 1) * DAY_MS;
  let written = 0;
  for (let from = 0; from < issueCount; from += ISSUES_PER_TRANSACTION) {
    const chunk = Array.from({ length: Math.min(ISSUES_PER_TRANSACTION, issueCount - from) }, (_, k) => from + k);
    await db.transaction(async (tx) => {
      const issueRows = await tx
        .insert(issues)
        .values(chunk.map((k) => ({ number: firstNumber + k, title: `第${firstNumber + k}期合成主题`, publishedAt: new Date(firstDay + k * DAY_MS) })))
        .returning({ id: issues.id });
      const contents = issueRows.flatMap((issue, j) => {
        const size = Math.min(perIssue, count - (from + j) * perIssue);
        return Array.from({ length: size }, (_, p) => ({ issueId: issue.id, position: p + 1, content: syntheticCase(source, written + j * perIssue + p) }));
      });
      const caseRows = await tx
        .insert(cases)
        .values(
          contents.map((c) => ({
            issueId: c.issueId,
            position: c.position,
            status: 'approved' as const,
            createdById: staff.authorId,
            updatedById: staff.authorId,
            lastReviewerId: staff.reviewerId,
            ...denormalizedColumns(c.content),
          })),
        )
        .returning({ id: cases.id, issueId: cases.issueId, position: cases.position });
      const contentOf = new Map(contents.map((c) => [`${c.issueId}:${c.position}`, c.content]));
      const approvedAt = new Date();
      await tx.insert(caseRevisions).values(
        caseRows.map((row) => ({
          caseId: row.id,
          number: 1,
          authorId: staff.authorId,
          content: contentOf.get(`${row.issueId}:${row.position}`)!,
          contributorIds: [staff.authorId],
          approvedAt,
          approvedById: staff.reviewerId,
        })),
      );
      // Only the rows just written lack a current revision: every case made by the services has one.
      await tx.execute(
        sql`update cases set current_revision_id = r.id, approved_revision_id = r.id from case_revisions r where r.case_id = cases.id and cases.current_revision_id is null`,
      );
      for (const issue of issueRows) await materializeIssue(tx, issue.id, approvedAt);
      written += caseRows.length;
    });
    onProgress(written);
  }
  await db.execute(sql`analyze`);
  return issueCount;
}
