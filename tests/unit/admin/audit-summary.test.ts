import { describe, expect, it } from 'vitest';
import { auditChangeSummary, auditEntryView, DETAIL_KEYS } from '@/lib/admin/audit-summary';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/actions';
import { SIGN_IN_FAILURE_REASONS } from '@/lib/audit/reasons';
import { auditReferences, NO_AUDIT_NAMES, type AuditNames, type AuditRow } from '@/lib/audit/references';

// Ids in the 9000s, so that any id leaking into the text is easy to spot.
const CASE_A = 9101;
const CASE_B = 9102;
const ISSUE_3 = 9201;
const ISSUE_4 = 9202;
const REVIEWER = 9301;
const EDITOR = 9302;
const REVISION_3 = 9401;
const COMMENT = 9501;

const names: AuditNames = {
  cases: new Map([
    [CASE_A, '浙江省义乌市向随迁子女扩大义务教育学位供给'],
    [CASE_B, '广东省深圳市将大部分义务教育学位提供给随迁子女'],
  ]),
  issues: new Map([
    [ISSUE_3, { number: 3, title: '加快城镇基本公共服务均等化' }],
    [ISSUE_4, { number: 4, title: '推进以县城为重要载体的城镇化建设' }],
  ]),
  users: new Map([
    [REVIEWER, '李审核'],
    [EDITOR, '王编辑'],
  ]),
  revisions: new Map([[REVISION_3, 3]]),
  comments: new Map([[COMMENT, '请补充学位数字']]),
};

type Sample = Pick<AuditRow, 'targetType' | 'targetId' | 'before' | 'after'> & { clientAddress?: string };
const at = '2026-11-25T06:05:00.000Z';
const caseTarget = { targetType: 'case', targetId: String(CASE_A) };
const issueTarget = { targetType: 'issue', targetId: String(ISSUE_3) };
const userTarget = { targetType: 'user', targetId: String(EDITOR) };

/** What each service writes, shaped as it writes it (lib/services, lib/auth). */
const samples: Record<AuditAction, Sample> = {
  'case.create': { ...caseTarget, before: null, after: { version: 1, status: 'draft', title: '浙江省义乌市向随迁子女扩大义务教育学位供给' } },
  'case.save': { ...caseTarget, before: { status: 'approved', revision: 2, version: 5 }, after: { status: 'draft', revision: 3, fields: ['标题', '（二）主要做法'], version: 6 } },
  'case.restore': { ...caseTarget, before: { status: 'draft', revision: 3, version: 6 }, after: { status: 'draft', revision: 4, fields: ['标题'], restoredFrom: 2, version: 7 } },
  'case.submit': { ...caseTarget, before: { status: 'draft', version: 7 }, after: { status: 'in_review', revision: 4, reviewStage: 1, waitingAt: '初审', version: 8 } },
  'case.withdraw': { ...caseTarget, before: { status: 'in_review', reviewStage: 1, version: 8 }, after: { status: 'draft', revision: 4, reviewStage: null, version: 9 } },
  'case.request_changes': {
    ...caseTarget,
    before: { status: 'in_review', reviewStage: 2, version: 9 },
    after: { status: 'changes_requested', revision: 4, reviewStage: null, stage: 2, stageName: '复审', reason: '数据缺失', comment: '第二段缺少学位数字', version: 10 },
  },
  'case.approve': {
    ...caseTarget,
    before: { status: 'in_review', reviewStage: 3, version: 11 },
    after: { status: 'approved', revision: 4, reviewStage: null, stage: 3, stageName: '终审', version: 12 },
  },
  'case.pass_stage': {
    ...caseTarget,
    before: { status: 'in_review', reviewStage: 1, version: 10 },
    after: { status: 'in_review', revision: 4, reviewStage: 2, waitingAt: '复审', stage: 1, stageName: '初审', version: 11 },
  },
  'case.record_round': { ...caseTarget, before: null, after: { round: 2, revision: 4, errors: 0, warnings: 3, comment: '核对了全部数字' } },
  'case.publish_correction': {
    ...caseTarget,
    before: { status: 'approved', revision: 1, version: 12 },
    after: { status: 'published', revision: 4, note: '将“每人每年元”更正为“每人每年1200元”', version: 13 },
  },
  'case.add_to_issue': { ...caseTarget, before: null, after: { issueId: ISSUE_3, issueNumber: 3, position: 2 } },
  'case.remove_from_issue': { ...caseTarget, before: { issueId: ISSUE_3, issueNumber: 3, position: 2 }, after: null },
  'comment.create': { ...caseTarget, before: null, after: { commentId: COMMENT, revisionId: REVISION_3, sectionIndex: 1, body: '请补充学位数字' } },
  'comment.reply': { ...caseTarget, before: null, after: { commentId: COMMENT + 1, revisionId: REVISION_3, sectionIndex: -1, body: '已补充' } },
  'comment.resolve': { ...caseTarget, before: { commentId: COMMENT, resolved: false }, after: { commentId: COMMENT, resolved: true } },
  'comment.reopen': { ...caseTarget, before: { commentId: COMMENT, resolved: true }, after: { commentId: COMMENT, resolved: false } },
  'issue.create': { ...issueTarget, before: null, after: { number: 3, title: '加快城镇基本公共服务均等化', foreword: '', version: 1 } },
  'issue.update': {
    ...issueTarget,
    before: { number: 3, title: '加快城镇基本公共服务均等化', foreword: '', version: 2 },
    after: { number: 5, title: '加快城镇基本公共服务均等化', foreword: '本期收录', fields: ['期号', '编者按'], version: 3 },
  },
  'issue.reorder': { ...issueTarget, before: { caseIds: [CASE_A, CASE_B] }, after: { caseIds: [CASE_B, CASE_A] } },
  'issue.schedule': { ...issueTarget, before: { status: 'draft', scheduledAt: null, version: 3 }, after: { status: 'scheduled', scheduledAt: at, version: 4 } },
  'issue.unschedule': { ...issueTarget, before: { status: 'scheduled', scheduledAt: at, version: 4 }, after: { status: 'draft', scheduledAt: null, version: 5 } },
  'issue.schedule_failed': {
    ...issueTarget,
    before: { status: 'scheduled', scheduledAt: at, version: 5 },
    after: { status: 'draft', version: 6, reason: '本期还有案例未通过审核，不能发布。', details: ['典型做法之2：待审核'] },
  },
  'issue.publish': {
    ...issueTarget,
    before: { status: 'draft', version: 6 },
    after: { status: 'published', version: 7, scheduled: false, cases: [{ caseId: CASE_A, position: 1, status: 'approved' }, { caseId: CASE_B, position: 2, status: 'approved' }] },
  },
  'issue.unpublish': { ...issueTarget, before: { status: 'published', version: 7, publishedAt: at }, after: { status: 'draft', version: 8 } },
  'issue.sections': { ...issueTarget, before: { sections: ['教育'], caseIds: [CASE_A, CASE_B] }, after: { sections: ['住房', '教育'], caseIds: [CASE_B, CASE_A] } },
  'settings.site': {
    targetType: 'settings',
    targetId: 'site',
    before: { issueLabelFormat: '{year}年第{yearNumber}期（总第{number}期）', showColophon: true, version: 1 },
    after: { issueLabelFormat: '总第{number}期', showColophon: false, fields: ['期号格式', '显示版权页'], version: 2 },
  },
  'settings.review_stages': {
    targetType: 'settings',
    targetId: 'review_stages',
    before: { stages: [{ name: '初审', roles: ['reviewer', 'admin'], userIds: [], requiredRounds: 0, returnRestarts: true }, { name: '终审', roles: ['admin'], userIds: [REVIEWER], requiredRounds: 1, returnRestarts: true }] },
    after: { stages: [{ name: '审核', roles: ['reviewer', 'admin'], userIds: [], requiredRounds: 2, returnRestarts: false }] },
  },
  'settings.return_reasons': {
    targetType: 'settings',
    targetId: 'return_reasons',
    before: { reasons: [{ label: '数据缺失', active: true }, { label: '格式问题', active: true }] },
    after: { reasons: [{ label: '数据缺失', active: true }, { label: '格式问题', active: false }, { label: '引用不当', active: true }] },
  },
  'import.compilation': { targetType: 'issue', targetId: `${ISSUE_3},${ISSUE_4}`, before: null, after: { issuesCreated: 2, casesCreated: 25 } },
  'user.create': { ...userTarget, before: null, after: { email: 'wang@example.gov.cn', name: '王编辑', role: 'editor' } },
  'user.change_role': { ...userTarget, before: { role: 'editor', active: true }, after: { role: 'reviewer', active: true } },
  'user.deactivate': { ...userTarget, before: { role: 'editor', active: true }, after: { role: 'editor', active: false } },
  'user.reactivate': { ...userTarget, before: { role: 'editor', active: false }, after: { role: 'editor', active: true } },
  'user.reset_password': { ...userTarget, before: { role: 'editor', active: true }, after: { role: 'editor', active: true, passwordChanged: true } },
  'user.change_own_password': { ...userTarget, before: { role: 'editor', active: true }, after: { role: 'editor', active: true, passwordChanged: true } },
  'user.notification_preferences': { ...userTarget, before: { emailNotifications: true }, after: { emailNotifications: false } },
  'user.unlock_sign_in': { ...userTarget, before: { lockedUntil: at }, after: { lockedUntil: null } },
  'auth.sign_in': { ...userTarget, before: null, after: null, clientAddress: '10.50.0.1' },
  'auth.sign_in_failed': { ...userTarget, before: null, after: { email: 'wang@example.gov.cn', reason: 'wrong_password' }, clientAddress: '10.50.0.1' },
  'auth.sign_in_locked': { ...userTarget, before: null, after: { email: 'wang@example.gov.cn', reason: 'too_many_pair', lockedUntil: at }, clientAddress: '10.50.0.1' },
  'auth.sign_out': { ...userTarget, before: null, after: null },
};

const row = (action: AuditAction, sample: Sample, id = 1): AuditRow => ({
  id,
  at: new Date(at),
  action,
  actorName: '李审核',
  clientAddress: null,
  ...sample,
});
const view = (action: AuditAction) => auditEntryView(row(action, samples[action]), names);

// What a person must never have to read: JSON, row ids, internal names of keys, codes or states.
const internalWords = new RegExp(
  [...DETAIL_KEYS, ...SIGN_IN_FAILURE_REASONS, 'too_many', 'draft', 'in_review', 'approved', 'published', 'scheduled', 'editor', 'reviewer', 'true', 'false', 'null']
    .map((w) => `\\b${w}\\b`)
    .join('|'),
  'u',
);

describe('an audit entry as people read it', () => {
  it('has a sample here for every action in the vocabulary', () => {
    expect(Object.keys(samples).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  for (const action of AUDIT_ACTIONS) {
    it(`${action}: reads without JSON, ids or internal names`, () => {
      const v = view(action);
      const text = [v.actionLabel, v.target?.label ?? '', v.summary].join(' | ');
      expect(text).not.toMatch(/[{}[\]"]/u);
      expect(text).not.toMatch(/#\s*\d/u);
      expect(text).not.toMatch(/9[1-5]0\d/u);
      expect(text).not.toMatch(internalWords);
      expect(v.actionLabel).not.toBe(action);
    });
  }

  it('names cases by title, issues as 第N期 with their theme, accounts by name, with links where there is a page', () => {
    expect(view('case.submit').target).toEqual({ label: '《浙江省义乌市向随迁子女扩大义务教育学位供给》', href: `/admin/cases/${CASE_A}` });
    expect(view('issue.publish').target).toEqual({ label: '第三期：加快城镇基本公共服务均等化', href: `/admin/issues/${ISSUE_3}` });
    expect(view('import.compilation').target).toEqual({ label: '第三期：加快城镇基本公共服务均等化、第四期：推进以县城为重要载体的城镇化建设', href: null });
    expect(view('user.change_role').target).toEqual({ label: '王编辑', href: null });
  });

  it('renders each detail in words: states, 第N版 from a revision id, sections, comments, issues and positions', () => {
    expect(view('case.approve').summary).toBe('状态：待审核 → 已通过；修订版本：第4版；审核环节：终审');
    expect(view('case.publish_correction').summary).toBe('状态：已通过 → 已发布；修订版本：第1版 → 第4版；更正说明：“将“每人每年元”更正为“每人每年1200元””');
    expect(view('comment.create').summary).toBe('修订版本：第3版；段落：（二）；意见：“请补充学位数字”');
    expect(view('comment.resolve').summary).toBe('意见：“请补充学位数字”；意见状态：未解决 → 已解决');
    expect(view('case.add_to_issue').summary).toBe('期刊：第三期；位置：典型做法之2');
    expect(view('case.save').summary).toBe('状态：已通过 → 草稿；改动：标题、（二）主要做法；修订版本：第2版 → 第3版');
    expect(view('case.restore').summary).toContain('恢复自：第2版');
    expect(view('issue.update').summary).toBe('期号：第三期 → 第五期；编者按：无 → “本期收录”；改动：期号、编者按');
    expect(view('issue.reorder').summary).toContain('《广东省深圳市将大部分义务教育学位提供给随迁子女》、《浙江省义乌市');
    expect(view('issue.publish').summary).toContain('状态：未发布 → 已发布；收录案例：共2篇，《浙江省义乌市');
    expect(view('issue.publish').summary).toContain('发布方式：立即发布');
    expect(view('issue.schedule').summary).toBe('状态：未发布 → 定时发布；定时发布：未设定 → 2026年11月25日 14:05');
    expect(view('import.compilation').summary).toBe('新建期刊：2期；新建案例：25篇');
    expect(view('issue.create').summary).toBe('期号：第三期；主题：加快城镇基本公共服务均等化；编者按：无');
    expect(view('issue.schedule_failed').summary).toContain('原因：本期还有案例未通过审核，不能发布；问题：典型做法之2：待审核');
  });

  it('names 栏目, the 责任编辑 and the site settings in words, a format by the label it makes', () => {
    expect(view('issue.sections').summary).toBe('案例顺序：《浙江省义乌市向随迁子女扩大义务教育学位供给》、《广东省深圳市将大部分义务教育学位提供给随迁子女》 → 《广东省深圳市将大部分义务教育学位提供给随迁子女》、《浙江省义乌市向随迁子女扩大义务教育学位供给》；栏目：教育 → 住房、教育');
    expect(view('settings.site').summary).toBe('改动：期号格式、显示版权页；期号格式：如“2025年第3期（总第27期）” → 如“总第27期”；版权页：显示 → 不显示');
    const assigned = { targetType: 'case', before: { issueId: ISSUE_3, issueNumber: 3, section: null, position: 1 }, after: { issueId: ISSUE_3, issueNumber: 3, section: '住房', position: 2 }, clientAddress: null };
    expect(auditChangeSummary(assigned, names)).toBe('位置：典型做法之1 → 典型做法之2；所属栏目：无 → 住房');
    const editor = { targetType: 'issue', before: { responsibleEditor: null, version: 2 }, after: { responsibleEditor: '王编辑', fields: ['责任编辑'], version: 3 }, clientAddress: null };
    expect(auditChangeSummary(editor, names)).toBe('责任编辑：无 → 王编辑；改动：责任编辑');
  });

  it('says which stage passed or returned a case, why, and where it waits now; 校次 and the review settings in words', () => {
    expect(view('case.approve').summary).toBe('状态：待审核 → 已通过；修订版本：第4版；审核环节：终审');
    expect(view('case.pass_stage').summary).toBe('修订版本：第4版；审核环节：初审；转入：复审');
    expect(view('case.request_changes').summary).toBe('状态：待审核 → 需修改；修订版本：第4版；审核环节：复审；原因：数据缺失；说明：“第二段缺少学位数字”');
    expect(view('case.record_round').summary).toBe('修订版本：第4版；校次：二校；校对错误：0处；校对提醒：3处；说明：“核对了全部数字”');
    expect(view('settings.review_stages').summary).toBe('审核流程：初审 → 终审（校对1次） → 审核（校对2次）');
    expect(view('settings.return_reasons').summary).toBe('退回理由：数据缺失、格式问题 → 数据缺失、格式问题（停用）、引用不当');
  });

  it('says why a sign-in was refused in Chinese, and from where', () => {
    expect(view('auth.sign_in_failed').summary).toBe('邮箱：wang@example.gov.cn；原因：密码错误；地址：10.50.0.1');
    expect(view('auth.sign_in_locked').summary).toContain('原因：同一地址对该账号尝试次数过多；登录限制：至2026年11月25日 14:05');
    expect(view('user.unlock_sign_in').summary).toBe('登录限制：至2026年11月25日 14:05 → 已解除');
    expect(view('user.reset_password').summary).toBe('密码：已更换');
    expect(view('user.change_role').summary).toBe('角色：编辑 → 审核');
    expect(view('user.notification_preferences').summary).toBe('邮件通知：接收 → 不接收');
  });

  it('keeps the row version, which only guards saves, out of the text', () => {
    expect(view('case.withdraw').summary).not.toMatch(/版本号|→ 9/u);
  });

  it('says a case, issue or account no longer exists instead of showing its id', () => {
    const gone = (action: AuditAction) => auditEntryView(row(action, samples[action]), NO_AUDIT_NAMES);
    expect(gone('case.submit').target).toEqual({ label: '已删除的案例', href: null });
    expect(gone('issue.publish').target).toEqual({ label: '已删除的一期', href: null });
    expect(gone('user.deactivate').target).toEqual({ label: '已删除的账号', href: null });
    // The number an issue had when the case was added is still known.
    expect(gone('case.add_to_issue').summary).toBe('期刊：第三期；位置：典型做法之2');
    expect(gone('comment.create').summary).toContain('修订版本：已删除的版本');
  });

  it('leaves out keys it has no words for rather than showing them raw', () => {
    expect(auditChangeSummary({ targetType: 'case', before: null, after: { somethingNew: { a: 1 }, title: '甲' }, clientAddress: null }, names)).toBe('标题：甲');
  });

  it('collects every referenced row of a page for one batch of lookups', () => {
    const rows = AUDIT_ACTIONS.map((a, i) => row(a, samples[a], i + 1));
    const refs = auditReferences(rows);
    expect(refs.cases.sort()).toEqual([CASE_A, CASE_B]);
    expect(refs.issues.sort()).toEqual([ISSUE_3, ISSUE_4]);
    expect(refs.users).toEqual([EDITOR]);
    expect(refs.revisions).toEqual([REVISION_3]);
    expect(refs.comments.sort()).toEqual([COMMENT, COMMENT + 1]);
  });
});
