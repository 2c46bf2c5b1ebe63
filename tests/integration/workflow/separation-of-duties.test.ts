import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { caseRevisions, type Case } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createCase, saveCase, submitForReview } from '@/lib/services/cases';
import { restoreRevision } from '@/lib/services/revisions';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { approveFully, must } from './helpers';

// Approving is the last stage's decision: approveFully has the earlier stages passed by others first,
// so each refusal and approval below is the final one. Separation across stages: stages.test.ts.
describe(`separation of duties (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, editor2: Actor, reviewer: Actor, admin: Actor, admin2: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor');
    editor2 = await createActor(db, 'editor', 'editor-b');
    reviewer = await createActor(db, 'reviewer');
    admin = await createActor(db, 'admin', 'admin-a');
    admin2 = await createActor(db, 'admin', 'admin-b');
  });
  afterAll(async () => database?.close());

  it('an admin cannot approve a revision they wrote; another admin can', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    must(await submitForReview(db, admin, { caseId: c.id, baseVersion: c.version }));
    const own = await approveFully(db, admin, { caseId: c.id, revisionId: c.currentRevisionId });
    expect(own.ok ? null : own.message).toContain('自己撰写');
    expect(must(await approveFully(db, admin2, { caseId: c.id, revisionId: c.currentRevisionId })).case.status).toBe('approved');
  });

  it('what counts is the author of the revision under review, not who created the case', async () => {
    const c = must(await createCase(db, editor, { content: sampleContent() })).case;
    const edited = must(await saveCase(db, admin, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '管理员补充' }) }));
    must(await submitForReview(db, editor, { caseId: c.id, baseVersion: edited.case.version }));
    expect((await approveFully(db, admin, { caseId: c.id, revisionId: edited.case.currentRevisionId })).ok).toBe(false);
    expect(must(await approveFully(db, reviewer, { caseId: c.id, revisionId: edited.case.currentRevisionId })).case.status).toBe('approved');
  });

  it('restoring an old revision makes the restorer its author', async () => {
    const c = must(await createCase(db, editor, { content: sampleContent() })).case;
    must(await saveCase(db, editor, { caseId: c.id, baseVersion: 1, content: sampleContent({ lead: '改' }) }));
    const restored = must(await restoreRevision(db, admin, { caseId: c.id, revisionId: c.currentRevisionId, baseVersion: 2 }));
    expect(restored.revision?.authorId).toBe(admin.id);
    must(await submitForReview(db, editor, { caseId: c.id, baseVersion: restored.case.version }));
    expect((await approveFully(db, admin, { caseId: c.id, revisionId: restored.case.currentRevisionId })).ok).toBe(false);
  });

  // The approver in these is an admin: the one role that both writes and approves, and not exempt.
  const submit = async (by: Actor, c: Case) => must(await submitForReview(db, by, { caseId: c.id, baseVersion: c.version })).case;
  const approveAs = (by: Actor, c: Case) => approveFully(db, by, { caseId: c.id, revisionId: c.currentRevisionId! });
  const contributorsOf = async (c: Case) => (await db.select().from(caseRevisions).where(eq(caseRevisions.id, c.currentRevisionId!)))[0]!.contributorIds;

  it('A writes, B restores A\'s revision: the text is still A\'s, so A cannot approve it', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    const edited = must(await saveCase(db, editor2, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '乙另写的导语' }) })).case;
    const restored = must(await restoreRevision(db, editor2, { caseId: c.id, revisionId: c.currentRevisionId!, baseVersion: edited.version })).case;
    expect(await contributorsOf(restored)).toEqual([admin.id, editor2.id].sort((a, b) => a - b));
    const inReview = await submit(editor2, restored);
    const own = await approveAs(admin, inReview);
    expect(own.ok ? null : own.message).toContain('自己撰写');
    expect(must(await approveAs(reviewer, inReview)).case.status).toBe('approved');
  });

  it('B edits A\'s unapproved draft: A\'s text is still in it, so A cannot approve it', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    const edited = must(await saveCase(db, editor2, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '乙补充的导语' }) })).case;
    const inReview = await submit(editor2, edited);
    expect((await approveAs(admin, inReview)).ok).toBe(false);
    expect(must(await approveAs(reviewer, inReview)).case.status).toBe('approved');
  });

  it('once R approved A\'s text, a later edit by B is B\'s alone: A may approve it', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    const reviewed = must(await approveAs(reviewer, await submit(admin, c))).case;
    const [approvedRevision] = await db.select().from(caseRevisions).where(eq(caseRevisions.id, c.currentRevisionId!));
    expect(approvedRevision).toMatchObject({ approvedById: reviewer.id, approvedAt: expect.any(Date) });
    const edited = must(await saveCase(db, editor2, { caseId: c.id, baseVersion: reviewed.version, content: sampleContent({ lead: '通过之后乙的修改' }) })).case;
    expect(await contributorsOf(edited)).toEqual([editor2.id]);
    expect(must(await approveAs(admin, await submit(editor2, edited))).case.status).toBe('approved');
  });

  it('restoring a revision someone else approved carries only the restorer', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    const reviewed = must(await approveAs(reviewer, await submit(admin, c))).case;
    const edited = must(await saveCase(db, admin, { caseId: c.id, baseVersion: reviewed.version, content: sampleContent({ lead: '甲又改了' }) })).case;
    const restored = must(await restoreRevision(db, editor2, { caseId: c.id, revisionId: c.currentRevisionId!, baseVersion: edited.version })).case;
    expect(await contributorsOf(restored)).toEqual([editor2.id]);
    expect(must(await approveAs(admin, await submit(editor2, restored))).case.status).toBe('approved');
  });
});
