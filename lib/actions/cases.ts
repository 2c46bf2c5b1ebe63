'use server';
import type { Db } from '@/db/client';
import type { Case } from '@/db/schema';
import { adminAction } from '@/lib/admin/action';
import type { Actor } from '@/lib/auth/actor';
import { searchRegions } from '@/lib/regions';
import { revalidatePublicSite } from '@/lib/public/cache';
import { createCase, saveCase, submitForReview, withdrawSubmission } from '@/lib/services/cases';
import { publishCorrection } from '@/lib/services/corrections';
import { parseInput } from '@/lib/services/guard';
import { addCaseToIssue } from '@/lib/services/issues';
import { fail, ok, type Result } from '@/lib/services/result';
import { bulkSubmitSchema, caseStatusChangeSchema, createCaseSchema, regionQuerySchema, saveCaseSchema } from '@/lib/validations/case';
import { publishCorrectionSchema } from '@/lib/validations/correction';
import { bulkAddToIssueSchema } from '@/lib/validations/issue';
import { revalidateAdmin, revalidateCase } from './revalidate';

/** What the editor needs after a write: the version to base the next one on, and the status to show. */
const caseState = (r: { case: Case }) => ({ version: r.case.version, status: r.case.status });

/** Creates a case from the editor's first save; the editor then continues on the case's own page. */
export const createCaseAction = adminAction(createCaseSchema, {
  run: createCase,
  reply: (r) => ({ caseId: r.case.id, version: r.case.version, message: '已创建草稿。' }),
  revalidate: revalidateAdmin,
});

/** Saves the editor's content as a new revision; a stale base version comes back as a conflict. */
export const saveCaseAction = adminAction(saveCaseSchema, {
  run: saveCase,
  reply: (r) => ({ ...caseState(r), revisionNumber: r.revision?.number ?? null, message: r.revision ? `已保存为第${r.revision.number}版。` : '内容没有变化，无需保存。' }),
  revalidate: (r) => revalidateCase(r.case.id),
});

export const submitCaseAction = adminAction(caseStatusChangeSchema, {
  run: submitForReview,
  reply: (r) => ({ ...caseState(r), message: '已提交审核。' }),
  revalidate: (r) => revalidateCase(r.case.id),
});

export const withdrawCaseAction = adminAction(caseStatusChangeSchema, {
  run: withdrawSubmission,
  reply: (r) => ({ ...caseState(r), message: '已撤回提交，案例回到草稿。' }),
  revalidate: (r) => revalidateCase(r.case.id),
});

/** 发布更正: one published case's approved revision goes public with its 更正说明. */
export const publishCorrectionAction = adminAction(publishCorrectionSchema, {
  run: publishCorrection,
  reply: (r) => ({
    ...caseState(r),
    message: r.correction ? '已发布更正，读者会在案例页看到更正说明。' : '已发布。公开的文字没有变化，无需更正说明。',
  }),
  revalidate: (r) => {
    revalidateCase(r.case.id);
    revalidatePublicSite();
  },
});

export interface BulkOutcome {
  done: number;
  /** One line per case that was refused, with the reason, so nothing fails silently. */
  refused: string[];
}

/** Runs the service on each item on its own; refused only when every item was, so nothing fails silently. */
async function eachCase<I extends { caseId: number }>(items: I[], verb: string, work: (item: I) => Promise<Result>): Promise<Result<BulkOutcome & { message: string }>> {
  const outcome: BulkOutcome = { done: 0, refused: [] };
  for (const item of items) {
    const result = await work(item);
    if (result.ok) outcome.done++;
    else outcome.refused.push(`#${item.caseId}：${result.message}`);
  }
  const message = `${verb}：成功 ${outcome.done} 个${outcome.refused.length ? `，未成功 ${outcome.refused.length} 个` : ''}。`;
  return outcome.done === 0 ? fail(`${message}${outcome.refused.join('；')}`) : ok({ ...outcome, message });
}

// The bulk actions parse the list here, once; each item is then a call to the service, which parses it as any caller's.

async function submitEach(db: Db, actor: Actor, input: unknown) {
  const parsed = parseInput(bulkSubmitSchema, input);
  if (!parsed.ok) return parsed;
  return eachCase(parsed.data.cases, '提交审核', (item) => submitForReview(db, actor, item));
}

async function addEachToIssue(db: Db, actor: Actor, input: unknown) {
  const parsed = parseInput(bulkAddToIssueSchema, input);
  if (!parsed.ok) return parsed;
  const { issueId, caseIds } = parsed.data;
  return eachCase(
    caseIds.map((caseId) => ({ caseId })),
    '编入期刊',
    ({ caseId }) => addCaseToIssue(db, actor, { issueId, caseId }),
  );
}

/** Submits each selected case for review, each with the version its row showed. */
export const bulkSubmitAction = adminAction(bulkSubmitSchema, { run: submitEach, reply: (r) => r, revalidate: revalidateAdmin });

/** Adds each selected case to the end of an issue, in the order they were selected. */
export const bulkMoveToIssueAction = adminAction(bulkAddToIssueSchema, { run: addEachToIssue, reply: (r) => r, revalidate: revalidateAdmin });

/** Region names for the picker, searched on the server so the browser does not load all of GB/T 2260. */
export const searchRegionsAction = adminAction(regionQuerySchema, {
  run: async (_db, _actor, input) => {
    const parsed = parseInput(regionQuerySchema, input);
    return parsed.ok ? ok({ options: searchRegions(parsed.data.query, 15) }) : parsed;
  },
  reply: (r) => ({ options: r.options }),
});
