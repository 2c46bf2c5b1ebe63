import type { IssueStatus } from '@/lib/content/model';
import { issueLabel } from '@/lib/content/numerals';

// What may change while an issue is scheduled or published. A scheduled issue goes out at its
// time without anyone looking again, so what the reviewer scheduled is frozen until the schedule is
// cancelled. A published issue's cases stay as published; its number, theme and foreword may be
// edited, because they reach readers only when a reviewer publishes the issue again.

export interface IssueLockFacts {
  number: number;
  status: IssueStatus;
  scheduledAt: Date | string | null;
}

const chinaDate = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const chinaTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** 2026年11月25日 14:05, China time, as the rest of the admin writes dates. */
export function scheduleTimeLabel(at: Date | string): string {
  const d = at instanceof Date ? at : new Date(at);
  return `${chinaDate.format(d)} ${chinaTime.format(d)}`;
}

// Issue numbers go up to 9999 but are spelled in Chinese only up to 999; a refusal must never throw.
const label = issueLabel;

function scheduled(issue: IssueLockFacts): string | null {
  if (issue.status !== 'scheduled') return null;
  const when = issue.scheduledAt ? `在${scheduleTimeLabel(issue.scheduledAt)}` : '';
  return `${label(issue.number)}已排期${when}发布`;
}

/** Why the number, theme and foreword cannot be changed now, or null. */
export function issueFieldsLock(issue: IssueLockFacts): string | null {
  const s = scheduled(issue);
  return s ? `${s}，请先取消排期再修改。` : null;
}

/** Why cases cannot be added, removed or reordered now, or null. */
export function issueCasesLock(issue: IssueLockFacts): string | null {
  const s = scheduled(issue);
  if (s) return `${s}，请先取消排期再调整本期案例。`;
  if (issue.status === 'published') return `${label(issue.number)}已发布，请先撤回发布再调整本期案例。`;
  return null;
}

/** Why a case of this issue cannot be edited or restored now, or null (also for a case in no issue). */
export function caseContentLock(issue: IssueLockFacts | null): string | null {
  const s = issue && scheduled(issue);
  return s ? `本案例所在的${s}，请先取消排期再修改。` : null;
}
