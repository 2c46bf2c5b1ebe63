import { describe, expect, it } from 'vitest';
import { bulkAddToIssueSchema, bulkSubmitSchema, INT4_MAX, regionQuerySchema, resolveCommentSchema } from '@/lib/validations';

// The cases list's bulk actions, the comment toggle and the region search share lib/validations'
// bounds: an id that cannot name a row is refused in Chinese before it reaches the database.

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('bulk action inputs', () => {
  it('refuse a case id beyond int4 and every other bad id, each at its place', () => {
    const result = bulkAddToIssueSchema.safeParse({ issueId: INT4_MAX + 1, caseIds: [1, INT4_MAX + 1, -3] });
    expect(messages(result)).toEqual(['issueId: 期无效', 'caseIds.1: 案例无效', 'caseIds.2: 案例无效']);
  });

  it('refuse an empty selection, more than 200 cases, and the same case twice', () => {
    expect(messages(bulkAddToIssueSchema.safeParse({ issueId: 1, caseIds: [] }))).toEqual(['caseIds: 请先选择案例']);
    const many = Array.from({ length: 201 }, (_, i) => ({ caseId: i + 1, baseVersion: 1 }));
    expect(messages(bulkSubmitSchema.safeParse({ cases: many }))).toEqual(['cases: 一次最多处理200个案例']);
    expect(messages(bulkSubmitSchema.safeParse({ cases: [{ caseId: 4, baseVersion: 1 }, { caseId: 4, baseVersion: 2 }] }))).toEqual(['cases: 案例不能重复']);
    expect(messages(bulkSubmitSchema.safeParse({ cases: [{ caseId: 4, baseVersion: INT4_MAX + 1 }] }))).toEqual(['cases.0.baseVersion: 版本号无效']);
  });

  it('accept a normal selection unchanged', () => {
    expect(bulkAddToIssueSchema.parse({ issueId: 2, caseIds: [5, 3] })).toEqual({ issueId: 2, caseIds: [5, 3] });
  });
});

describe('resolving a comment', () => {
  it('needs a real comment id and says which way', () => {
    expect(messages(resolveCommentSchema.safeParse({ commentId: 0, caseId: 1 }))).toEqual(['commentId: 意见无效', 'resolved: 请说明是处理还是重新打开意见']);
  });
});

describe('the region search', () => {
  it('cuts a long query instead of refusing it, and refuses what is not text', () => {
    expect(regionQuerySchema.parse({ query: '海'.repeat(100) }).query).toHaveLength(40);
    expect(regionQuerySchema.safeParse({ query: 42 }).success).toBe(false);
  });
});
