import { gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, caseRevisions, publishedCases, publishedIssues, reviewComments } from '@/db/schema';
import { DRAFT_MARKER } from './content';
import type { LedgerEntry } from './editors';
import type { Plan } from './setup';

// After the run, with the server stopped: the database against what the server acknowledged.

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

/** Multiset difference, for "one audit entry per acknowledged mutation" in both directions. */
function diff(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const k of actual) counts.set(k, (counts.get(k) ?? 0) + 1);
  const missing: string[] = [];
  for (const k of expected) {
    const n = counts.get(k) ?? 0;
    if (n === 0) missing.push(k);
    else counts.set(k, n - 1);
  }
  const extra = [...counts].flatMap(([k, n]) => Array.from({ length: n }, () => k));
  return { missing, extra };
}

const sample = (items: string[]) => (items.length ? `，例如 ${items.slice(0, 3).join('；')}` : '');
const AUDITED: Record<string, LedgerEntry['action']> = {
  'case.save': 'saveCaseAction',
  'case.submit': 'submitCaseAction',
  'case.withdraw': 'withdrawCaseAction',
  'comment.reply': 'commentAction',
  'issue.publish': 'publishIssueAction',
  'issue.unpublish': 'unpublishIssueAction',
};

export async function verify(db: Db, plan: Plan, ledger: LedgerEntry[], signIns: number): Promise<Check[]> {
  const checks: Check[] = [];
  const caseIds = [...new Set(plan.editors.flatMap((e) => [e.ownCaseId, e.pairCaseId]))];
  const revisions = await db
    .select({ caseId: caseRevisions.caseId, number: caseRevisions.number, authorId: caseRevisions.authorId, content: caseRevisions.content })
    .from(caseRevisions)
    .where(inArray(caseRevisions.caseId, caseIds));
  const byKey = new Map(revisions.map((r) => [`${r.caseId}#${r.number}`, { authorId: r.authorId, text: JSON.stringify(r.content) }]));
  const allText = revisions.map((r) => JSON.stringify(r.content)).join('\n');
  /** The revision a marker landed in, for saves whose answer never arrived. */
  const landedIn = (m: string) => revisions.find((r) => JSON.stringify(r.content).includes(m))?.number;

  const saves = ledger.filter((e) => e.action === 'saveCaseAction');
  const acked = saves.filter((e) => e.answer === 'ack');
  const lost = acked.filter((e) => {
    const r = byKey.get(`${e.targetId}#${e.revision}`);
    return !r || r.authorId !== e.actorId || !r.text.includes(e.marker!);
  });
  checks.push({
    name: '每次确认的保存都在修订历史中（版本号、作者、内容一致）',
    pass: lost.length === 0,
    detail: `确认 ${acked.length} 次，缺失或不符 ${lost.length} 次${sample(lost.map((e) => `案例${e.targetId}第${e.revision}版${e.marker}`))}`,
  });

  const refusedSaves = saves.filter((e) => e.answer === 'conflict' || e.answer === 'refused');
  const notConflict = refusedSaves.filter((e) => e.answer !== 'conflict' || !e.message?.includes('未生效'));
  checks.push({
    name: '每次被拒绝的保存都是冲突提示（说明谁改了什么、保存未生效）',
    pass: notConflict.length === 0,
    detail: `拒绝 ${refusedSaves.length} 次（其中故意用过期版本 ${refusedSaves.filter((e) => e.stale).length} 次），非冲突的拒绝 ${notConflict.length} 次${sample(notConflict.map((e) => e.message ?? ''))}`,
  });

  const staleAccepted = saves.filter((e) => e.stale && e.answer === 'ack');
  const leftovers = refusedSaves.filter((e) => allText.includes(e.marker!));
  checks.push({
    name: '过期版本的保存一次也没有被接受，被拒绝的内容没有留下',
    pass: staleAccepted.length === 0 && leftovers.length === 0,
    detail: `过期保存被接受 ${staleAccepted.length} 次；被拒绝的内容出现在修订中 ${leftovers.length} 次`,
  });

  const audit = await db
    .select({ actorId: auditLog.actorId, action: auditLog.action, targetId: auditLog.targetId, after: auditLog.after })
    .from(auditLog)
    .where(gt(auditLog.id, plan.auditBaseline));
  const keyOf = (action: string, actorId: number | null, targetId: string | number | null, extra: unknown) => `${action}|${actorId}|${targetId}|${extra ?? ''}`;
  const bodies = await db
    .select({ authorId: reviewComments.authorId, body: reviewComments.body })
    .from(reviewComments)
    .where(inArray(reviewComments.caseId, caseIds));
  const stored = new Set(bodies.map((b) => `${b.authorId}|${/【[^】]*】/.exec(b.body)?.[0] ?? ''}`));

  // A write whose answer never arrived may or may not have happened; where the database shows it
  // did, it is owed its audit entry like an acknowledged one.
  const unknown = ledger.filter((e) => e.answer === 'error');
  const landed = unknown.flatMap((e): LedgerEntry[] => {
    if (e.action === 'saveCaseAction') {
      const revision = landedIn(e.marker!);
      return revision === undefined ? [] : [{ ...e, revision }];
    }
    return e.action === 'commentAction' && stored.has(`${e.actorId}|${e.marker}`) ? [e] : [];
  });
  const expectedKeys: string[] = [];
  for (const e of [...ledger.filter((x) => x.answer === 'ack'), ...landed]) {
    const action = Object.keys(AUDITED).find((k) => AUDITED[k] === e.action)!;
    const extra = e.action === 'saveCaseAction' ? e.revision : e.action === 'commentAction' ? e.marker : e.action.startsWith('submit') || e.action.startsWith('withdraw') ? e.version : '';
    expectedKeys.push(keyOf(action, e.actorId, e.targetId, extra));
  }
  const actualKeys: string[] = [];
  const unexpected: string[] = [];
  let signInEntries = 0;
  for (const row of audit) {
    const after = (row.after ?? {}) as { revision?: number; version?: number; body?: string };
    if (row.action === 'auth.sign_in') signInEntries++;
    else if (!AUDITED[row.action]) unexpected.push(row.action);
    else {
      const extra =
        row.action === 'case.save'
          ? after.revision
          : row.action === 'comment.reply'
            ? /【[^】]*】/.exec(after.body ?? '')?.[0]
            : row.action === 'case.submit' || row.action === 'case.withdraw'
              ? after.version
              : '';
      actualKeys.push(keyOf(row.action, row.actorId, row.targetId, extra));
    }
  }
  const { missing, extra } = diff(expectedKeys, actualKeys);
  checks.push({
    name: '审计日志每次确认的修改恰好一条（保存、提交、撤回、回复、发布、撤回发布）',
    pass: missing.length === 0 && extra.length === 0 && unexpected.length === 0 && signInEntries === signIns,
    detail: `确认 ${expectedKeys.length} 次，审计 ${actualKeys.length} 条；缺 ${missing.length} 条、多 ${extra.length} 条${sample([...missing, ...extra])}；其他操作 ${unexpected.length} 条；登录 ${signInEntries}/${signIns}`,
  });

  const replies = ledger.filter((e) => e.action === 'commentAction' && e.answer === 'ack');
  const lostReplies = replies.filter((e) => !stored.has(`${e.actorId}|${e.marker}`));
  checks.push({ name: '每条确认的回复都已保存', pass: lostReplies.length === 0, detail: `确认 ${replies.length} 条，缺失 ${lostReplies.length} 条` });

  const like = `%${DRAFT_MARKER}%`;
  const [leakCases] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publishedCases)
    .where(sql`${publishedCases.title} like ${like} or ${publishedCases.lead} like ${like} or ${publishedCases.sections}::text like ${like}`);
  const [leakIssues] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publishedIssues)
    .where(sql`${publishedIssues.title} like ${like} or ${publishedIssues.foreword} like ${like}`);
  const leaked = (leakCases?.n ?? 0) + (leakIssues?.n ?? 0);
  checks.push({ name: '发布读模型中没有任何草稿标记', pass: leaked === 0, detail: `含标记的行 ${leaked}` });

  checks.push({
    name: '没有结果未知的写请求（超时、断开、无法解析）',
    pass: unknown.length === 0,
    detail: `${unknown.length} 次（其中数据库显示已生效的保存和回复 ${landed.length} 次）${sample(unknown.map((e) => `${e.action}：${e.message ?? ''}`))}`,
  });
  return checks;
}
