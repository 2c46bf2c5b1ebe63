import { expect } from 'vitest';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import { createCase, submitForReview } from '@/lib/services/cases';
import { addCaseToIssue, createIssue } from '@/lib/services/issues';
import type { Result } from '@/lib/services/result';
import { sampleContent } from '../support/fixtures';
import { approveFully } from '../support/stages';

/** Unwraps a service result, failing the test with the service's own message. */
export function must<T extends object>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected success, got: ${result.message} ${JSON.stringify(result.details ?? result.fieldErrors ?? '')}`);
  return result;
}

let issueNumber = 100;
export async function newIssue(db: Db, editor: Actor) {
  return must(await createIssue(db, editor, { number: issueNumber++, title: '测试主题', foreword: '' })).issue;
}

export async function newCase(db: Db, editor: Actor, content: Partial<CaseContent> = {}) {
  return must(await createCase(db, editor, { content: sampleContent(content) })).case;
}

export async function submitted(db: Db, editor: Actor, issueId?: number) {
  const c = await newCase(db, editor);
  if (issueId) must(await addCaseToIssue(db, editor, { issueId, caseId: c.id }));
  return must(await submitForReview(db, editor, { caseId: c.id, baseVersion: c.version })).case;
}

export { approveFully, reasonId, toFinalStage } from '../support/stages';

export async function approved(db: Db, editor: Actor, reviewer: Actor, issueId?: number) {
  const c = await submitted(db, editor, issueId);
  return must(await approveFully(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId })).case;
}

/** An issue with n approved cases, ready to publish. */
export async function readyIssue(db: Db, editor: Actor, reviewer: Actor, n = 2) {
  const issue = await newIssue(db, editor);
  const cases = [];
  for (let i = 0; i < n; i++) cases.push(await approved(db, editor, reviewer, issue.id));
  return { issue, cases };
}

