import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, gt, max } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, caseRevisions, cases, issueNumberRedirects, issues, publishedCases, publishedIssues } from '@/db/schema';
import { listIssuesWithReadiness } from '@/lib/admin/issue-detail';
import type { AuditAction } from '@/lib/audit/actions';
import type { Actor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/sign-in';
import { PAIR_LIMIT } from '@/lib/auth/throttle';
import { parseCompilation } from '@/lib/import/parse';
import * as casesService from '@/lib/services/cases';
import { createCase, saveCase, submitForReview, withdrawSubmission } from '@/lib/services/cases';
import * as correctionsService from '@/lib/services/corrections';
import { publishCorrection } from '@/lib/services/corrections';
import * as importService from '@/lib/services/import';
import { importCompilation } from '@/lib/services/import';
import * as issueSectionsService from '@/lib/services/issue-sections';
import { assignCaseSection, createIssueSection, deleteIssueSection, renameIssueSection, reorderIssueSections } from '@/lib/services/issue-sections';
import * as issuesService from '@/lib/services/issues';
import { addCaseToIssue, createIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import * as publishingService from '@/lib/services/publishing';
import { publishDueIssues, publishIssue, scheduleIssue, unpublishIssue, unscheduleIssue, type DueRun } from '@/lib/services/publishing';
import * as reviewsService from '@/lib/services/reviews';
import { addComment, approve, reopenComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import * as roundsService from '@/lib/services/proofreading-rounds';
import { recordRound } from '@/lib/services/proofreading-rounds';
import * as reviewStagesService from '@/lib/services/review-stages';
import { loadReviewSettings, readReviewStages, saveReturnReasons, saveReviewStages } from '@/lib/services/review-stages';
import * as revisionsService from '@/lib/services/revisions';
import { compareRevisions, listRevisions, restoreRevision } from '@/lib/services/revisions';
import * as siteSettingsService from '@/lib/services/site-settings';
import { readSiteSettings, saveSiteSettings } from '@/lib/services/site-settings';
import * as usersService from '@/lib/services/users';
import { changeOwnPassword, changeRole, createUser, createUserFromCommandLine, deactivateUser, reactivateUser, resetPassword, unlockSignIn } from '@/lib/services/users';
import { createActor, sampleContent, TEST_PASSWORD } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import type { Result } from '@/lib/services/result';
import { approved, approveFully, must, newCase, newIssue, reasonId, readyIssue, submitted, toFinalStage } from './helpers';

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
    expect(stale.conflict?.changes).toEqual([expect.objectContaining({ by: '编辑甲', action: '修改案例', fields: ['标题'] })]);
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

  it('a return needs a stock reason, and words when the reason is 其他; it is anchored to a section of the revision under review', async () => {
    const c = await submitted(db, editor);
    const noReason = await requestChanges(db, reviewer, { caseId: c.id, comment: '第二段数字缺失' });
    expect(noReason.ok ? null : noReason.fieldErrors?.reasonId).toEqual(['请选择退回理由']);
    const otherInSilence = await requestChanges(db, reviewer, { caseId: c.id, reasonId: await reasonId(db, '其他'), comment: '  ' });
    expect(otherInSilence.ok ? null : otherInSilence.fieldErrors?.comment).toEqual(['选择“其他”时必须写明退回意见']);
    expect((await db.select().from(cases).where(eq(cases.id, c.id)))[0]!.status).toBe('in_review');
    const r = must(await requestChanges(db, reviewer, { caseId: c.id, reasonId: await reasonId(db), comment: '第二段数字缺失', sectionIndex: 1 }));
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
    expect(must(await approveFully(db, reviewer, { caseId: c.id, revisionId: saved.case.currentRevisionId })).case.status).toBe('approved');
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
    must(await approveFully(db, reviewer, { caseId: c!.id, revisionId: resubmitted.case.currentRevisionId }));
    // The public text changes, so the publish carries a 更正说明 (tests/integration/workflow/corrections.test.ts).
    must(await publishIssue(db, reviewer, { issueId: issue.id, corrections: [{ caseId: c!.id, note: '标题更正为“修订后的标题”。' }] }));
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

  it('the issue list counts as ready exactly the cases publishing would accept', async () => {
    const { issue, cases: [kept, edited] } = await readyIssue(db, editor, reviewer, 2);
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    const readiness = async () => (await listIssuesWithReadiness(db, reviewer)).find((i) => i.id === issue.id);
    expect(await readiness()).toMatchObject({ total: 2, ready: 2 });
    const [live] = await db.select().from(cases).where(eq(cases.id, edited!.id));
    must(await saveCase(db, editor, { caseId: edited!.id, baseVersion: live!.version, content: sampleContent({ lead: '发布后又改' }) }));
    expect(await readiness()).toMatchObject({ total: 2, ready: 1 });
    const refused = await publishIssue(db, reviewer, { issueId: issue.id });
    expect(refused.ok ? [] : refused.details).toEqual([expect.stringContaining('已发布的版本之后又有修改')]);
    expect(kept).toBeDefined();
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
});

// Every service that changes something writes its audit entry in the same transaction. Each row of
// this table builds its own fixture and then runs exactly one service call, so the entries that call
// wrote are the ones after the highest id before it: no row depends on another or on their order.
// The last test makes the table complete: a service module's export is either here or a known read.
describe(`every mutation service writes its audit entry (${testTarget})`, () => {
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

  /** One service call, after its fixture: who acts, what the entry must say, and the call itself. */
  interface Mutation {
    actor: () => Actor | null;
    action: AuditAction;
    /** Entries the same call writes after the main one (a request for changes is also a comment). */
    also?: AuditAction[];
    target: ['case' | 'issue' | 'user' | 'settings', number | null];
    run: () => Promise<Result<object> | DueRun>;
  }
  type Setup = () => Promise<Mutation>;

  const draftWithComment = async () => {
    const c = await submitted(db, editor);
    const { comment } = must(await requestChanges(db, reviewer, { caseId: c.id, reasonId: await reasonId(db), comment: '请补充数据' }));
    return { c, comment };
  };

  const MUTATIONS: Record<string, Setup> = {
    createCase: async () => {
      const nextId = (await db.select({ id: cases.id }).from(cases)).reduce((m, r) => Math.max(m, r.id), 0) + 1;
      return { actor: () => editor, action: 'case.create', target: ['case', nextId], run: () => createCase(db, editor, { content: sampleContent() }) };
    },
    saveCase: async () => {
      const c = await newCase(db, editor);
      return { actor: () => editor, action: 'case.save', target: ['case', c.id], run: () => saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '新导语' }) }) };
    },
    restoreRevision: async () => {
      const c = await newCase(db, editor);
      must(await saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '改过' }) }));
      return { actor: () => editor, action: 'case.restore', target: ['case', c.id], run: () => restoreRevision(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, baseVersion: c.version + 1 }) };
    },
    submitForReview: async () => {
      const c = await newCase(db, editor);
      return { actor: () => editor, action: 'case.submit', target: ['case', c.id], run: () => submitForReview(db, editor, { caseId: c.id, baseVersion: c.version }) };
    },
    withdrawSubmission: async () => {
      const c = await submitted(db, editor);
      return { actor: () => editor, action: 'case.withdraw', target: ['case', c.id], run: () => withdrawSubmission(db, editor, { caseId: c.id, baseVersion: c.version }) };
    },
    requestChanges: async () => {
      const c = await submitted(db, editor);
      const reason = await reasonId(db);
      return { actor: () => reviewer, action: 'case.request_changes', also: ['comment.create'], target: ['case', c.id], run: () => requestChanges(db, reviewer, { caseId: c.id, reasonId: reason, comment: '请补充数据' }) };
    },
    approve: async () => {
      const c = await submitted(db, editor);
      await toFinalStage(db, c.id, [reviewer]);
      return { actor: () => reviewer, action: 'case.approve', target: ['case', c.id], run: () => approve(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId }) };
    },
    'approve at an earlier stage': async () => {
      const c = await submitted(db, editor);
      return { actor: () => reviewer, action: 'case.pass_stage', target: ['case', c.id], run: () => approve(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId }) };
    },
    recordRound: async () => {
      const c = await submitted(db, editor);
      return { actor: () => reviewer, action: 'case.record_round', target: ['case', c.id], run: () => recordRound(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId }) };
    },
    saveReviewStages: async () => {
      const base = must(await loadReviewSettings(db, admin)).stagesBase;
      const stages = (await readReviewStages(db)).map(({ name, roles, userIds, requiredRounds, returnRestarts }) => ({ name, roles, userIds, requiredRounds, returnRestarts }));
      return { actor: () => admin, action: 'settings.review_stages', target: ['settings', null], run: () => saveReviewStages(db, admin, { base, stages }) };
    },
    saveReturnReasons: async () => {
      const { reasons, reasonsBase } = must(await loadReviewSettings(db, admin));
      const next = [...reasons.map(({ id, label, active }) => ({ id, label, active })), { id: null, label: `新理由${reasons.length}`, active: true }];
      return { actor: () => admin, action: 'settings.return_reasons', target: ['settings', null], run: () => saveReturnReasons(db, admin, { base: reasonsBase, reasons: next }) };
    },
    addComment: async () => {
      const c = await submitted(db, editor);
      return { actor: () => reviewer, action: 'comment.create', target: ['case', c.id], run: () => addComment(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId, sectionIndex: 0, body: '这里缺数字' }) };
    },
    resolveComment: async () => {
      const { c, comment } = await draftWithComment();
      return { actor: () => editor, action: 'comment.resolve', target: ['case', c.id], run: () => resolveComment(db, editor, { commentId: comment.id }) };
    },
    reopenComment: async () => {
      const { c, comment } = await draftWithComment();
      must(await resolveComment(db, editor, { commentId: comment.id }));
      return { actor: () => reviewer, action: 'comment.reopen', target: ['case', c.id], run: () => reopenComment(db, reviewer, { commentId: comment.id }) };
    },
    createIssue: async () => {
      const nextId = (await db.select({ id: issues.id }).from(issues)).reduce((m, r) => Math.max(m, r.id), 0) + 1;
      return { actor: () => editor, action: 'issue.create', target: ['issue', nextId], run: () => createIssue(db, editor, { number: 500 + nextId, title: '新的一期', foreword: '' }) };
    },
    updateIssue: async () => {
      const issue = await newIssue(db, editor);
      return { actor: () => editor2, action: 'issue.update', target: ['issue', issue.id], run: () => updateIssue(db, editor2, { issueId: issue.id, baseVersion: issue.version, number: issue.number, title: '新主题', foreword: '' }) };
    },
    addCaseToIssue: async () => {
      const [issue, c] = [await newIssue(db, editor), await newCase(db, editor)];
      return { actor: () => editor, action: 'case.add_to_issue', target: ['case', c.id], run: () => addCaseToIssue(db, editor, { issueId: issue.id, caseId: c.id }) };
    },
    removeCaseFromIssue: async () => {
      const issue = await newIssue(db, editor);
      const c = await submitted(db, editor, issue.id);
      return { actor: () => editor, action: 'case.remove_from_issue', target: ['case', c.id], run: () => removeCaseFromIssue(db, editor, { issueId: issue.id, caseId: c.id }) };
    },
    reorderCases: async () => {
      const issue = await newIssue(db, editor);
      const [a, b] = [await submitted(db, editor, issue.id), await submitted(db, editor, issue.id)];
      return { actor: () => editor, action: 'issue.reorder', target: ['issue', issue.id], run: () => reorderCases(db, editor, { issueId: issue.id, caseIds: [b.id, a.id] }) };
    },
    createIssueSection: async () => {
      const issue = await newIssue(db, editor);
      return { actor: () => editor, action: 'issue.sections', target: ['issue', issue.id], run: () => createIssueSection(db, editor, { issueId: issue.id, title: '教育' }) };
    },
    renameIssueSection: async () => {
      const issue = await newIssue(db, editor);
      const { sections } = must(await createIssueSection(db, editor, { issueId: issue.id, title: '教育' }));
      return { actor: () => editor2, action: 'issue.sections', target: ['issue', issue.id], run: () => renameIssueSection(db, editor2, { issueId: issue.id, sectionId: sections[0]!.id, title: '住房' }) };
    },
    reorderIssueSections: async () => {
      const issue = await newIssue(db, editor);
      must(await createIssueSection(db, editor, { issueId: issue.id, title: '教育' }));
      const { sections } = must(await createIssueSection(db, editor, { issueId: issue.id, title: '住房' }));
      const reversed = sections.map((x) => x.id).reverse();
      return { actor: () => editor, action: 'issue.sections', target: ['issue', issue.id], run: () => reorderIssueSections(db, editor, { issueId: issue.id, sectionIds: reversed }) };
    },
    deleteIssueSection: async () => {
      const issue = await newIssue(db, editor);
      const { sections } = must(await createIssueSection(db, editor, { issueId: issue.id, title: '教育' }));
      return { actor: () => editor, action: 'issue.sections', target: ['issue', issue.id], run: () => deleteIssueSection(db, editor, { issueId: issue.id, sectionId: sections[0]!.id }) };
    },
    assignCaseSection: async () => {
      const issue = await newIssue(db, editor);
      const c = await submitted(db, editor, issue.id);
      const { sections } = must(await createIssueSection(db, editor, { issueId: issue.id, title: '教育' }));
      return { actor: () => editor, action: 'issue.sections', target: ['case', c.id], run: () => assignCaseSection(db, editor, { issueId: issue.id, caseId: c.id, sectionId: sections[0]!.id }) };
    },
    saveSiteSettings: async () => {
      const s = await readSiteSettings(db);
      const input = { issueLabelFormat: s.issueLabelFormat, showColophon: s.showColophon, publisherName: `编印单位${s.version}`, baseVersion: s.version };
      return { actor: () => admin, action: 'settings.site', target: ['settings', null], run: () => saveSiteSettings(db, admin, input) };
    },
    publishIssue: async () => {
      const { issue } = await readyIssue(db, editor, reviewer, 1);
      return { actor: () => reviewer, action: 'issue.publish', target: ['issue', issue.id], run: () => publishIssue(db, reviewer, { issueId: issue.id }) };
    },
    publishCorrection: async () => {
      const { issue, cases: [c] } = await readyIssue(db, editor, reviewer, 1);
      must(await publishIssue(db, reviewer, { issueId: issue.id }));
      const [row] = await db.select().from(cases).where(eq(cases.id, c!.id));
      const saved = must(await saveCase(db, editor, { caseId: c!.id, baseVersion: row!.version, content: sampleContent({ title: '更正后的标题' }) }));
      const inReview = must(await submitForReview(db, editor, { caseId: c!.id, baseVersion: saved.case.version }));
      const revisionId = must(await approveFully(db, reviewer, { caseId: c!.id, revisionId: inReview.case.currentRevisionId })).case.approvedRevisionId;
      return { actor: () => reviewer, action: 'case.publish_correction', target: ['case', c!.id], run: () => publishCorrection(db, reviewer, { caseId: c!.id, revisionId, note: '标题更正。' }) };
    },
    unpublishIssue: async () => {
      const { issue } = await readyIssue(db, editor, reviewer, 1);
      must(await publishIssue(db, reviewer, { issueId: issue.id }));
      return { actor: () => reviewer, action: 'issue.unpublish', target: ['issue', issue.id], run: () => unpublishIssue(db, reviewer, { issueId: issue.id }) };
    },
    scheduleIssue: async () => {
      const { issue } = await readyIssue(db, editor, reviewer, 1);
      return { actor: () => reviewer, action: 'issue.schedule', target: ['issue', issue.id], run: () => scheduleIssue(db, reviewer, { issueId: issue.id, scheduledAt: new Date(Date.now() + 3600_000) }) };
    },
    unscheduleIssue: async () => {
      const { issue } = await readyIssue(db, editor, reviewer, 1);
      must(await scheduleIssue(db, reviewer, { issueId: issue.id, scheduledAt: new Date(Date.now() + 3600_000) }));
      return { actor: () => reviewer, action: 'issue.unschedule', target: ['issue', issue.id], run: () => unscheduleIssue(db, reviewer, { issueId: issue.id }) };
    },
    publishDueIssues: async () => {
      const { issue } = await readyIssue(db, editor, reviewer, 1);
      const now = new Date();
      must(await scheduleIssue(db, reviewer, { issueId: issue.id, scheduledAt: new Date(now.getTime() + 1000) }, now));
      // The scheduler acts as nobody: the entry says so with a null actor.
      return { actor: () => null, action: 'issue.publish', target: ['issue', issue.id], run: () => publishDueIssues(db, new Date(now.getTime() + 2000)) };
    },
    importCompilation: async () => {
      const doc = parseCompilation('01\n第一期:审计测试专题\n典型做法之1:浙江省义乌市扩大学位供给\n(一)主要做法。一是新建学校。二是增加学位。\n');
      return { actor: () => editor, action: 'import.compilation', target: ['issue', null], run: () => importCompilation(db, editor, doc) };
    },
    createUser: async () => ({
      actor: () => admin,
      action: 'user.create',
      target: ['user', null],
      run: () => createUser(db, admin, { email: `new-${Date.now()}@example.test`, name: '新同事', role: 'editor', password: 'a-long-enough-password' }),
    }),
    createUserFromCommandLine: async () => ({
      actor: () => null,
      action: 'user.create',
      target: ['user', null],
      run: () => createUserFromCommandLine(db, { email: `cli-${Date.now()}@example.test`, name: '命令行', role: 'admin', password: 'a-long-enough-password' }),
    }),
    changeRole: async () => {
      const u = await createActor(db, 'editor', '换角色');
      return { actor: () => admin, action: 'user.change_role', target: ['user', u.id], run: () => changeRole(db, admin, { userId: u.id, role: 'reviewer' }) };
    },
    deactivateUser: async () => {
      const u = await createActor(db, 'editor', '停用');
      return { actor: () => admin, action: 'user.deactivate', target: ['user', u.id], run: () => deactivateUser(db, admin, { userId: u.id }) };
    },
    reactivateUser: async () => {
      const u = await createActor(db, 'editor', '恢复');
      must(await deactivateUser(db, admin, { userId: u.id }));
      return { actor: () => admin, action: 'user.reactivate', target: ['user', u.id], run: () => reactivateUser(db, admin, { userId: u.id }) };
    },
    resetPassword: async () => {
      const u = await createActor(db, 'editor', '重置');
      return { actor: () => admin, action: 'user.reset_password', target: ['user', u.id], run: () => resetPassword(db, admin, { userId: u.id }) };
    },
    changeOwnPassword: async () => {
      const u = await createActor(db, 'editor', '改密码');
      return {
        actor: () => u,
        action: 'user.change_own_password',
        target: ['user', u.id],
        run: () => changeOwnPassword(db, u, { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password', confirmPassword: 'another-long-password' }),
      };
    },
    unlockSignIn: async () => {
      const u = await createActor(db, 'editor', '被锁');
      for (let i = 0; i <= PAIR_LIMIT; i++) await authenticate(db, { email: u.email, password: 'wrong-password' }, '10.9.0.1');
      return { actor: () => admin, action: 'user.unlock_sign_in', target: ['user', u.id], run: () => unlockSignIn(db, admin, { userId: u.id }) };
    },
  };

  it.each(Object.keys(MUTATIONS))('%s writes its audit entry naming its actor, action and target', async (name) => {
    const mutation = await MUTATIONS[name]!();
    const [{ last } = { last: 0 }] = await db.select({ last: max(auditLog.id) }).from(auditLog);
    const result = await mutation.run();
    if ('ok' in result) expect(result.ok ? 'ok' : result.message, name).toBe('ok');
    else expect(result.published.length, name).toBe(1);
    const written = await db.select().from(auditLog).where(gt(auditLog.id, last ?? 0)).orderBy(asc(auditLog.id));
    const [targetType, targetId] = mutation.target;
    expect(written.map((e) => e.action)).toEqual([mutation.action, ...(mutation.also ?? [])]);
    expect(written[0]).toMatchObject({ actorId: mutation.actor()?.id ?? null, targetType });
    if (targetId !== null) expect(written[0]!.targetId).toBe(String(targetId));
    expect(written[0]!.before !== null || written[0]!.after !== null).toBe(true);
  });

  it('covers every exported service that changes data', () => {
    // Exports that only read, or are steps other services call inside their own transaction.
    const READS = new Set(['listRevisions', 'compareRevisions', 'listComments', 'listUsers', 'checkImport', 'changeStatus', 'lockIssue']);
    // The contents steps the issue and 栏目 services take inside their transactions, and the settings' read.
    for (const k of ['lockArrangeableIssue', 'renumber', 'tocOf', 'arrangeToc', 'readSiteSettings']) READS.add(k);
    // The review settings' and 校次 reads.
    for (const k of ['readReviewStages', 'readReviewStagesForDecision', 'readReturnReasons', 'loadReviewSettings', 'stagesFingerprint', 'reasonsFingerprint', 'roundsOfRevision']) READS.add(k);
    // Corrections: reads, the steps publishIssue takes inside its transaction, and the start-up count of 待更正.
    const CORRECTION_STEPS = ['publicTextChanged', 'correctionCaseName', 'pendingCorrections', 'assertCorrectionNotes', 'recordCorrection', 'auditCorrection'];
    for (const k of [...CORRECTION_STEPS, 'listPendingCorrections', 'listCorrections', 'countUncheckedPublishedErrors']) READS.add(k);
    const modules = { casesService, issuesService, issueSectionsService, siteSettingsService, publishingService, reviewsService, revisionsService, usersService, importService, correctionsService, reviewStagesService, roundsService };
    const exported = Object.values(modules).flatMap((m) => Object.entries(m).filter(([, v]) => typeof v === 'function').map(([k]) => k));
    expect(exported.filter((k) => !READS.has(k) && !(k in MUTATIONS))).toEqual([]);
  });
});
