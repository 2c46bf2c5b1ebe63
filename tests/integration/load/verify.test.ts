import { max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createCase, saveCase } from '@/lib/services/cases';
import { draftContent, marker } from '@/scripts/load/content';
import type { LedgerEntry } from '@/scripts/load/editors';
import type { Plan } from '@/scripts/load/setup';
import { verify, type Check } from '@/scripts/load/verify';
import { createActor } from '../support/fixtures';
import { createTestDatabase } from '../support/test-db';

// The load run's verdict "nothing acknowledged is lost" is only worth something if the checker
// notices a loss: it must pass on an honest ledger and fail when the ledger and the database differ.

let database: Database;
let editor: Actor;
let plan: Plan;
const honest: LedgerEntry[] = [];
let caseId = 0;
let version = 0;

const byName = (checks: Check[], start: string) => checks.find((c) => c.name.startsWith(start))!;

async function ackedSave(n: number): Promise<LedgerEntry> {
  const result = await saveCase(database.db, editor, { caseId, baseVersion: version, content: draftContent(1, n, n) });
  if (!result.ok || !result.revision) throw new Error('save failed');
  version = result.case.version;
  return { action: 'saveCaseAction', actorId: editor.id, targetId: caseId, answer: 'ack', marker: marker(n), revision: result.revision.number, version };
}

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.db, 'editor', '负载编辑');
  const created = await createCase(database.db, editor, { content: draftContent(1, 0, 0) });
  if (!created.ok) throw new Error(created.message);
  caseId = created.case.id;
  version = created.case.version;
  plan = {
    password: '',
    editors: [{ index: 1, email: editor.email, userId: editor.id, ownCaseId: caseId, ownVersion: version, pairCaseId: caseId, pairVersion: version, threadId: 1, threadRevisionId: 1 }],
    reviewer: { email: '', userId: editor.id },
    toggled: { issueId: 0, number: 901, caseIds: [] },
    demo: { issueNumbers: [], caseIds: [] },
    auditBaseline: 0,
  };
  const [row] = await database.db.select({ top: max(auditLog.id) }).from(auditLog);
  plan.auditBaseline = row?.top ?? 0;
  honest.push(await ackedSave(1), await ackedSave(2));
  const stale = await saveCase(database.db, editor, { caseId, baseVersion: version - 1, content: draftContent(1, 3, 3) });
  if (stale.ok || !stale.conflict) throw new Error('expected a conflict');
  honest.push({ action: 'saveCaseAction', actorId: editor.id, targetId: caseId, answer: 'conflict', marker: marker(3), stale: true, message: stale.message });
});

afterAll(async () => {
  await database?.close();
});

describe('the load run checker', () => {
  it('passes a ledger that matches the database', async () => {
    const checks = await verify(database.db, plan, honest, 0);
    expect(checks.filter((c) => !c.pass)).toEqual([]);
  });

  it('notices an acknowledged save that is not in the revision history or the audit log', async () => {
    const lost: LedgerEntry = { ...honest[0]!, revision: 99, marker: marker(99) };
    const checks = await verify(database.db, plan, [...honest, lost], 0);
    expect(byName(checks, '每次确认的保存都在修订历史中').pass).toBe(false);
    expect(byName(checks, '审计日志每次确认的修改恰好一条').detail).toContain('缺 1 条');
  });

  it('notices a refused save whose text is in the history anyway, and a refusal that was not a conflict', async () => {
    const claimedRefused: LedgerEntry = { ...honest[1]!, answer: 'refused', message: '服务器出错' };
    const checks = await verify(database.db, plan, [honest[0]!, claimedRefused, honest[2]!], 0);
    expect(byName(checks, '过期版本的保存一次也没有被接受，被拒绝的内容没有留下').pass).toBe(false);
    expect(byName(checks, '每次被拒绝的保存都是冲突提示').pass).toBe(false);
    expect(byName(checks, '审计日志每次确认的修改恰好一条').detail).toContain('多 1 条');
  });

  it('owes an audit entry to a save whose answer never arrived but which landed, and still reports it', async () => {
    const unanswered: LedgerEntry = { ...honest[1]!, answer: 'error', revision: undefined, message: '请求超时' };
    const checks = await verify(database.db, plan, [honest[0]!, unanswered, honest[2]!], 0);
    expect(byName(checks, '审计日志每次确认的修改恰好一条').pass).toBe(true);
    const unknown = byName(checks, '没有结果未知的写请求');
    expect(unknown.pass).toBe(false);
    expect(unknown.detail).toContain('已生效的保存和回复 1 次');
  });

  it('notices a stale save that was accepted', async () => {
    const accepted: LedgerEntry = { ...honest[1]!, stale: true };
    const checks = await verify(database.db, plan, [honest[0]!, accepted], 0);
    expect(byName(checks, '过期版本的保存一次也没有被接受').pass).toBe(false);
  });
});
