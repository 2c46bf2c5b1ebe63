import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import { signInThrottle } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { ROLES, type Role } from '@/lib/content/model';
import { createCase, saveCase, submitForReview, withdrawSubmission } from '@/lib/services/cases';
import { addCaseToIssue, createIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { assignCaseSection, createIssueSection, deleteIssueSection, renameIssueSection, reorderIssueSections } from '@/lib/services/issue-sections';
import { readSiteSettings, saveSiteSettings } from '@/lib/services/site-settings';
import { publishIssue, scheduleIssue, unpublishIssue, unscheduleIssue } from '@/lib/services/publishing';
import type { Result } from '@/lib/services/result';
import { addComment, approve, listComments, reopenComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import { recordRound } from '@/lib/services/proofreading-rounds';
import {
  loadReviewSettings,
  readReturnReasons,
  readReviewStages,
  reasonsFingerprint,
  saveReturnReasons,
  saveReviewStages,
  stagesFingerprint,
} from '@/lib/services/review-stages';
import { compareRevisions, listRevisions, restoreRevision } from '@/lib/services/revisions';
import { getNotificationPreferences, updateNotificationPreferences } from '@/lib/services/notification-preferences';
import { changeOwnPassword, changeRole, createUser, deactivateUser, listUsers, reactivateUser, resetPassword, unlockSignIn } from '@/lib/services/users';
import { TEST_PASSWORD, createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { approved, must, newCase, newIssue, readyIssue, reasonId, submitted, toFinalStage } from './helpers';

// Every service, every role, in the state that matters. The expected roles are written out here by
// hand from the issue text; nothing below reads the permission table.
type Run = (db: Db, actor: Actor) => Promise<Result>;
type Row = [name: string, allowed: string, setup: (db: Db, owner: Actor, reviewer: Actor) => Promise<Run>];

const later = () => new Date(Date.now() + 86_400_000).toISOString();
let createdIssueNumber = 999;

const ROWS: Row[] = [
  ['create a case', 'editor admin', async () => (db, a) => createCase(db, a, { content: sampleContent() })],
  ['save a draft', 'editor admin', async (db, o) => {
    const c = await newCase(db, o);
    return (db, a) => saveCase(db, a, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '改' }) });
  }],
  ['save a case in review', '', async (db, o) => {
    const c = await submitted(db, o);
    return (db, a) => saveCase(db, a, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '改' }) });
  }],
  ['restore a revision', 'editor admin', async (db, o) => {
    const c = await newCase(db, o);
    must(await saveCase(db, o, { caseId: c.id, baseVersion: 1, content: sampleContent({ lead: '改' }) }));
    return (db, a) => restoreRevision(db, a, { caseId: c.id, revisionId: c.currentRevisionId, baseVersion: 2 });
  }],
  ['submit a draft', 'editor admin', async (db, o) => {
    const c = await newCase(db, o);
    return (db, a) => submitForReview(db, a, { caseId: c.id, baseVersion: c.version });
  }],
  ['submit an approved case', '', async (db, o, r) => {
    const c = await approved(db, o, r);
    return (db, a) => submitForReview(db, a, { caseId: c.id, baseVersion: c.version });
  }],
  ["withdraw someone else's submission", 'admin', async (db, o) => {
    const c = await submitted(db, o);
    return (db, a) => withdrawSubmission(db, a, { caseId: c.id, baseVersion: c.version });
  }],
  ['request changes on a case in review', 'reviewer admin', async (db, o) => {
    const c = await submitted(db, o);
    const reason = await reasonId(db);
    return (db, a) => requestChanges(db, a, { caseId: c.id, reasonId: reason, comment: '请补充数据' });
  }],
  ['return a case from its last stage', 'reviewer admin', async (db, o) => {
    const c = await submitted(db, o);
    await toFinalStage(db, c.id);
    const reason = await reasonId(db, '其他');
    return (db, a) => requestChanges(db, a, { caseId: c.id, reasonId: reason, comment: '请补充数据' });
  }],
  ['request changes on a draft', '', async (db, o) => {
    const c = await newCase(db, o);
    const reason = await reasonId(db);
    return (db, a) => requestChanges(db, a, { caseId: c.id, reasonId: reason, comment: '请补充数据' });
  }],
  ["approve someone else's revision", 'reviewer admin', async (db, o) => {
    const c = await submitted(db, o);
    return (db, a) => approve(db, a, { caseId: c.id, revisionId: c.currentRevisionId });
  }],
  ['approve a draft', '', async (db, o) => {
    const c = await newCase(db, o);
    return (db, a) => approve(db, a, { caseId: c.id, revisionId: c.currentRevisionId });
  }],
  ["pass the last stage (approve) of someone else's revision", 'reviewer admin', async (db, o) => {
    const c = await submitted(db, o);
    await toFinalStage(db, c.id);
    return (db, a) => approve(db, a, { caseId: c.id, revisionId: c.currentRevisionId });
  }],
  ['record a 校次 on a case in review', 'reviewer admin', async (db, o) => {
    const c = await submitted(db, o);
    return (db, a) => recordRound(db, a, { caseId: c.id, revisionId: c.currentRevisionId });
  }],
  ['record a 校次 on an approved case not yet published', 'reviewer admin', async (db, o, r) => {
    const c = await approved(db, o, r);
    return (db, a) => recordRound(db, a, { caseId: c.id, revisionId: c.currentRevisionId });
  }],
  ['record a 校次 on a draft', '', async (db, o) => {
    const c = await newCase(db, o);
    return (db, a) => recordRound(db, a, { caseId: c.id, revisionId: c.currentRevisionId });
  }],
  ['read the review settings', 'admin', async () => (db, a) => loadReviewSettings(db, a)],
  ['save the review stages', 'admin', async (db) => {
    const base = stagesFingerprint(await readReviewStages(db));
    const stages = (await readReviewStages(db)).map(({ name, roles, userIds, requiredRounds, returnRestarts }) => ({ name, roles, userIds, requiredRounds, returnRestarts }));
    return (db, a) => saveReviewStages(db, a, { base, stages });
  }],
  ['save the return reasons', 'admin', async (db) => {
    const current = await readReturnReasons(db);
    const reasons = current.map(({ id, label, active }) => ({ id, label, active }));
    return (db, a) => saveReturnReasons(db, a, { base: reasonsFingerprint(current), reasons });
  }],
  ['start a comment thread', 'reviewer admin', async (db, o) => {
    const c = await submitted(db, o);
    return (db, a) => addComment(db, a, { caseId: c.id, revisionId: c.currentRevisionId, sectionIndex: 0, body: '意见' });
  }],
  ['reply to a comment', 'editor reviewer admin', async (db, o, r) => {
    const c = await submitted(db, o);
    const { comment } = must(await requestChanges(db, r, { caseId: c.id, reasonId: await reasonId(db), comment: '请补充' }));
    return (db, a) => addComment(db, a, { caseId: c.id, revisionId: c.currentRevisionId, parentId: comment.id, body: '好的' });
  }],
  ['resolve a comment', 'editor reviewer admin', async (db, o, r) => {
    const c = await submitted(db, o);
    const { comment } = must(await requestChanges(db, r, { caseId: c.id, reasonId: await reasonId(db), comment: '请补充' }));
    return (db, a) => resolveComment(db, a, { commentId: comment.id });
  }],
  ['reopen a comment', 'editor reviewer admin', async (db, o, r) => {
    const c = await submitted(db, o);
    const { comment } = must(await requestChanges(db, r, { caseId: c.id, reasonId: await reasonId(db), comment: '请补充' }));
    must(await resolveComment(db, r, { commentId: comment.id }));
    return (db, a) => reopenComment(db, a, { commentId: comment.id });
  }],
  ['read history, comments and diffs', 'editor reviewer admin', async (db, o) => {
    const c = await newCase(db, o);
    return async (db, a) => {
      const results = [
        await listRevisions(db, a, { caseId: c.id }),
        await listComments(db, a, { caseId: c.id }),
        await compareRevisions(db, a, { caseId: c.id, fromRevisionId: c.currentRevisionId, toRevisionId: c.currentRevisionId }),
      ];
      return results.find((r) => !r.ok) ?? results[0]!;
    };
  }],
  ['create an issue', 'editor admin', async () => {
    // Issue numbers stop at 999; helpers number their issues upwards from 100, so these count down.
    const n = createdIssueNumber--;
    return (db, a) => createIssue(db, a, { number: n, title: '主题', foreword: '' });
  }],
  ['edit an issue', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    return (db, a) => updateIssue(db, a, { issueId: i.id, baseVersion: i.version, number: i.number, title: '新主题', foreword: '' });
  }],
  ['add a case to an issue', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    const c = await newCase(db, o);
    return (db, a) => addCaseToIssue(db, a, { issueId: i.id, caseId: c.id });
  }],
  ['remove a case from an issue', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    const c = await newCase(db, o);
    must(await addCaseToIssue(db, o, { issueId: i.id, caseId: c.id }));
    return (db, a) => removeCaseFromIssue(db, a, { issueId: i.id, caseId: c.id });
  }],
  ['reorder cases', 'editor admin', async (db, o, r) => {
    const { issue, cases } = await readyIssue(db, o, r, 2);
    return (db, a) => reorderCases(db, a, { issueId: issue.id, caseIds: cases.map((c) => c.id).reverse() });
  }],
  ['edit a scheduled issue', '', async (db, o, r) => {
    const { issue } = await readyIssue(db, o, r, 1);
    const i = must(await scheduleIssue(db, r, { issueId: issue.id, scheduledAt: later() })).issue;
    return (db, a) => updateIssue(db, a, { issueId: i.id, baseVersion: i.version, number: i.number, title: '新主题', foreword: '' });
  }],
  ['reorder the cases of a scheduled issue', '', async (db, o, r) => {
    const { issue, cases } = await readyIssue(db, o, r, 2);
    must(await scheduleIssue(db, r, { issueId: issue.id, scheduledAt: later() }));
    return (db, a) => reorderCases(db, a, { issueId: issue.id, caseIds: cases.map((c) => c.id).reverse() });
  }],
  ['save a case of a scheduled issue', '', async (db, o, r) => {
    const { issue, cases: [c] } = await readyIssue(db, o, r, 1);
    must(await scheduleIssue(db, r, { issueId: issue.id, scheduledAt: later() }));
    return (db, a) => saveCase(db, a, { caseId: c!.id, baseVersion: c!.version, content: sampleContent({ lead: '改' }) });
  }],
  ['publish an issue whose cases are approved', 'reviewer admin', async (db, o, r) => {
    const { issue } = await readyIssue(db, o, r, 1);
    return (db, a) => publishIssue(db, a, { issueId: issue.id });
  }],
  ['publish an issue with a draft case', '', async (db, o) => {
    const i = await newIssue(db, o);
    must(await addCaseToIssue(db, o, { issueId: i.id, caseId: (await newCase(db, o)).id }));
    return (db, a) => publishIssue(db, a, { issueId: i.id });
  }],
  ['unpublish a published issue', 'reviewer admin', async (db, o, r) => {
    const { issue } = await readyIssue(db, o, r, 1);
    must(await publishIssue(db, r, { issueId: issue.id }));
    return (db, a) => unpublishIssue(db, a, { issueId: issue.id });
  }],
  ['schedule an issue', 'reviewer admin', async (db, o, r) => {
    const { issue } = await readyIssue(db, o, r, 1);
    return (db, a) => scheduleIssue(db, a, { issueId: issue.id, scheduledAt: later() });
  }],
  ['cancel a schedule', 'reviewer admin', async (db, o, r) => {
    const { issue } = await readyIssue(db, o, r, 1);
    must(await scheduleIssue(db, r, { issueId: issue.id, scheduledAt: later() }));
    return (db, a) => unscheduleIssue(db, a, { issueId: issue.id });
  }],
  ['add a 栏目 to an issue', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    return (db, a) => createIssueSection(db, a, { issueId: i.id, title: '教育' });
  }],
  ['rename a 栏目', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    const { sections } = must(await createIssueSection(db, o, { issueId: i.id, title: '教育' }));
    return (db, a) => renameIssueSection(db, a, { issueId: i.id, sectionId: sections[0]!.id, title: '住房' });
  }],
  ['reorder the 栏目 of an issue', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    must(await createIssueSection(db, o, { issueId: i.id, title: '教育' }));
    const { sections } = must(await createIssueSection(db, o, { issueId: i.id, title: '住房' }));
    return (db, a) => reorderIssueSections(db, a, { issueId: i.id, sectionIds: sections.map((s) => s.id).reverse() });
  }],
  ['delete a 栏目', 'editor admin', async (db, o) => {
    const i = await newIssue(db, o);
    const { sections } = must(await createIssueSection(db, o, { issueId: i.id, title: '教育' }));
    return (db, a) => deleteIssueSection(db, a, { issueId: i.id, sectionId: sections[0]!.id });
  }],
  ['list a case under a 栏目', 'editor admin', async (db, o, r) => {
    const { issue, cases } = await readyIssue(db, o, r, 1);
    const { sections } = must(await createIssueSection(db, o, { issueId: issue.id, title: '教育' }));
    return (db, a) => assignCaseSection(db, a, { issueId: issue.id, caseId: cases[0]!.id, sectionId: sections[0]!.id });
  }],
  ['add a 栏目 to a published issue', '', async (db, o, r) => {
    const { issue } = await readyIssue(db, o, r, 1);
    must(await publishIssue(db, r, { issueId: issue.id }));
    return (db, a) => createIssueSection(db, a, { issueId: issue.id, title: '教育' });
  }],
  ['change the site settings (期号格式, 版权页)', 'admin', async () => async (db, a) => {
    const s = await readSiteSettings(db);
    return saveSiteSettings(db, a, { issueLabelFormat: s.issueLabelFormat, showColophon: !s.showColophon, publisherName: s.publisherName, baseVersion: s.version });
  }],
  ['list accounts', 'admin', async () => (db, a) => listUsers(db, a)],
  ['create an account', 'admin', async () => (db, a) =>
    createUser(db, a, { email: `new-${Math.random().toString(36).slice(2)}@example.test`, name: '新同事', role: 'editor', password: 'a-long-password' })],
  ['change a role', 'admin', async (db) => {
    const u = await createActor(db, 'editor');
    return (db, a) => changeRole(db, a, { userId: u.id, role: 'reviewer' });
  }],
  ['deactivate an account', 'admin', async (db) => {
    const u = await createActor(db, 'editor');
    return (db, a) => deactivateUser(db, a, { userId: u.id });
  }],
  ['reactivate an account', 'admin', async (db, o, r) => {
    const u = await createActor(db, 'editor');
    const admin = await createActor(db, 'admin');
    must(await deactivateUser(db, admin, { userId: u.id }));
    return (db, a) => reactivateUser(db, a, { userId: u.id });
  }],
  ["reset someone's password", 'admin', async (db) => {
    const u = await createActor(db, 'editor');
    return (db, a) => resetPassword(db, a, { userId: u.id, newPassword: 'another-long-password' });
  }],
  ['lift a sign-in lock', 'admin', async (db) => {
    const u = await createActor(db, 'editor');
    await db.insert(signInThrottle).values({ key: `account:${u.email}`, failures: 21, lockedUntil: new Date(Date.now() + 15 * 60_000) });
    return (db, a) => unlockSignIn(db, a, { userId: u.id });
  }],
  ['change their own password', 'editor reviewer admin', async () => (db, a) =>
    changeOwnPassword(db, a, { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password', confirmPassword: 'a-new-long-password' })],
  ['turn their own email notifications off', 'editor reviewer admin', async () => (db, a) => updateNotificationPreferences(db, a, { emailNotifications: false })],
  ['read their own notification settings', 'editor reviewer admin', async () => (db, a) => getNotificationPreferences(db, a)],
];

describe(`permissions of every service (${testTarget})`, () => {
  let database: Database;
  let owner: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await createActor(database.db, 'editor', 'owner');
    reviewer = await createActor(database.db, 'reviewer', 'other-reviewer');
  });
  afterAll(async () => database?.close());

  for (const [name, allowed, setup] of ROWS) {
    for (const role of ROLES) {
      const expected = allowed.split(' ').includes(role);
      it(`${role} ${expected ? 'can' : 'cannot'} ${name}`, async () => {
        const run = await setup(database.db, owner, reviewer);
        // A fresh account per check, so one check's effects (a new password, a role) never leak into another.
        const actor = await createActor(database.db, role as Role, `acting-${role}`);
        const result = await run(database.db, actor);
        if (expected) expect(result.ok ? 'ok' : result.message).toBe('ok');
        else {
          expect(result.ok ? 'ok' : result.message).toMatch(/[\u4e00-\u9fff]/);
          // Refused for who they are or the state the case is in, not for malformed input.
          expect(result.ok ? null : result.fieldErrors).toBeUndefined();
        }
      });
    }
  }
});
