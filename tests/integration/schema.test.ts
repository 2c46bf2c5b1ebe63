import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseRevisions, issues } from '@/db/schema';
import { insertCaseWithRevision } from '@/lib/services/case-store';
import { createActor, sampleContent } from './support/fixtures';
import { createTestDatabase, testTarget } from './support/test-db';

// The database itself refuses what the application would refuse, whichever code path writes.
describe(`database constraints (${testTarget})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a second issue with the same number', async () => {
    const { db } = database;
    await db.insert(issues).values({ number: 7, title: '第七期主题' });
    await expect(db.insert(issues).values({ number: 7, title: '另一个主题' })).rejects.toThrow();
    expect(await db.select().from(issues).where(eq(issues.number, 7))).toHaveLength(1);
  });

  it('refuses issue number zero and a blank theme', async () => {
    const { db } = database;
    await expect(db.insert(issues).values({ number: 0, title: '主题' })).rejects.toThrow();
    await expect(db.insert(issues).values({ number: 99, title: '   ' })).rejects.toThrow();
  });

  it('refuses two cases in the same position of one issue', async () => {
    const { db } = database;
    const editor = await createActor(db, 'editor');
    const [issue] = await db.insert(issues).values({ number: 8, title: '第八期主题' }).returning();
    await insertCaseWithRevision(db, { content: sampleContent(), authorId: editor.id, issueId: issue!.id, position: 1 });
    await expect(
      insertCaseWithRevision(db, { content: sampleContent(), authorId: editor.id, issueId: issue!.id, position: 1 }),
    ).rejects.toThrow();
  });

  it('refuses an urbanization rate over 100 and a non-positive area', async () => {
    const { db } = database;
    const editor = await createActor(db, 'editor');
    const base = sampleContent();
    const row = await insertCaseWithRevision(db, { content: base, authorId: editor.id });
    const bad = (profile: Partial<NonNullable<typeof base.profile>>) =>
      db.insert(caseRevisions).values({ caseId: row.id, number: 2, authorId: editor.id, contributorIds: [editor.id], content: { ...base, profile: { ...base.profile!, ...profile } } });
    await expect(bad({ urbanizationRatePct: 120 })).rejects.toThrow();
    await expect(bad({ landAreaKm2: 0 })).rejects.toThrow();
    await expect(bad({ landAreaKm2: -5 })).rejects.toThrow();
    await bad({ urbanizationRatePct: 100 });
  });

  it('refuses an unknown case status', async () => {
    const { db } = database;
    const { sql } = await import('drizzle-orm');
    await expect(db.execute(sql`update cases set status = 'deleted'`)).rejects.toThrow();
  });
});
