import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, caseRevisions, cases, issueNumberRedirects, issues, publishedCases, publishedIssues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveCase, submitForReview, withdrawSubmission } from '@/lib/services/cases';
import { addCaseToIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { publishIssue, unpublishIssue } from '@/lib/services/publishing';
import { compareRevisions, listRevisions, restoreRevision } from '@/lib/services/revisions';
import { addComment, approve, reopenComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { approved, must, newCase, newIssue, readyIssue, submitted } from './helpers';

describe(`editorial workflow (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, editor2: Actor, reviewer: Actor, admin: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor', '编辑甲');
    editor2 = await createActor(db, 'editor', '编辑乙');
    reviewer = await createActor(db, 'reviewer', '审核丙');
    admin = await createActor(db, 'admin', '管理员丁');
  });
  afterAll(async () => database?.close());

  it('every save is a revision with its author; a stale save is refused naming who changed what', async () => {
    const c = await newCase(db, editor);
    const first = must(await saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ title: '新标题' }) }));
    expect(first.case.version).toBe(c.version + 1);
    const stale = await saveCase(db, editor2, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '乙的导语' }) });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.conflict?.changes).toEqual([expect.objectContaining({ by: '编辑甲', action: '修改', fields: ['标题'] })]);
    expect(stale.message).toContain('编辑甲');
    const revisions = must(await listRevisions(db, editor, { caseId: c.id })).revisions;
    expect(revisions.map((r) => [r.number, r.authorName])).toEqual([
      [2, '编辑甲'],
      [1, '编辑甲'],
    ]);
  });

  it('editing an approved case sends it back to draft and drops the approval', async () => {
    const c = await approved(db, editor, reviewer);
    const saved = must(await saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '补充' }) }));
    expect(saved.case).toMatchObject({ status: 'draft', approvedRevisionId: null });
  });

  it('reviewers do not edit content; a case in review cannot be edited until withdrawn', async () => {
    const c = await submitted(db, editor);
    expect((await saveCase(db, reviewer, { caseId: c.id, baseVersion: c.version, content: sampleContent() })).ok).toBe(false);
    const r = await saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: 'x' }) });
    expect(r.ok ? null : r.message).toContain('撤回');
    expect((await withdrawSubmission(db, editor2, { caseId: c.id, baseVersion: c.version })).ok).toBe(false);
    expect(must(await withdrawSubmission(db, editor, { caseId: c.id, baseVersion: c.version })).case.status).toBe('draft');
  });

  it('submit and withdraw carry the version the editor saw; a stale one is refused naming who changed what', async () => {
    const c = await newCase(db, editor);
    const changed = must(await saveCase(db, editor2, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '乙刚改的导语' }) })).case;
    const stale = await submitForReview(db, editor, { caseId: c.id, baseVersion: c.version });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.message).toContain('编辑乙');
    expect(stale.message).toContain('“提交审核”未生效');
    expect(stale.conflict).toMatchObject({ currentVersion: changed.version, changes: [expect.objectContaining({ by: '编辑乙', fields: ['导语'] })] });
    expect((await db.select().from(cases).where(eq(cases.id, c.id)))[0]).toMatchObject({ status: 'draft', version: changed.version });
    const inReview = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: changed.version })).case;
    const staleWithdraw = await withdrawSubmission(db, editor, { caseId: c.id, baseVersion: changed.version });
    expect(staleWithdraw.ok ? null : staleWithdraw.conflict?.currentVersion).toBe(inReview.version);
    expect((await db.select().from(cases).where(eq(cases.id, c.id)))[0]!.status).toBe('in_review');
    const missing = await submitForReview(db, editor, { caseId: c.id });
    expect(missing.ok ? null : missing.fieldErrors?.baseVersion).toEqual(['缺少版本号']);
  });

  it('request changes needs a comment, anchored to a section of the revision under review', async () => {
    const c = await submitted(db, editor);
    const noComment = await requestChanges(db, reviewer, { caseId: c.id, comment: '  ' });
    expect(noComment.ok ? null : noComment.fieldErrors?.comment).toEqual(['退回修改时必须填写意见']);
    const r = must(await requestChanges(db, reviewer, { caseId: c.id, comment: '第二段数字缺失', sectionIndex: 1 }));
    expect(r.case.status).toBe('changes_requested');
    expect(r.comment).toMatchObject({ revisionId: c.currentRevisionId, sectionIndex: 1, resolvedAt: null });
    const reply = must(await addComment(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, parentId: r.comment.id, body: '已补上' }));
    expect(reply.comment.parentId).toBe(r.comment.id);
    expect((await addComment(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, sectionIndex: 0, body: '新意见' })).ok).toBe(false);
    expect(must(await resolveComment(db, editor, { commentId: r.comment.id })).comment.resolvedAt).not.toBeNull();
    expect(must(await reopenComment(db, reviewer, { commentId: r.comment.id })).comment.resolvedAt).toBeNull();
    expect((await addComment(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId, sectionIndex: 9, body: '没有这段' })).ok).toBe(false);
  });

  it('approval is of the revision the reviewer read', async () => {
    const c = await submitted(db, editor);
    must(await withdrawSubmission(db, editor, { caseId: c.id, baseVersion: c.version }));
    const saved = must(await saveCase(db, editor, { caseId: c.id, baseVersion: c.version + 1, content: sampleContent({ lead: '改过' }) }));
    must(await submitForReview(db, editor, { caseId: c.id, baseVersion: saved.case.version }));
    const stale = await approve(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId });
    expect(stale.ok).toBe(false);
    expect(must(await approve(db, reviewer, { caseId: c.id, revisionId: saved.case.currentRevisionId })).case.status).toBe('approved');
  });

  it('compares any two revisions and restores one as a new revision', async () => {
    const c = await newCase(db, editor);
    const v2 = must(await saveCase(db, editor, { caseId: c.id, baseVersion: 1, content: sampleContent({ title: '义乌市扩大学位供给' }) }));
    const cmp = must(await compareRevisions(db, reviewer, { caseId: c.id, fromRevisionId: c.currentRevisionId, toRevisionId: v2.revision!.id }));
    expect(cmp.diff.fields.find((f) => f.label === '标题')?.changed).toBe(true);
    expect(cmp.diff.sections.every((s) => !s.changed)).toBe(true);
    const restored = must(await restoreRevision(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, baseVersion: 2 }));
    expect(restored.revision).toMatchObject({ number: 3, note: '恢复自第1版' });
    expect(restored.case.title).toBe(sampleContent().title);
    expect(await db.select().from(caseRevisions).where(eq(caseRevisions.caseId, c.id))).toHaveLength(3);
  });

  it('publishing refuses while a case is not approved, listing it, and publishes nothing', async () => {
    const { issue } = await readyIssue(db, editor, reviewer, 1);
    const pending = await submitted(db, editor, issue.id);
    const r = await publishIssue(db, reviewer, { issueId: issue.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.details).toEqual([`典型做法之2“${pending.title}”：待审核`]);
    expect(await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id))).toHaveLength(0);
  });

  it('editing a published case leaves the public copy until it is approved and published again', async () => {
    const { issue, cases: [c] } = await readyIssue(db, editor, reviewer, 1);
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    const [live] = await db.select().from(cases).where(eq(cases.id, c!.id));
    expect(live!.status).toBe('published');
    const edited = must(await saveCase(db, editor, { caseId: c!.id, baseVersion: live!.version, content: sampleContent({ title: '修订后的标题' }) }));
    expect(edited.case).toMatchObject({ status: 'draft', publishedRevisionId: live!.publishedRevisionId });
    const pub = async () => (await db.select().from(publishedCases).where(eq(publishedCases.caseId, c!.id)))[0]!;
    expect((await pub()).title).toBe(sampleContent().title);
    expect((await publishIssue(db, reviewer, { issueId: issue.id })).ok).toBe(false);
    const resubmitted = must(await submitForReview(db, editor, { caseId: c!.id, baseVersion: edited.case.version }));
    must(await approve(db, reviewer, { caseId: c!.id, revisionId: resubmitted.case.currentRevisionId }));
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    expect((await pub()).title).toBe('修订后的标题');
    const again = await publishIssue(db, reviewer, { issueId: issue.id });
    expect(again.ok ? null : again.message).toContain('没有新的内容');
  });

  it('unpublishing removes the issue from the public read model; cases can be published again', async () => {
    const { issue, cases: list } = await readyIssue(db, editor, reviewer, 2);
    must(await publishIssue(db, admin, { issueId: issue.id }));
    expect(await db.select().from(publishedCases).where(eq(publishedCases.issueId, issue.id))).toHaveLength(2);
    expect((await unpublishIssue(db, editor, { issueId: issue.id })).ok).toBe(false);
    must(await unpublishIssue(db, reviewer, { issueId: issue.id }));
    expect(await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id))).toHaveLength(0);
    expect(await db.select().from(publishedCases).where(eq(publishedCases.issueId, issue.id))).toHaveLength(0);
    const rows = await db.select().from(cases).where(eq(cases.issueId, issue.id));
    expect(rows.map((r) => r.status)).toEqual(['approved', 'approved']);
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    expect(list).toHaveLength(2);
  });

  it('renumbering a published issue and publishing again keeps the old number as a redirect', async () => {
    const { issue } = await readyIssue(db, editor, reviewer, 1);
    const published = must(await publishIssue(db, reviewer, { issueId: issue.id })).issue;
    must(await updateIssue(db, editor, { issueId: issue.id, baseVersion: published.version, number: 777, title: issue.title, foreword: '' }));
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    expect(await db.select().from(issueNumberRedirects).where(eq(issueNumberRedirects.issueId, issue.id))).toEqual([{ oldNumber: issue.number, issueId: issue.id }]);
    expect((await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id)))[0]!.number).toBe(777);
  });

  it('reorders and removes cases without tripping the unique position', async () => {
    const issue = await newIssue(db, editor);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await newCase(db, editor);
      must(await addCaseToIssue(db, editor, { issueId: issue.id, caseId: c.id }));
      ids.push(c.id);
    }
    const order = [ids[3]!, ids[1]!, ids[0]!, ids[2]!];
    must(await reorderCases(db, editor, { issueId: issue.id, caseIds: order }));
    const positions = async () =>
      (await db.select({ id: cases.id, position: cases.position }).from(cases).where(eq(cases.issueId, issue.id))).sort((a, b) => a.position! - b.position!).map((r) => r.id);
    expect(await positions()).toEqual(order);
    expect((await reorderCases(db, editor, { issueId: issue.id, caseIds: order.slice(1) })).ok).toBe(false);
    expect((await reorderCases(db, reviewer, { issueId: issue.id, caseIds: order })).ok).toBe(false);
    must(await removeCaseFromIssue(db, editor, { issueId: issue.id, caseId: ids[1]! }));
    expect(await positions()).toEqual([ids[3], ids[0], ids[2]]);
  });

  it('issue edits carry a version; a stale one is a conflict', async () => {
    const issue = await newIssue(db, editor);
    must(await updateIssue(db, editor, { issueId: issue.id, baseVersion: 1, number: issue.number, title: '新主题', foreword: '' }));
    const stale = await updateIssue(db, editor2, { issueId: issue.id, baseVersion: 1, number: issue.number, title: '另一个', foreword: '' });
    expect(stale.ok ? null : stale.conflict?.changes[0]).toMatchObject({ by: '编辑甲', fields: ['主题'] });
    const other = await newIssue(db, editor);
    const taken = await updateIssue(db, editor, { issueId: other.id, baseVersion: 1, number: issue.number, title: 'x', foreword: '' });
    expect(taken.ok ? null : taken.fieldErrors?.number).toBeDefined();
  });

  it('every mutation above left an audit entry with its actor', async () => {
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, 'case.approve')));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.actorId !== null && e.after !== null)).toBe(true);
    const [published] = await db.select().from(issues).where(eq(issues.status, 'published'));
    expect(published).toBeDefined();
  });
});
