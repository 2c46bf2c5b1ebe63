import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, caseStageDecisions, cases, proofreadingRounds, publishedIssues, returnReasons, reviewStages, type Case } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createCase, saveCase, submitForReview, withdrawSubmission } from '@/lib/services/cases';
import { addCaseToIssue } from '@/lib/services/issues';
import { recordRound } from '@/lib/services/proofreading-rounds';
import { publishIssue } from '@/lib/services/publishing';
import type { Result } from '@/lib/services/result';
import { addComment, approve, requestChanges } from '@/lib/services/reviews';
import { loadReviewSettings, readReturnReasons, readReviewStages, saveReturnReasons, saveReviewStages } from '@/lib/services/review-stages';
import { restoreRevision } from '@/lib/services/revisions';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase, newIssue, reasonId, submitted } from './helpers';

// 三审三校 through the services: a case passes 初审, 复审 and 终审 one after another, each by someone
// else; a stage's list of people is enforced; any stage returns it with a stock reason; 校次 are
// recorded and required; the admin's configuration (one to three stages, reasons) is checked and
// audited. Every refusal leaves the case as it was.

type StageInput = { name: string; roles: ('reviewer' | 'admin')[]; userIds?: number[]; requiredRounds?: number; returnRestarts?: boolean };
const DEFAULT: StageInput[] = [
  { name: '初审', roles: ['reviewer', 'admin'] },
  { name: '复审', roles: ['reviewer', 'admin'] },
  { name: '终审', roles: ['reviewer', 'admin'], requiredRounds: 1 },
];

describe(`review stages (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, r1: Actor, r2: Actor, r3: Actor, r4: Actor, admin: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor', '编辑甲');
    r1 = await createActor(db, 'reviewer', '张三');
    r2 = await createActor(db, 'reviewer', '李四');
    r3 = await createActor(db, 'reviewer', '王五');
    r4 = await createActor(db, 'reviewer', '赵六');
    admin = await createActor(db, 'admin', '管理员');
  });
  afterAll(async () => database?.close());

  const configure = async (stages: StageInput[]) => {
    const { stagesBase } = must(await loadReviewSettings(db, admin));
    const full = stages.map((s) => ({ userIds: [], requiredRounds: 0, returnRestarts: true, ...s }));
    return saveReviewStages(db, admin, { base: stagesBase, stages: full });
  };
  // Each test starts from the default three stages with no case waiting anywhere (an admin withdraws them).
  beforeEach(async () => {
    for (const c of await db.select().from(cases).where(eq(cases.status, 'in_review'))) must(await withdrawSubmission(db, admin, { caseId: c.id, baseVersion: c.version }));
    must(await configure(DEFAULT));
  });

  const row = async (id: number): Promise<Case> => (await db.select().from(cases).where(eq(cases.id, id)))[0]!;
  const pass = (by: Actor, c: Case) => approve(db, by, { caseId: c.id, revisionId: c.currentRevisionId });
  const round = (by: Actor, c: Case) => recordRound(db, by, { caseId: c.id, revisionId: c.currentRevisionId });
  const refusal = (result: Result) => (result.ok ? 'ok' : result.message);
  const decisionsOf = (caseId: number) =>
    db
      .select({ stage: caseStageDecisions.stage, stageName: caseStageDecisions.stageName, decision: caseStageDecisions.decision, actorId: caseStageDecisions.actorId, revisionId: caseStageDecisions.revisionId, reasonLabel: caseStageDecisions.reasonLabel, comment: caseStageDecisions.comment })
      .from(caseStageDecisions)
      .where(eq(caseStageDecisions.caseId, caseId))
      .orderBy(asc(caseStageDecisions.id));
  const lastAudit = async (since: number) => db.select().from(auditLog).where(gt(auditLog.id, since)).orderBy(asc(auditLog.id));
  const auditMark = async () => (await db.select({ last: max(auditLog.id) }).from(auditLog))[0]?.last ?? 0;

  it('walks 初审 → 复审 → 终审 with three different reviewers, recording who, when and which revision at each', async () => {
    const issue = await newIssue(db, editor);
    const mark = await auditMark();
    const c = await submitted(db, editor, issue.id);
    expect(c).toMatchObject({ status: 'in_review', reviewStage: 1, submittedById: editor.id });

    const first = must(await pass(r1, c));
    expect(first).toMatchObject({ passed: '初审', next: '复审', case: { status: 'in_review', reviewStage: 2, approvedRevisionId: null } });
    must(await pass(r2, first.case));
    expect(await row(c.id)).toMatchObject({ status: 'in_review', reviewStage: 3 });

    // 终审 needs one 校次 on this revision first.
    expect(refusal(await pass(r3, c))).toBe('终审前需要完成1次校对（已完成0次），请先记录校次。');
    const recorded = must(await round(r3, c)).round;
    expect(recorded).toMatchObject({ round: 1, revisionId: c.currentRevisionId, actorId: r3.id, errors: 0 });
    expect(Array.isArray(recorded.findings)).toBe(true);
    const final = must(await pass(r3, c));
    expect(final).toMatchObject({ passed: '终审', next: null, case: { status: 'approved', reviewStage: null, approvedRevisionId: c.currentRevisionId, lastReviewerId: r3.id } });

    expect(await decisionsOf(c.id)).toEqual([
      { stage: 1, stageName: '初审', decision: 'pass', actorId: r1.id, revisionId: c.currentRevisionId, reasonLabel: '', comment: '' },
      { stage: 2, stageName: '复审', decision: 'pass', actorId: r2.id, revisionId: c.currentRevisionId, reasonLabel: '', comment: '' },
      { stage: 3, stageName: '终审', decision: 'pass', actorId: r3.id, revisionId: c.currentRevisionId, reasonLabel: '', comment: '' },
    ]);
    const trail = (await lastAudit(mark)).filter((e) => e.targetId === String(c.id) && e.action !== 'case.add_to_issue' && e.action !== 'case.create');
    expect(trail.map((e) => [e.action, (e.after as Record<string, unknown>).reviewStage, (e.after as Record<string, unknown>).stage ?? null])).toEqual([
      ['case.submit', 1, null],
      ['case.pass_stage', 2, 1],
      ['case.pass_stage', 3, 2],
      ['case.record_round', undefined, null],
      ['case.approve', null, 3],
    ]);
    expect(trail.every((e) => (e.after as Record<string, unknown>).revision === 1)).toBe(true);
    must(await publishIssue(db, r4, { issueId: issue.id }));
  });

  it('one person cannot pass the same revision at two stages, and a refusal changes nothing', async () => {
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    const before = await row(c.id);
    expect(refusal(await pass(r1, c))).toBe('你已在“初审”通过了这一版，“复审”需由其他人审核。');
    expect(await row(c.id)).toEqual(before);
    expect(await decisionsOf(c.id)).toHaveLength(1);
    // An admin is bound the same way.
    const d = await submitted(db, editor);
    must(await pass(admin, d));
    expect(refusal(await pass(admin, d))).toContain('你已在“初审”通过了这一版');
  });

  it('a decision names the stage the reviewer saw: two reviewers passing 初审 at once never pass 复审 unseen', async () => {
    const c = await submitted(db, editor);
    must(await approve(db, r1, { caseId: c.id, revisionId: c.currentRevisionId, stage: 1 }));
    const late = await approve(db, r2, { caseId: c.id, revisionId: c.currentRevisionId, stage: 1 });
    expect(refusal(late)).toBe('案例已不在你审阅时的审核环节：其他审核人员刚刚处理了这一环节，请刷新页面后再审核。');
    const lateReturn = await requestChanges(db, r2, { caseId: c.id, reasonId: await reasonId(db), comment: '', stage: 1 });
    expect(refusal(lateReturn)).toBe('案例已不在你审阅时的审核环节：其他审核人员刚刚处理了这一环节，请刷新页面后再审核。');
    expect(await row(c.id)).toMatchObject({ status: 'in_review', reviewStage: 2 });
    expect(await decisionsOf(c.id)).toHaveLength(1);
  });

  it('nobody passes, or records a 校次 on, text they wrote', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    must(await submitForReview(db, admin, { caseId: c.id, baseVersion: c.version }));
    expect(refusal(await pass(admin, c))).toContain('自己撰写');
    expect(refusal(await round(admin, c))).toBe('这一版含有你自己撰写的内容，校对需由其他人完成。');
    expect(await db.select().from(proofreadingRounds).where(eq(proofreadingRounds.caseId, c.id))).toEqual([]);
    expect(must(await pass(r1, c)).case.reviewStage).toBe(2);
  });

  it("enforces a stage's roles and named people, for passing and for returning", async () => {
    must(await configure([DEFAULT[0]!, DEFAULT[1]!, { name: '终审', roles: ['admin'], userIds: [r4.id] }]));
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    must(await pass(r2, c));
    expect(refusal(await pass(r3, c))).toBe('你不是“终审”的审核人员，不能在这一环节审核。');
    const reason = await reasonId(db);
    expect(refusal(await requestChanges(db, r3, { caseId: c.id, reasonId: reason, comment: '' }))).toBe('你不是“终审”的审核人员，不能在这一环节退回。');
    expect(await row(c.id)).toMatchObject({ status: 'in_review', reviewStage: 3 });
    must(await pass(r4, c));
    expect((await row(c.id)).status).toBe('approved');
  });

  it('any stage returns a case with a stock reason; the resubmission starts again at 初审', async () => {
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    const mark = await auditMark();
    const returned = must(await requestChanges(db, r2, { caseId: c.id, reasonId: await reasonId(db, '与事实不符'), comment: '第二段的学校数与公报不符', sectionIndex: 1 }));
    expect(returned.case).toMatchObject({ status: 'changes_requested', reviewStage: null, resumeStage: null });
    expect(returned.comment).toMatchObject({ body: '【与事实不符】第二段的学校数与公报不符', sectionIndex: 1, addresseeId: editor.id });
    expect((await decisionsOf(c.id)).at(-1)).toEqual({ stage: 2, stageName: '复审', decision: 'return', actorId: r2.id, revisionId: c.currentRevisionId, reasonLabel: '与事实不符', comment: '第二段的学校数与公报不符' });
    const [entry] = (await lastAudit(mark)).filter((e) => e.action === 'case.request_changes');
    expect(entry!.after).toMatchObject({ reviewStage: null, stage: 2, stageName: '复审', reason: '与事实不符', comment: '第二段的学校数与公报不符' });

    const fixed = must(await saveCase(db, editor, { caseId: c.id, baseVersion: returned.case.version, content: sampleContent({ lead: '补充了核实后的数字' }) })).case;
    const again = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: fixed.version })).case;
    expect(again).toMatchObject({ status: 'in_review', reviewStage: 1 });
    // The pass of the earlier revision does not count for the new one: 初审 decides again.
    must(await pass(r3, again));
    // And r1's pass of the old revision does not bar r1 from 复审 of the new one.
    expect(must(await pass(r1, again)).case.reviewStage).toBe(3);
  });

  it('a return from 终审 and from 初审 works the same way, and 其他 needs words', async () => {
    const c = await submitted(db, editor);
    const other = await reasonId(db, '其他');
    const silent = await requestChanges(db, r1, { caseId: c.id, reasonId: other, comment: '' });
    expect(silent.ok ? null : silent.fieldErrors).toEqual({ comment: ['选择“其他”时必须写明退回意见'] });
    expect(must(await requestChanges(db, r1, { caseId: c.id, reasonId: await reasonId(db, '格式问题'), comment: '' })).comment.body).toBe('【格式问题】');
    const d = await submitted(db, editor);
    must(await pass(r1, d));
    must(await pass(r2, d));
    must(await requestChanges(db, r3, { caseId: d.id, reasonId: other, comment: '案例标题与正文不一致' }));
    expect((await decisionsOf(d.id)).at(-1)).toMatchObject({ stage: 3, decision: 'return', reasonLabel: '其他', comment: '案例标题与正文不一致' });
  });

  it('a stage configured not to restart takes the resubmission back itself; those who passed the earlier stages still may not act there', async () => {
    must(await configure([DEFAULT[0]!, DEFAULT[1]!, { ...DEFAULT[2]!, returnRestarts: false }]));
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    must(await pass(r2, c));
    const returned = must(await requestChanges(db, r3, { caseId: c.id, reasonId: await reasonId(db), comment: '缺少2022年数据' })).case;
    expect(returned.resumeStage).toBe(3);
    const fixed = must(await saveCase(db, editor, { caseId: c.id, baseVersion: returned.version, content: sampleContent({ lead: '补上2022年数据' }) })).case;
    const again = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: fixed.version })).case;
    expect(again).toMatchObject({ reviewStage: 3, resumeStage: null });
    must(await round(r4, again));
    expect(refusal(await pass(r1, again))).toBe('你已在“初审”通过了这一版，“终审”需由其他人审核。');
    expect(must(await pass(r3, again)).case.status).toBe('approved');
  });

  it('a revision that passed a later stage before going back to 初审 is not passed there by the same person, and goes on past that stage', async () => {
    must(await configure([DEFAULT[0]!, { ...DEFAULT[1]!, returnRestarts: false }, DEFAULT[2]!]));
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    // 复审 returns it and takes the fixed revision back itself; r4 passes that revision at 复审.
    const returned = must(await requestChanges(db, r2, { caseId: c.id, reasonId: await reasonId(db), comment: '补充数据' })).case;
    const fixed = must(await saveCase(db, editor, { caseId: c.id, baseVersion: returned.version, content: sampleContent({ lead: '补上数据' }) })).case;
    const atSecond = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: fixed.version })).case;
    expect(atSecond.reviewStage).toBe(2);
    must(await pass(r4, atSecond));
    // 终审 returns it (and restarts); the editor puts the same revision forward again: it enters at 初审.
    const back = must(await requestChanges(db, r3, { caseId: c.id, reasonId: await reasonId(db), comment: '请再看一遍' })).case;
    const again = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: back.version })).case;
    expect(again.reviewStage).toBe(1);
    expect(refusal(await pass(r4, again))).toBe('你已在“复审”通过了这一版，“初审”需由其他人审核。');
    // Someone else passes 初审; the case skips the 复审 this revision already passed, instead of failing there.
    expect(must(await pass(r1, again)).case.reviewStage).toBe(3);
    must(await round(r2, again));
    expect(refusal(await pass(r4, again))).toBe('你已在“复审”通过了这一版，“终审”需由其他人审核。');
    expect(must(await pass(r3, again)).case.status).toBe('approved');
  });

  it('an unchanged revision put forward again keeps the stages it passed: it goes on where it stood', async () => {
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    const withdrawn = must(await withdrawSubmission(db, editor, { caseId: c.id, baseVersion: (await row(c.id)).version })).case;
    expect(withdrawn).toMatchObject({ status: 'draft', reviewStage: null });
    expect(must(await submitForReview(db, editor, { caseId: c.id, baseVersion: withdrawn.version })).case.reviewStage).toBe(2);
  });

  it('edits after a pass, or after approval, restart the stages for the new revision', async () => {
    const c = await submitted(db, editor);
    must(await pass(r1, c));
    must(await pass(r2, c));
    const withdrawn = must(await withdrawSubmission(db, editor, { caseId: c.id, baseVersion: (await row(c.id)).version })).case;
    const edited = must(await saveCase(db, editor, { caseId: c.id, baseVersion: withdrawn.version, content: sampleContent({ lead: '复审后又改' }) })).case;
    const again = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: edited.version })).case;
    expect(again.reviewStage).toBe(1);
    // The 校次 of the old revision does not count either.
    must(await pass(r1, again));
    must(await pass(r2, again));
    expect(refusal(await pass(r3, again))).toBe('终审前需要完成1次校对（已完成0次），请先记录校次。');
    must(await round(r4, again));
    const done = must(await pass(r3, again)).case;
    const reopened = must(await saveCase(db, editor, { caseId: c.id, baseVersion: done.version, content: sampleContent({ lead: '通过后再改' }) })).case;
    expect(reopened).toMatchObject({ status: 'draft', approvedRevisionId: null });
    expect(must(await submitForReview(db, editor, { caseId: c.id, baseVersion: reopened.version })).case.reviewStage).toBe(1);
  });

  it('a restore is a new revision too: it starts at 初审 and carries its restorer as a writer', async () => {
    const c = await newCase(db, editor);
    const saved = must(await saveCase(db, editor, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '第二版' }) })).case;
    const restored = must(await restoreRevision(db, admin, { caseId: c.id, revisionId: c.currentRevisionId, baseVersion: saved.version })).case;
    const inReview = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: restored.version })).case;
    expect(inReview.reviewStage).toBe(1);
    expect(refusal(await pass(admin, inReview))).toContain('自己撰写');
    expect(must(await pass(r1, inReview)).case.reviewStage).toBe(2);
  });

  it('publishing refuses a case that has not passed every stage, or lacks the 校次, naming it; nothing goes out', async () => {
    const issue = await newIssue(db, editor);
    const waiting = await submitted(db, editor, issue.id);
    must(await pass(r1, waiting));
    const refused = await publishIssue(db, r4, { issueId: issue.id });
    expect(refused.ok ? null : refused.details).toEqual([`典型做法之1“${waiting.title}”：待审核`]);

    must(await pass(r2, waiting));
    must(await round(r4, waiting));
    must(await pass(r3, waiting));
    // The configuration came to require two 校次 after the case was approved: the gate asks for the second.
    must(await configure([DEFAULT[0]!, DEFAULT[1]!, { ...DEFAULT[2]!, requiredRounds: 2 }]));
    const short = await publishIssue(db, r4, { issueId: issue.id });
    expect(short.ok ? null : [short.message, short.details]).toEqual([
      '有1个案例的校次不足，本期不能发布。',
      [`典型做法之1“${waiting.title}”：第1版需要完成2次校对（已完成1次），请审核人员在审核页记录校次`],
    ]);
    expect(await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id))).toEqual([]);
    must(await round(r1, waiting));
    must(await publishIssue(db, r4, { issueId: issue.id }));
  });

  it('a one-stage configuration behaves like the single review it replaces', async () => {
    must(await configure([{ name: '审核', roles: ['reviewer', 'admin'] }]));
    const issue = await newIssue(db, editor);
    const c = await submitted(db, editor, issue.id);
    expect(c.reviewStage).toBe(1);
    const mark = await auditMark();
    expect(must(await pass(r1, c))).toMatchObject({ passed: '审核', next: null, case: { status: 'approved' } });
    expect((await lastAudit(mark)).map((e) => e.action)).toEqual(['case.approve']);
    must(await publishIssue(db, r1, { issueId: issue.id }));
  });

  it('a two-stage configuration: 初审 then 终审, with the 校次 the second asks for', async () => {
    must(await configure([{ name: '初审', roles: ['reviewer'] }, { name: '终审', roles: ['admin'], requiredRounds: 2 }]));
    const c = await submitted(db, editor);
    expect(refusal(await pass(admin, c))).toBe('你不是“初审”的审核人员，不能在这一环节审核。');
    expect(must(await pass(r1, c))).toMatchObject({ next: '终审' });
    must(await round(r2, c));
    must(await round(r3, c));
    expect(must(await round(r4, c)).round.round).toBe(3);
    expect(refusal(await pass(r2, c))).toBe('你不是“终审”的审核人员，不能在这一环节审核。');
    expect(must(await pass(admin, c)).case.status).toBe('approved');
  });

  it('refuses to drop a stage while cases wait at it, listing them; once none wait there, the stages shrink', async () => {
    const waiting = await submitted(db, editor);
    must(await pass(r1, waiting));
    must(await pass(r2, waiting));
    const refused = await configure([DEFAULT[0]!]);
    expect(refused.ok ? null : refused.message).toContain('有案例正在“复审”、“终审”等待审核，不能删除这一环节');
    expect(refused.ok ? null : refused.details).toEqual([`“${waiting.title}”：在“终审”等待审核`]);
    expect((await readReviewStages(db)).map((s) => s.name)).toEqual(['初审', '复审', '终审']);
    must(await withdrawSubmission(db, editor, { caseId: waiting.id, baseVersion: (await row(waiting.id)).version }));
    // A case waiting at 初审 stays where it is.
    const early = await submitted(db, editor);
    must(await configure([DEFAULT[0]!, { name: '终审', roles: ['admin'], requiredRounds: 1 }]));
    expect((await readReviewStages(db)).map((s) => s.name)).toEqual(['初审', '终审']);
    expect((await row(early.id)).reviewStage).toBe(1);
    expect(must(await pass(r1, early))).toMatchObject({ next: '终审' });
  });

  it('refuses a configuration with no stage, a repeated name, a stage nobody can act at, too many 校次, an editor named, or a stale base', async () => {
    const before = await db.select().from(reviewStages).orderBy(asc(reviewStages.position));
    const empty = await configure([]);
    expect(empty.ok ? null : empty.fieldErrors?.stages).toEqual(['至少需要一个审核环节']);
    const twice = await configure([DEFAULT[0]!, { ...DEFAULT[1]!, name: '初审' }]);
    expect(twice.ok ? null : twice.fieldErrors?.['stages.1.name']).toEqual(['环节名称“初审”与前面的环节重复']);
    const nobody = await configure([{ name: '初审', roles: [] }]);
    expect(nobody.ok ? null : nobody.fieldErrors?.['stages.0.roles']).toEqual(['请至少选择一个角色或一位人员，否则没有人能在这一环节审核']);
    const rounds = await configure([{ ...DEFAULT[0]!, requiredRounds: 4 }]);
    expect(rounds.ok ? null : rounds.fieldErrors?.['stages.0.requiredRounds']).toEqual(['校次应在0到3次之间']);
    const named = await configure([{ name: '初审', roles: [], userIds: [editor.id] }]);
    expect(named.ok ? null : named.fieldErrors?.['stages.0.userIds']).toEqual(['编辑甲是编辑，没有审核权限']);
    const editorRole = await configure([{ name: '初审', roles: ['editor' as 'reviewer'] }]);
    expect(editorRole.ok ? null : editorRole.fieldErrors?.['stages.0.roles.0']).toEqual(['只有审核和管理员角色可以负责审核环节']);
    const stale = await saveReviewStages(db, admin, { base: 'an-old-fingerprint', stages: [{ name: '审核', roles: ['reviewer'], userIds: [], requiredRounds: 0, returnRestarts: true }] });
    expect(stale.ok ? null : stale.message).toContain('审核设置已被他人修改');
    expect(await db.select().from(reviewStages).orderBy(asc(reviewStages.position))).toEqual(before);
  });

  it('audits a stage configuration saved, before and after', async () => {
    const mark = await auditMark();
    must(await configure([{ name: '审核', roles: ['admin'], requiredRounds: 2, returnRestarts: false }]));
    const [entry] = await lastAudit(mark);
    expect(entry).toMatchObject({ action: 'settings.review_stages', actorId: admin.id, targetType: 'settings' });
    expect((entry!.before as { stages: { name: string }[] }).stages.map((s) => s.name)).toEqual(['初审', '复审', '终审']);
    expect(entry!.after).toEqual({ stages: [{ name: '审核', roles: ['admin'], userIds: [], requiredRounds: 2, returnRestarts: false }] });
  });

  describe('return reasons', () => {
    const save = async (edit: (list: { id: number | null; label: string; active: boolean }[]) => { id: number | null; label: string; active: boolean }[]) => {
      const { reasons, reasonsBase } = must(await loadReviewSettings(db, admin));
      return saveReturnReasons(db, admin, { base: reasonsBase, reasons: edit(reasons.map(({ id, label, active }) => ({ id, label, active }))) });
    };

    it('are added, renamed, swapped, reordered and deactivated; a deactivated one cannot be chosen', async () => {
      const mark = await auditMark();
      must(
        await save((list) => {
          const [a, b, ...rest] = list;
          return [{ ...b!, label: a!.label }, { ...a!, label: b!.label }, ...rest.map((r) => (r.label === '格式问题' ? { ...r, active: false } : r)), { id: null, label: '引用不当', active: true }];
        }),
      );
      const after = await readReturnReasons(db);
      expect(after.map((r) => [r.label, r.active])).toEqual([
        ['数据缺失', true],
        ['表述不规范', true],
        ['与事实不符', true],
        ['格式问题', false],
        ['其他', true],
        ['引用不当', true],
      ]);
      expect((await lastAudit(mark)).map((e) => e.action)).toEqual(['settings.return_reasons']);
      const c = await submitted(db, editor);
      const off = await requestChanges(db, r1, { caseId: c.id, reasonId: after[3]!.id, comment: '' });
      expect(off.ok ? null : off.fieldErrors?.reasonId).toEqual(['请重新选择退回理由']);
      expect((await row(c.id)).status).toBe('in_review');
      must(await save((list) => list.map((r) => ({ ...r, active: true }))));
    });

    it('a reason a return used is never deleted, only deactivated; an unused one is deleted', async () => {
      must(await save((list) => [...list, { id: null, label: '口径不一', active: true }]));
      const c = await submitted(db, editor);
      must(await requestChanges(db, r1, { caseId: c.id, reasonId: await reasonId(db, '口径不一'), comment: '' }));
      const refused = await save((list) => list.filter((r) => r.label !== '口径不一'));
      expect(refused.ok ? null : refused.message).toBe('“口径不一”（已用于1次退回）已在退回记录中使用，不能删除，可以改为停用。');
      expect((await readReturnReasons(db)).map((r) => r.label)).toContain('口径不一');
      must(await save((list) => [...list, { id: null, label: '临时理由', active: true }]));
      must(await save((list) => list.filter((r) => r.label !== '临时理由')));
      expect(await db.select().from(returnReasons).where(eq(returnReasons.label, '临时理由'))).toEqual([]);
      // Renaming a used reason leaves the decisions as they were written.
      must(await save((list) => list.map((r) => (r.label === '口径不一' ? { ...r, label: '统计口径不一致', active: false } : r))));
      expect((await decisionsOf(c.id)).at(-1)?.reasonLabel).toBe('口径不一');
    });

    it('refuses duplicates, no active reason and a stale base, changing nothing', async () => {
      const before = await readReturnReasons(db);
      const dup = await save((list) => [...list, { id: null, label: '数据缺失', active: true }]);
      expect(dup.ok ? null : dup.fieldErrors?.['reasons.' + before.length + '.label']).toEqual(['退回理由“数据缺失”与前面的重复']);
      const none = await save((list) => list.map((r) => ({ ...r, active: false })));
      expect(none.ok ? null : none.fieldErrors?.reasons).toEqual(['至少要启用一个退回理由，否则审核人员无法退回案例']);
      const stale = await saveReturnReasons(db, admin, { base: 'stale', reasons: [{ id: null, label: '新理由', active: true }] });
      expect(stale.ok ? null : stale.message).toContain('审核设置已被他人修改');
      expect(await readReturnReasons(db)).toEqual(before);
    });
  });

  describe('whose 待办 a comment lands in', () => {
    it('a new thread goes to the submitter, a reply to the thread starter, the starter’s reply back to the submitter, never to oneself', async () => {
      const c = await submitted(db, editor);
      const thread = must(await addComment(db, r1, { caseId: c.id, revisionId: c.currentRevisionId, sectionIndex: 0, body: '这里缺数字' })).comment;
      expect(thread.addresseeId).toBe(editor.id);
      const answer = must(await addComment(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, parentId: thread.id, body: '已补上' })).comment;
      expect(answer.addresseeId).toBe(r1.id);
      const followUp = must(await addComment(db, r1, { caseId: c.id, revisionId: c.currentRevisionId, parentId: thread.id, body: '好的' })).comment;
      expect(followUp.addresseeId).toBe(editor.id);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'comment.reply'), eq(auditLog.targetId, String(c.id)))).orderBy(asc(auditLog.id)).limit(1);
      expect(entry!.after).toMatchObject({ addresseeId: r1.id });
      // A comment by the submitter on their own case has nobody else to go to.
      const own = must(await createCase(db, admin, { content: sampleContent() })).case;
      must(await addCaseToIssue(db, admin, { issueId: (await newIssue(db, admin)).id, caseId: own.id }));
      const inReview = must(await submitForReview(db, admin, { caseId: own.id, baseVersion: (await row(own.id)).version })).case;
      expect(must(await addComment(db, admin, { caseId: own.id, revisionId: inReview.currentRevisionId, sectionIndex: null, body: '自己补一句' })).comment.addresseeId).toBeNull();
    });
  });
});
