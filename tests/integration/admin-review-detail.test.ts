import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { loadReviewDetail } from '@/lib/admin/review-detail';
import { saveCase, withdrawSubmission } from '@/lib/services/cases';
import { addComment, requestChanges } from '@/lib/services/reviews';
import { createActor, sampleContent } from './support/fixtures';
import { createTestDatabase, testTarget } from './support/test-db';
import { must, submitted } from './workflow/helpers';

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
    const { comment } = must(await requestChanges(db, reviewer, { caseId: c.id, comment: '第二段缺数字', sectionIndex: 1 }));
    must(await addComment(db, editor, { caseId: c.id, revisionId: c.currentRevisionId, parentId: comment.id, body: '已补上' }));
    const review = (await loadReviewDetail(db, reviewer, c.id, {}))!;
    expect(review.threadOf(1).map((t) => [t.authorName, t.body, t.revisionNumber])).toEqual([
      ['审核乙', '第二段缺数字', 1],
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

  it('is null for a case that does not exist', async () => {
    expect(await loadReviewDetail(db, reviewer, 999_999, {})).toBeNull();
  });
});
