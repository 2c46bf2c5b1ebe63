import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { createCase, saveCase, submitForReview } from '@/lib/services/cases';
import { approve } from '@/lib/services/reviews';
import { restoreRevision } from '@/lib/services/revisions';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must } from './helpers';

describe(`separation of duties (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, reviewer: Actor, admin: Actor, admin2: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor');
    reviewer = await createActor(db, 'reviewer');
    admin = await createActor(db, 'admin', 'admin-a');
    admin2 = await createActor(db, 'admin', 'admin-b');
  });
  afterAll(async () => database?.close());

  it('an admin cannot approve a revision they wrote; another admin can', async () => {
    const c = must(await createCase(db, admin, { content: sampleContent() })).case;
    must(await submitForReview(db, admin, { caseId: c.id }));
    const own = await approve(db, admin, { caseId: c.id, revisionId: c.currentRevisionId });
    expect(own.ok ? null : own.message).toContain('自己撰写');
    expect(must(await approve(db, admin2, { caseId: c.id, revisionId: c.currentRevisionId })).case.status).toBe('approved');
  });

  it('what counts is the author of the revision under review, not who created the case', async () => {
    const c = must(await createCase(db, editor, { content: sampleContent() })).case;
    const edited = must(await saveCase(db, admin, { caseId: c.id, baseVersion: c.version, content: sampleContent({ lead: '管理员补充' }) }));
    must(await submitForReview(db, editor, { caseId: c.id }));
    expect((await approve(db, admin, { caseId: c.id, revisionId: edited.case.currentRevisionId })).ok).toBe(false);
    expect(must(await approve(db, reviewer, { caseId: c.id, revisionId: edited.case.currentRevisionId })).case.status).toBe('approved');
  });

  it('restoring an old revision makes the restorer its author', async () => {
    const c = must(await createCase(db, editor, { content: sampleContent() })).case;
    must(await saveCase(db, editor, { caseId: c.id, baseVersion: 1, content: sampleContent({ lead: '改' }) }));
    const restored = must(await restoreRevision(db, admin, { caseId: c.id, revisionId: c.currentRevisionId, baseVersion: 2 }));
    expect(restored.revision?.authorId).toBe(admin.id);
    must(await submitForReview(db, editor, { caseId: c.id }));
    expect((await approve(db, admin, { caseId: c.id, revisionId: restored.case.currentRevisionId })).ok).toBe(false);
  });
});
