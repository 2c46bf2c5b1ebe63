import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { caseRevisions, cases, publishedCases } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { publishIssue } from '@/lib/services/publishing';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase, readyIssue } from '../workflow/helpers';
import { brokenInvariants } from './invariants';

// The crash tests are only as good as the check they run after each kill: it must see what a
// half-finished write would leave behind. Each case here forges one such state by hand.

describe(`the consistency check run after a crash (${testTarget})`, () => {
  let database: Database;
  let editor: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await createActor(database.db, 'editor');
    reviewer = await createActor(database.db, 'reviewer');
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Applies a forged change inside a transaction that is always rolled back, and returns what the check saw. */
  async function seenAfter(forge: (db: Database['db']) => Promise<unknown>): Promise<string[]> {
    let seen: string[] = [];
    await database.db
      .transaction(async (tx) => {
        await forge(tx);
        seen = await brokenInvariants(tx);
        throw new Error('rollback');
      })
      .catch(() => {});
    return seen;
  }

  it('finds nothing wrong in a database written only by the services', async () => {
    const { issue } = await readyIssue(database.db, editor, reviewer, 3);
    must(await publishIssue(database.db, reviewer, { issueId: issue.id }));
    await newCase(database.db, editor);
    expect(await brokenInvariants(database.db)).toEqual([]);
  });

  it('sees a publish that wrote only part of the read model', async () => {
    const [victim] = await database.db.select().from(publishedCases).limit(1);
    const seen = await seenAfter((tx) => tx.delete(publishedCases).where(eq(publishedCases.caseId, victim!.caseId)));
    expect(seen.join('\n')).toContain('a published issue whose public copy does not hold exactly its cases');
    expect(seen.join('\n')).toContain(`a case with a published revision but no public copy: ${victim!.caseId}`);
  });

  it('sees a revision written without the case moving on to it, and a version without its audit entry', async () => {
    const kase = await newCase(database.db, editor);
    const orphan = await seenAfter((tx) =>
      tx.insert(caseRevisions).values({ caseId: kase.id, number: 2, authorId: editor.id, content: sampleContent({ title: '半截' }), contributorIds: [editor.id] }),
    );
    expect(orphan.join('\n')).toContain(`a case whose current revision is not its latest: ${kase.id}`);
    const unaudited = await seenAfter((tx) => tx.update(cases).set({ version: sql`${cases.version} + 1` }).where(eq(cases.id, kase.id)));
    expect(unaudited.join('\n')).toContain(`a case or issue whose versions do not match its audit entries: case ${kase.id}`);
  });
});
