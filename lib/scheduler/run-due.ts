import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { issues } from '@/db/schema';
import { issueLabel } from '@/lib/content/numerals';
import { logger as processLogger, type Logger } from '@/lib/log';
import { publishDueIssues, type DueRun } from '@/lib/services/publishing';
import { publicSiteChanged } from '@/lib/services/publishing-log';

/** The numbers readers know the issues by (第N期), by internal id; read after the run committed. */
async function issueNumbers(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: issues.id, number: issues.number }).from(issues).where(inArray(issues.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/**
 * One scheduled-publishing run (the app's ticker and `npm run publish:due` both use it): publishes
 * what is due and logs each outcome by issue number. A failure's details name cases, possibly
 * unpublished ones, so only their count is logged; the reasons are in the audit log.
 */
export async function runDueIssues(db: Db, log: Logger = processLogger, now: Date = new Date()): Promise<DueRun> {
  const run = await publishDueIssues(db, now);
  const numbers = await issueNumbers(db, [...run.published, ...run.failed.map((f) => f.issueId)]);
  const label = (id: number) => {
    const n = numbers.get(id);
    return n === undefined ? '一期（已不存在）' : issueLabel(n);
  };
  for (const id of run.published) {
    log.info({ event: 'issue.publish', scheduled: true, issueId: id, issueNumber: numbers.get(id) }, `[定时发布] ${label(id)}已按计划发布`);
  }
  if (run.published.length > 0) publicSiteChanged(`定时发布${run.published.map(label).join('、')}`);
  for (const f of run.failed) {
    log.warn(
      { event: 'issue.schedule_failed', issueId: f.issueId, issueNumber: numbers.get(f.issueId), reason: f.message, detailCount: f.details.length },
      `[定时发布] ${label(f.issueId)}未能发布，已退回草稿：${f.message}（详情见操作日志）`,
    );
  }
  return run;
}
