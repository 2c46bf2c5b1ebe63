import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { listAuditEntries, parseAuditFilters } from '@/lib/admin/audit-list';
import { DETAIL_KEYS } from '@/lib/admin/audit-summary';
import { loadDashboard } from '@/lib/admin/dashboard';
import { isAuditAction } from '@/lib/audit/actions';
import type { Actor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/sign-in';
import { saveCase, submitForReview } from '@/lib/services/cases';
import { addCaseToIssue, createIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { publishIssue } from '@/lib/services/publishing';
import { addComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import { changeRole } from '@/lib/services/users';
import { createActor, sampleContent, TEST_PASSWORD } from './support/fixtures';
import { createTestDatabase, testTarget } from './support/test-db';
import { approveFully, must, newCase, reasonId } from './workflow/helpers';

const TITLE_A = '浙江省义乌市向随迁子女扩大义务教育学位供给';
const TITLE_B = '广东省深圳市将大部分义务教育学位提供给随迁子女';

// The audit page, the dashboard and a case's trail read the log through one loader: every entry
// comes back named (titles, 第N期, people, 第N版), whatever the services wrote.
describe(`the audit log as people read it (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, reviewer: Actor, admin: Actor;
  let caseA: number, issueId: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor', '编辑甲');
    reviewer = await createActor(db, 'reviewer', '审核乙');
    admin = await createActor(db, 'admin', '管理员丙');

    // A realistic morning: two cases written, reviewed with comments, sent back, approved, put in
    // an issue and published; an account changed; a failed sign-in.
    const a = await newCase(db, editor, { title: TITLE_A });
    const b = await newCase(db, editor, { title: TITLE_B });
    caseA = a.id;
    const saved = must(await saveCase(db, editor, { caseId: a.id, baseVersion: a.version, content: sampleContent({ title: TITLE_A, lead: '补充导语' }) }));
    const inReview = must(await submitForReview(db, editor, { caseId: a.id, baseVersion: saved.case.version })).case;
    const comment = must(await addComment(db, reviewer, { caseId: a.id, revisionId: inReview.currentRevisionId, sectionIndex: 1, body: '请补充学位数字' })).comment;
    must(await addComment(db, editor, { caseId: a.id, revisionId: inReview.currentRevisionId, sectionIndex: 1, parentId: comment.id, body: '已补充' }));
    const sentBack = must(await requestChanges(db, reviewer, { caseId: a.id, reasonId: await reasonId(db), comment: '数字不全', sectionIndex: null })).case;
    must(await resolveComment(db, editor, { commentId: comment.id, caseId: a.id, resolved: true }));
    const again = must(await submitForReview(db, editor, { caseId: a.id, baseVersion: sentBack.version })).case;
    must(await approveFully(db, reviewer, { caseId: a.id, revisionId: again.currentRevisionId }));
    const bInReview = must(await submitForReview(db, editor, { caseId: b.id, baseVersion: b.version })).case;
    must(await approveFully(db, reviewer, { caseId: b.id, revisionId: bInReview.currentRevisionId }));

    const issue = must(await createIssue(db, editor, { number: 3, title: '加快城镇基本公共服务均等化', foreword: '' })).issue;
    issueId = issue.id;
    must(await updateIssue(db, editor, { issueId, baseVersion: issue.version, number: 3, title: '加快城镇基本公共服务均等化', foreword: '本期收录两个案例。' }));
    must(await addCaseToIssue(db, editor, { issueId, caseId: a.id }));
    must(await addCaseToIssue(db, editor, { issueId, caseId: b.id }));
    must(await reorderCases(db, editor, { issueId, caseIds: [b.id, a.id] }));
    must(await publishIssue(db, reviewer, { issueId }));

    must(await changeRole(db, admin, { userId: editor.id, role: 'reviewer' }));
    await authenticate(db, { email: editor.email, password: `${TEST_PASSWORD}-wrong` }, '10.60.0.1');
  });
  afterAll(async () => database?.close());

  it('labels every action the services wrote and knows every detail key they recorded', async () => {
    const rows = await db.select({ action: auditLog.action, before: auditLog.before, after: auditLog.after }).from(auditLog);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.action).filter((a) => !isAuditAction(a))).toEqual([]);
    const keys = new Set(rows.flatMap((r) => [r.before, r.after].flatMap((side) => (side && typeof side === 'object' ? Object.keys(side) : []))));
    expect([...keys].filter((k) => !(DETAIL_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  it('the audit page names cases by title, issues as 第N期, people by name and versions as 第N版, never by id', async () => {
    const { rows } = await listAuditEntries(db, admin, parseAuditFilters({}));
    // The first time each action happened (the page is newest first).
    const line = (action: string) => rows.findLast((r) => r.action === action)!;
    expect(line('case.approve')).toMatchObject({ actorName: '审核乙', actionLabel: '审核通过', target: { label: `《${TITLE_A}》`, href: `/admin/cases/${caseA}` } });
    expect(line('comment.create').summary).toMatch(/^修订版本：第2版；段落：（二）；意见：“/u);
    expect(line('comment.resolve').summary).toBe('意见：“请补充学位数字”；意见状态：未解决 → 已解决');
    expect(line('issue.publish')).toMatchObject({ actionLabel: '发布一期', target: { label: '第三期：加快城镇基本公共服务均等化', href: `/admin/issues/${issueId}` } });
    expect(line('issue.publish').summary).toContain(`收录案例：共2篇，《${TITLE_B}》、《${TITLE_A}》`);
    expect(line('issue.reorder').summary).toContain(`→ 《${TITLE_B}》、《${TITLE_A}》`);
    expect(line('case.add_to_issue').summary).toBe('期刊：第三期；位置：典型做法之1');
    expect(line('user.change_role')).toMatchObject({ actionLabel: '修改角色', target: { label: '编辑甲' }, summary: '角色：编辑 → 审核' });
    expect(line('auth.sign_in_failed').summary).toContain('原因：密码错误');
    for (const r of rows) {
      const text = `${r.actionLabel} ${r.target?.label ?? ''} ${r.summary}`;
      expect(text, r.action).not.toMatch(/[{}"]|#\s*\d|\bcaseId\b|\bundefined\b/u);
      expect(r.actionLabel, r.action).not.toBe(r.action);
    }
  });

  it('the dashboard shows everyone the same editorial activity, with names and titles, and no sign-ins or account changes', async () => {
    for (const actor of [editor, reviewer, admin]) {
      const { activity } = await loadDashboard(db, actor);
      expect(activity).toHaveLength(10);
      expect(activity.filter((e) => e.action.startsWith('auth.') || e.action.startsWith('user.'))).toEqual([]);
      expect(activity[0]).toMatchObject({ actorName: '审核乙', actionLabel: '发布一期', target: { label: '第三期：加快城镇基本公共服务均等化' } });
    }
  });
});
