import 'server-only';
import type { Issue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { issueLabel } from '@/lib/content/numerals';
import { requestLogger } from '@/lib/log';
import { scheduleSnapshot } from '@/lib/static/job';
import { schedulePdfEditions } from './pdf-editions';
import type { Result } from './result';

const MESSAGES = { 'issue.publish': '已发布', 'issue.unpublish': '已撤回发布' } as const;

/**
 * What follows a committed change to what the public sees, wherever it was made (a reviewer's
 * publish or unpublish, the scheduler): the PDF editions are made again, and then the static
 * snapshot, which includes them, is brought up to date when static publishing is on
 * (CASEBOOK_STATIC_DIR). Both in the background: never throws, never waits.
 */
export function publicSiteChanged(reason: string): void {
  const editions = schedulePdfEditions(reason);
  scheduleSnapshot(reason, undefined, editions);
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
