import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { cases } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { queryPublicationFingerprint } from '@/lib/public/queries';
import { submitForReview, saveCase } from '@/lib/services/cases';
import { updateIssue } from '@/lib/services/issues';
import { publishIssue, unpublishIssue } from '@/lib/services/publishing';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { approveFully, must, readyIssue } from '../workflow/helpers';

// The fingerprint is how every app instance learns that the public site changed when the change
// was made elsewhere (lib/public/cache-handler.mjs). A change it misses is served stale until the
// next one; so it must change with everything readers can see, through the real publishing
// services, whatever the clocks of the instances say, and stay put for work the public cannot see.

describe(`publication fingerprint (${testTarget})`, () => {
  let database: Database;
  let editor: Actor;
  let reviewer: Actor;
  const fingerprint = () => queryPublicationFingerprint(database.db);

  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await createActor(database.db, 'editor');
    reviewer = await createActor(database.db, 'reviewer');
  });
  afterAll(async () => {
    await database?.close();
  });

  /** An editor's correction of a case, reviewed and approved, not yet published. */
  async function correct(caseId: number, title: string): Promise<void> {
    const [row] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    const saved = must(await saveCase(database.db, editor, { caseId, baseVersion: row!.version, content: sampleContent({ title }) }));
    const inReview = must(await submitForReview(database.db, editor, { caseId, baseVersion: saved.case.version }));
    must(await approveFully(database.db, reviewer, { caseId, revisionId: inReview.case.currentRevisionId }));
  }

  it('changes with every publish and unpublish, and not for work the public cannot see', async () => {
    const empty = await fingerprint();
    const { issue, cases: [first] } = await readyIssue(database.db, editor, reviewer, 2);
    expect(await fingerprint()).toBe(empty);

    must(await publishIssue(database.db, reviewer, { issueId: issue.id }));
    const published = await fingerprint();
    expect(published).not.toBe(empty);
    await correct(first!.id, '浙江省义乌市向随迁子女扩大义务教育学位供给（修订中）');
    expect(await fingerprint()).toBe(published);

    must(await unpublishIssue(database.db, reviewer, { issueId: issue.id }));
    // It identifies the content: with nothing published, the site is what it was before.
    expect(await fingerprint()).toBe(empty);
    must(await publishIssue(database.db, reviewer, { issueId: issue.id }));
    expect([empty, published]).not.toContain(await fingerprint());
  });

  it('sees a correction or a new theme title republished by an instance whose clock is behind', async () => {
    const day = 24 * 3600_000;
    const t0 = new Date('2026-03-02T08:00:00Z');
    const a = await readyIssue(database.db, editor, reviewer, 2);
    must(await publishIssue(database.db, reviewer, { issueId: a.issue.id }, t0));
    const b = await readyIssue(database.db, editor, reviewer, 1);
    must(await publishIssue(database.db, reviewer, { issueId: b.issue.id }, new Date(t0.getTime() + day)));
    const before = await fingerprint();

    // Republished with a time earlier than the latest publication: the same counts, the same latest time.
    await correct(a.cases[0]!.id, '浙江省义乌市向随迁子女扩大义务教育学位供给（更正）');
    const note = [{ caseId: a.cases[0]!.id, note: '标题加注“更正”。' }];
    const republished = must(await publishIssue(database.db, reviewer, { issueId: a.issue.id, corrections: note }, new Date(t0.getTime() + 3600_000)));
    const corrected = await fingerprint();
    expect(corrected).not.toBe(before);

    must(await updateIssue(database.db, editor, { issueId: a.issue.id, baseVersion: republished.issue.version, number: a.issue.number, title: '更正后的主题', foreword: '' }));
    expect(await fingerprint()).toBe(corrected);
    must(await publishIssue(database.db, reviewer, { issueId: a.issue.id }, new Date(t0.getTime() + 2 * 3600_000)));
    expect(await fingerprint()).not.toBe(corrected);
  });

  it('sees an issue republished under another number', async () => {
    const { issue } = await readyIssue(database.db, editor, reviewer, 1);
    const published = must(await publishIssue(database.db, reviewer, { issueId: issue.id }));
    const before = await fingerprint();
    const moved = must(await updateIssue(database.db, editor, { issueId: issue.id, baseVersion: published.issue.version, number: issue.number + 50, title: issue.title, foreword: '' }));
    must(await publishIssue(database.db, reviewer, { issueId: moved.issue.id }));
    expect(await fingerprint()).not.toBe(before);
  });
});
