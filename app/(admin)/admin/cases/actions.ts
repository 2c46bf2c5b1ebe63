'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { addCaseToIssue } from '@/lib/services/issues';
import { createCase, submitForReview } from '@/lib/services/cases';
import { getActor } from '@/lib/auth/current';
import { searchRegions, type RegionOption } from '@/lib/regions';
import { caseStatusChangeSchema, createCaseSchema } from '@/lib/validations/case';
import { fail, ok } from '@/lib/services/result';

const caseIds = z.array(z.number().int().positive()).min(1, '请先选择案例').max(200, '一次最多处理200个案例');
/** Each selected case with the version its row showed, so a case changed since is refused, not submitted unseen. */
const selectedCases = z
  .array(caseStatusChangeSchema)
  .min(1, '请先选择案例')
  .max(200, '一次最多处理200个案例')
  .refine((items) => new Set(items.map((i) => i.caseId)).size === items.length, '案例不能重复');

export interface BulkOutcome {
  done: number;
  /** One line per case that was refused, with the reason, so nothing fails silently. */
  refused: string[];
}

function summarize(outcome: BulkOutcome, verb: string) {
  const message = `${verb}：成功 ${outcome.done} 个${outcome.refused.length ? `，未成功 ${outcome.refused.length} 个` : ''}。`;
  return outcome.done === 0 && outcome.refused.length > 0 ? fail(`${message}${outcome.refused.join('；')}`) : ok({ ...outcome, message });
}

/** Submits each selected case for review; each case succeeds or fails on its own. */
export const bulkSubmitAction = adminAction(z.object({ cases: selectedCases }), async ({ cases }, actor) => {
  const db = await getDb();
  const outcome: BulkOutcome = { done: 0, refused: [] };
  for (const { caseId, baseVersion } of cases) {
    const result = await submitForReview(db, actor, { caseId, baseVersion });
    if (result.ok) outcome.done++;
    else outcome.refused.push(`#${caseId}：${result.message}`);
  }
  revalidatePath('/admin', 'layout');
  return summarize(outcome, '提交审核');
});

/** Adds each selected case to the end of an issue, in the order they were selected. */
export const bulkMoveToIssueAction = adminAction(z.object({ issueId: z.number().int().positive('请选择一期'), caseIds }), async ({ issueId, caseIds }, actor) => {
  const db = await getDb();
  const outcome: BulkOutcome = { done: 0, refused: [] };
  for (const caseId of caseIds) {
    const result = await addCaseToIssue(db, actor, { issueId, caseId });
    if (result.ok) outcome.done++;
    else outcome.refused.push(`#${caseId}：${result.message}`);
  }
  revalidatePath('/admin', 'layout');
  return summarize(outcome, '编入期刊');
});

/** Creates a case from the editor's first save; the editor then continues on the case's own page. */
export const createCaseAction = adminAction(createCaseSchema, async (input, actor) => {
  const result = await createCase(await getDb(), actor, input);
  if (!result.ok) return result;
  revalidatePath('/admin', 'layout');
  return ok({ caseId: result.case.id, version: result.case.version, message: '已创建草稿。' });
});

/** Region names for the picker, searched on the server so the browser does not load all of GB/T 2260. */
export async function searchRegionsAction(query: string): Promise<RegionOption[]> {
  if (!(await getActor())) return [];
  return typeof query === 'string' ? searchRegions(query.slice(0, 40), 15) : [];
}
