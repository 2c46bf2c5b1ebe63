import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { caseRevisions, cases, publishedCases, publishedIssues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { submitForReview } from '@/lib/services/cases';
import { publishIssue } from '@/lib/services/publishing';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase, readyIssue } from './helpers';

// The proofreader's errors stop a case at the server, whatever the screen did: submitting for
// review and publishing both refuse, say why, and change nothing. Warnings never block.

const damaged = (body: string) => sampleContent({ sections: [{ kind: 'outcome', heading: '主要成效', body }] });

describe(`proofreading errors block submitting and publishing (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor');
    reviewer = await createActor(db, 'reviewer');
  });
  afterAll(async () => database?.close());

  it('refuses to submit a case with a lost number, naming the place, and leaves it a draft', async () => {
    const c = await newCase(db, editor, damaged('每年新增个公办学位，截至年底惠及随迁子女万人。'));
    const result = await submitForReview(db, editor, { caseId: c.id, baseVersion: c.version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('校对发现错误');
    expect((result.details ?? []).join('\n')).toMatch(/缺少数字/u);
    const [after] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(after).toMatchObject({ status: 'draft', version: c.version });
  });

  it('lets a case with only warnings (half-width commas) go to review', async () => {
    const c = await newCase(db, editor, damaged('每年新增2000个公办学位,惠及随迁子女1.2万人。'));
    expect(must(await submitForReview(db, editor, { caseId: c.id, baseVersion: c.version })).case.status).toBe('in_review');
  });

  it('refuses to publish an issue whose approved text has errors, and publishes nothing', async () => {
    const { issue, cases: [first, second] } = await readyIssue(db, editor, reviewer, 2);
    // Text approved before a rule existed (or written by an older version) is still checked at publishing.
    await db
      .update(caseRevisions)
      .set({ content: damaged('培训培训农民工，开行列专列。') })
      .where(eq(caseRevisions.id, second!.approvedRevisionId!));
    const result = await publishIssue(db, reviewer, { issueId: issue.id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('校对发现错误，本期不能发布。');
    expect((result.details ?? []).join('\n')).toContain('典型做法之2');
    expect(await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id))).toEqual([]);
    expect(await db.select().from(publishedCases).where(eq(publishedCases.caseId, first!.id))).toEqual([]);
  });

  it('refuses to publish an issue whose two cases give the same place and year different figures', async () => {
    const { issue, cases: [first, second] } = await readyIssue(db, editor, reviewer, 2);
    const base = sampleContent();
    await db
      .update(caseRevisions)
      .set({ content: { ...base, title: '浙江省义乌市建设产教融合实训基地', profile: { ...base.profile!, gdpYi: 1935 } } })
      .where(eq(caseRevisions.id, second!.approvedRevisionId!));
    const result = await publishIssue(db, reviewer, { issueId: issue.id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('校对发现错误，本期不能发布。');
    const details = (result.details ?? []).join('\n');
    expect(details).toMatch(/典型做法之1.*概况：/u);
    expect(details).toMatch(/典型做法之2.*概况：/u);
    expect(await db.select().from(publishedCases).where(eq(publishedCases.caseId, first!.id))).toEqual([]);
  });
});
