import { describe, expect, it } from 'vitest';
import { ROLES, type CaseStatus, type Role } from '@/lib/content/model';
import { ACTIONS, can, isPublishable, issueTransition, transition, type CaseEvent } from '@/lib/workflow';

// Expectations are written out by hand from the issue's role description, not read from the table.
const EXPECTED: Record<Role, string> = {
  editor:
    'case.read case.create case.edit case.submit case.withdraw comment.reply comment.resolve issue.create issue.edit issue.arrange account.changeOwnPassword account.notificationPreferences',
  reviewer:
    'case.read case.requestChanges case.approve case.proofread comment.create comment.reply comment.resolve issue.publish issue.unpublish issue.schedule account.changeOwnPassword account.notificationPreferences',
  admin:
    'case.read case.create case.edit case.submit case.withdraw case.requestChanges case.approve case.proofread comment.create comment.reply comment.resolve issue.create issue.edit issue.arrange issue.publish issue.unpublish issue.schedule account.manage account.unlockSignIn account.changeOwnPassword account.notificationPreferences settings.manage',
};

describe('role table', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].split(' ').includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => expect(can(role, action)).toBe(allowed));
    }
  }
  it('reviewers never edit case content', () => expect(can('reviewer', 'case.edit')).toBe(false));
  it('only admins manage accounts', () => expect(ROLES.filter((r) => can(r, 'account.manage'))).toEqual(['admin']));
  it('only admins lift a sign-in lock', () => expect(ROLES.filter((r) => can(r, 'account.unlockSignIn'))).toEqual(['admin']));
  it('only admins change the review stages and return reasons', () => expect(ROLES.filter((r) => can(r, 'settings.manage'))).toEqual(['admin']));
  it('those who review record 校次; editors, who write the text, do not', () => expect(ROLES.filter((r) => can(r, 'case.proofread'))).toEqual(['admin', 'reviewer']));
});

const ME = 1;
const OTHER = 2;
const ctx = (role: Role, over: Partial<{ revisionContributorIds: number[]; submittedById: number | null }> = {}) => ({
  role,
  actorId: ME,
  revisionContributorIds: [OTHER],
  submittedById: OTHER,
  ...over,
});

// [status, event, role, expected next status or null for a refusal]: the combinations each rule turns on, spelled out (a chosen 30 of the 75).
const CASES: [CaseStatus, CaseEvent, Role, CaseStatus | null][] = [
  ['draft', 'edit', 'editor', 'draft'],
  ['draft', 'edit', 'admin', 'draft'],
  ['draft', 'edit', 'reviewer', null],
  ['changes_requested', 'edit', 'editor', 'changes_requested'],
  ['in_review', 'edit', 'editor', null],
  ['in_review', 'edit', 'admin', null],
  ['approved', 'edit', 'editor', 'draft'],
  ['published', 'edit', 'editor', 'draft'],
  ['draft', 'submit', 'editor', 'in_review'],
  ['draft', 'submit', 'admin', 'in_review'],
  ['draft', 'submit', 'reviewer', null],
  ['changes_requested', 'submit', 'editor', 'in_review'],
  ['in_review', 'submit', 'editor', null],
  ['approved', 'submit', 'editor', null],
  ['published', 'submit', 'editor', null],
  ['in_review', 'requestChanges', 'reviewer', 'changes_requested'],
  ['in_review', 'requestChanges', 'admin', 'changes_requested'],
  ['in_review', 'requestChanges', 'editor', null],
  ['draft', 'requestChanges', 'reviewer', null],
  ['approved', 'requestChanges', 'reviewer', null],
  ['in_review', 'approve', 'reviewer', 'approved'],
  ['in_review', 'approve', 'admin', 'approved'],
  ['in_review', 'approve', 'editor', null],
  ['draft', 'approve', 'reviewer', null],
  ['changes_requested', 'approve', 'reviewer', null],
  ['approved', 'approve', 'reviewer', null],
  ['published', 'approve', 'admin', null],
  ['in_review', 'withdraw', 'admin', 'draft'],
  ['in_review', 'withdraw', 'reviewer', null],
  ['draft', 'withdraw', 'editor', null],
];

describe('case transitions', () => {
  for (const [status, event, role, expected] of CASES) {
    it(`${role}: ${status} --${event}--> ${expected ?? 'refused'}`, () => {
      const result = transition(status, event, ctx(role));
      expect(result.ok ? result.status : null).toBe(expected);
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('an editor withdraws only their own submission', () => {
    expect(transition('in_review', 'withdraw', ctx('editor', { submittedById: ME }))).toEqual({ ok: true, status: 'draft' });
    expect(transition('in_review', 'withdraw', ctx('editor', { submittedById: OTHER })).ok).toBe(false);
  });

  it('nobody approves a revision they wrote, admins included', () => {
    for (const role of ['reviewer', 'admin'] as const) {
      const result = transition('in_review', 'approve', ctx(role, { revisionContributorIds: [ME] }));
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('自己撰写') });
    }
  });

  // Every role against a revision someone else saved last, but which still carries the actor's
  // unreviewed text (a restore of it, or an edit on top of it): editors lack the permission, the
  // others are refused for separation of duties.
  for (const role of ROLES) {
    it(`${role}: may not approve a revision that carries their unreviewed text among others'`, () => {
      const result = transition('in_review', 'approve', ctx(role, { revisionContributorIds: [OTHER, ME] }));
      expect(result.ok).toBe(false);
      if (!result.ok && role !== 'editor') expect(result.reason).toContain('自己撰写');
    });
  }
  it('a reviewer or admin may approve when none of the text is theirs, however many others wrote it', () => {
    for (const role of ['reviewer', 'admin'] as const) {
      expect(transition('in_review', 'approve', ctx(role, { revisionContributorIds: [OTHER, 3, 4] }))).toEqual({ ok: true, status: 'approved' });
    }
  });
  it('a pass at an earlier stage keeps the case in review; only the last stage approves it', () => {
    for (const role of ['reviewer', 'admin'] as const) {
      expect(transition('in_review', 'approve', { ...ctx(role), finalStage: false })).toEqual({ ok: true, status: 'in_review' });
      expect(transition('in_review', 'approve', { ...ctx(role), finalStage: true })).toEqual({ ok: true, status: 'approved' });
      expect(transition('in_review', 'approve', { ...ctx(role, { revisionContributorIds: [ME] }), finalStage: false }).ok).toBe(false);
    }
    expect(transition('in_review', 'approve', { ...ctx('editor'), finalStage: false }).ok).toBe(false);
  });
  it('separation of duties binds only approval: contributors may still submit, withdraw and be sent changes', () => {
    expect(transition('draft', 'submit', ctx('editor', { revisionContributorIds: [ME] })).ok).toBe(true);
    expect(transition('in_review', 'withdraw', ctx('editor', { revisionContributorIds: [ME], submittedById: ME })).ok).toBe(true);
    expect(transition('in_review', 'requestChanges', ctx('admin', { revisionContributorIds: [ME] })).ok).toBe(true);
  });
});

describe('issue transitions', () => {
  it('reviewers and admins publish, schedule and unpublish; editors do not', () => {
    expect(issueTransition('draft', 'publish', 'reviewer')).toEqual({ ok: true, status: 'published' });
    expect(issueTransition('scheduled', 'publish', 'admin')).toEqual({ ok: true, status: 'published' });
    expect(issueTransition('draft', 'publish', 'editor').ok).toBe(false);
    expect(issueTransition('draft', 'schedule', 'editor').ok).toBe(false);
    expect(issueTransition('published', 'unpublish', 'editor').ok).toBe(false);
    expect(issueTransition('published', 'unpublish', 'reviewer')).toEqual({ ok: true, status: 'draft' });
  });
  it('refuses meaningless moves', () => {
    expect(issueTransition('draft', 'unpublish', 'reviewer').ok).toBe(false);
    expect(issueTransition('published', 'schedule', 'reviewer').ok).toBe(false);
    expect(issueTransition('draft', 'unschedule', 'reviewer').ok).toBe(false);
    expect(issueTransition('scheduled', 'unschedule', 'reviewer')).toEqual({ ok: true, status: 'draft' });
  });
});

describe('what may be published', () => {
  it('approved cases, and published cases with no newer working revision', () => {
    expect(isPublishable({ status: 'approved', currentRevisionId: 3, publishedRevisionId: null })).toBe(true);
    expect(isPublishable({ status: 'published', currentRevisionId: 3, publishedRevisionId: 3 })).toBe(true);
    expect(isPublishable({ status: 'draft', currentRevisionId: 4, publishedRevisionId: 3 })).toBe(false);
    expect(isPublishable({ status: 'in_review', currentRevisionId: 4, publishedRevisionId: null })).toBe(false);
  });
});
