import 'server-only';
import type { Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { issueLabel } from '@/lib/content/numerals';
import { requestLogger } from '@/lib/log';
import { scheduleSnapshot } from '@/lib/static/job';
import type { Result } from './result';

const MESSAGES = { 'issue.publish': '已发布', 'issue.unpublish': '已撤回发布' } as const;

/**
 * What follows a committed change to what the public sees, wherever it was made (a reviewer's
 * publish or unpublish, the scheduler): the static snapshot is brought up to date in the background
 * when static publishing is on (CASEBOOK_STATIC_DIR). Never throws, never waits.
 */
export function publicSiteChanged(reason: string): void {
  scheduleSnapshot(reason);
}

/**
 * Logs a publish or an unpublish once its transaction has committed (called on the transaction's
 * result, so a rolled-back one is never logged) and hands the result on unchanged.
 */
export async function logIssueOutcome<R extends Result<{ issue: Issue }>>(event: keyof typeof MESSAGES, actor: Actor, result: R): Promise<R> {
  if (!result.ok) return result;
  const { id, number } = result.issue;
  (await requestLogger()).info({ event, issueId: id, issueNumber: number, actorId: actor.id }, `${issueLabel(number)}${MESSAGES[event]}`);
  publicSiteChanged(`${issueLabel(number)}${MESSAGES[event]}`);
  return result;
}
