import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { loadReviewDetail } from '@/lib/admin/review-detail';
import { saveCase, withdrawSubmission } from '@/lib/services/cases';
import { recordRound } from '@/lib/services/proofreading-rounds';
import { addComment, approve, requestChanges } from '@/lib/services/reviews';
import { createActor, sampleContent } from './support/fixtures';
import { createTestDatabase, testTarget } from './support/test-db';
import { must, reasonId, submitted } from './workflow/helpers';

// The review screen's data, read by one loader: threads per section with their authors' names, the
// default comparison, the trail, and what the reader may do.
describe(`review screen data (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor', '编辑甲');
    reviewer = await createActor(db, 'reviewer', '审核乙');
  });
  afterAll(async () => database?.close());

  it('groups comments by the section they anchor to, named by their authors', async () => {
    const c = await submitted(db, editor);
    const { comment } = must(await requestChanges(db, reviewer, { caseId: c.id, reasonId: await reasonId(db), comment: '第二段缺数字', sectionIndex: 1 }));
    must(await addComment(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, parentId: comment.id, body: '已补上' }));
    const review = (await loadReviewDetail(db, reviewer, c.id, {}))!;
    expect(review.threadOf(1).map((t) => [t.authorName, t.body, t.revisionNumber])).toEqual([
      ['审核乙', '【数据缺失】第二段缺数字', 1],
      ['编辑甲', '已补上', 1],
    ]);
    expect(review.threadOf(0)).toEqual([]);
    expect(review.currentAuthorName).toBe('编辑甲');
    expect(review.trail.map((e) => e.actionLabel)).toEqual(['回复意见', '提出意见', '退回修改', '提交审核', '新建案例']);
  });

  it('compares the previous revision with the current one unless the address names two', async () => {
    const c = await submitted(db, editor);
    const review = (await loadReviewDetail(db, editor, c.id, {}))!;
    expect(review.compare.result).toBeNull();
    expect(review.may).toMatchObject({ edit: true, approve: false, restore: false });
    expect(review.approveBlocked).toBe('这一版是你撰写的，需由其他人审核通过。');
    const draft = (await loadReviewDetail(db, reviewer, (await submitted(db, editor)).id, {}))!;
    expect(draft.may).toMatchObject({ edit: false, approve: true, requestChanges: true });
    expect(draft.approveBlocked).toBeNull();
  });

  it('shows what changed in the last save by default', async () => {
    const c = await submitted(db, editor);
    const fresh = (await loadReviewDetail(db, editor, c.id, {}))!;
    // Withdrawn and saved: revision 2 is current, compared with revision 1.
    must(await withdrawSubmission(db, editor, { caseId: c.id, baseVersion: c.version }));
    must(await saveCase(db, editor, { caseId: c.id, baseVersion: c.version + 1, content: sampleContent({ title: '改过的标题' }) }));
    const review = (await loadReviewDetail(db, editor, c.id, {}))!;
    expect(fresh.revisions).toHaveLength(1);
    expect(review.compare.labelOf(review.compare.fromId)).toBe('第1版');
    expect(review.compare.labelOf(review.compare.toId)).toBe('第2版');
    expect(review.compare.result?.ok && review.compare.result.diff.fields.find((f) => f.label === '标题')?.changed).toBe(true);
  });

  it('shows the stages as a progress line and says why this reader may not pass, return or record a 校次', async () => {
    const [r2, r3] = [await createActor(db, 'reviewer', '李四'), await createActor(db, 'reviewer', '王五')];
    const c = await submitted(db, editor);
    must(await approve(db, reviewer, { caseId: c.id, revisionId: c.currentRevisionId }));
    const seenBy = async (who: Actor) => (await loadReviewDetail(db, who, c.id, {}))!;

    const mine = await seenBy(reviewer);
    expect(mine.stages.progress.map((p) => [p.name, p.state, p.pass?.actorName ?? null, p.pass?.revisionNumber ?? null])).toEqual([
      ['初审', 'passed', '审核乙', 1],
      ['复审', 'waiting', null, null],
      ['终审', 'pending', null, null],
    ]);
    expect(mine.stages.waiting).toMatchObject({ name: '复审', nextName: '终审' });
    expect(mine.approveBlocked).toBe('你已在“初审”通过了这一版，“复审”需由其他人审核。');
    expect((await seenBy(r2)).approveBlocked).toBeNull();
    expect((await seenBy(editor)).stages.recordRound).toEqual({ allowed: false, blocked: '这一版含有你自己撰写的内容，校对需由其他人完成。' });

    must(await approve(db, r2, { caseId: c.id, revisionId: c.currentRevisionId }));
    const atLast = await seenBy(r3);
    expect(atLast.stages.waiting).toMatchObject({ name: '终审', nextName: null });
    expect(atLast.approveBlocked).toBe('终审前需要完成1次校对（已完成0次）');
    expect(atLast.stages.recordRound).toEqual({ allowed: true, blocked: null });
    must(await recordRound(db, r3, { caseId: c.id, revisionId: c.currentRevisionId }));
    const ready = await seenBy(r3);
    expect(ready.stages.rounds.map((r) => [r.label, r.actorName, r.errors])).toEqual([['一校', '王五', 0]]);
    expect(ready.approveBlocked).toBeNull();
    expect(ready.stages.decisions.map((d) => [d.stageName, d.decision, d.actorName, d.revisionNumber])).toEqual([
      ['复审', 'pass', '李四', 1],
      ['初审', 'pass', '审核乙', 1],
    ]);
    expect(ready.stages.reasons.map((r) => r.label)).toEqual(['数据缺失', '表述不规范', '与事实不符', '格式问题', '其他']);
  });

  it('is null for a case that does not exist', async () => {
    expect(await loadReviewDetail(db, reviewer, 999_999, {})).toBeNull();
  });
});
