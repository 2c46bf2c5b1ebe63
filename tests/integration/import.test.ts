import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, caseRevisions, cases, issues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseCompilation } from '@/lib/import/parse';
import { importCompilation } from '@/lib/services/import';
import { createActor } from './support/fixtures';
import { createTestDatabase, testTarget } from './support/test-db';

const seed = fs.readFileSync(new URL('../../db/seed/compilation.txt', import.meta.url), 'utf8');

describe(`importing a compilation (${testTarget})`, () => {
  let database: Database;
  let editor: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await createActor(database.db, 'editor', '编辑甲');
  });
  afterAll(async () => {
    await database?.close();
  });

  const totals = async () => {
    const { db } = database;
    const [i] = await db.select({ n: count() }).from(issues);
    const [c] = await db.select({ n: count() }).from(cases);
    const [r] = await db.select({ n: count() }).from(caseRevisions);
    const [a] = await db.select({ n: count() }).from(auditLog);
    return { issues: i!.n, cases: c!.n, revisions: r!.n, audit: a!.n };
  };

  it('writes the seed as draft issues and draft cases that read back as parsed', async () => {
    const result = await importCompilation(database.db, editor, parseCompilation(seed));
    expect(result).toMatchObject({ ok: true, summary: { issuesCreated: 3, casesCreated: 25, casesUnchanged: 0 } });

    const { db } = database;
    const issueRows = await db.select().from(issues).orderBy(asc(issues.number));
    expect(issueRows.map((i) => [i.number, i.title, i.status])).toEqual([
      [1, '加快城镇基本公共服务均等化', 'draft'],
      [2, '提升农业转移人口融入城市能力', 'draft'],
      [3, '促进城市群一体化发展', 'draft'],
    ]);
    const first = await db.select().from(cases).where(eq(cases.issueId, issueRows[0]!.id)).orderBy(asc(cases.position));
    expect(first).toHaveLength(16);
    expect(first.every((c) => c.status === 'draft' && c.createdById === editor.id)).toBe(true);
    expect(first[1]!.title).toBe('浙江省义乌市向随迁子女扩大义务教育学位供给');
    expect(first[1]!.regions).toEqual(['330782']);
    expect(first[1]!.provinces).toEqual(['330000']);

    const [revision] = await db.select().from(caseRevisions).where(eq(caseRevisions.id, first[1]!.currentRevisionId!));
    expect(revision!.number).toBe(1);
    expect(revision!.authorId).toBe(editor.id);
    expect(revision!.content.profile?.urbanizationRatePct).toBe(79.7);
    expect(revision!.content.sections.map((s) => s.kind)).toEqual(['practice', 'outcome']);
    expect(revision!.content.sections[1]!.body).toContain('建成投用了27所中小学校');
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await totals();
    const again = await importCompilation(database.db, editor, parseCompilation(seed));
    expect(again).toMatchObject({ ok: true, summary: { issuesCreated: 0, casesCreated: 0, casesUnchanged: 25 } });
    expect(await totals()).toEqual(before);
  });

  it('refuses, whole, a file that disagrees with what is already there', async () => {
    const before = await totals();
    // Issue 4 is new, but issue 1's first case now says something else: nothing may be written.
    const edited = `${seed.replace('将大部分义务教育学位提供给随迁子女', '改写过的标题')}\n04\n第四期:新的一期\n典型做法之1:浙江省义乌市新案例\n(一)主要做法。一是做了一件事。\n`;
    const result = await importCompilation(database.db, editor, parseCompilation(edited));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('第一期典型做法之1已存在且内容不同');
    expect(await totals()).toEqual(before);
    expect(await database.db.select().from(issues).where(eq(issues.number, 4))).toHaveLength(0);
  });

  it('does not let a reviewer import', async () => {
    const reviewer = await createActor(database.db, 'reviewer', '审核乙');
    const result = await importCompilation(database.db, reviewer, parseCompilation(seed));
    expect(result).toMatchObject({ ok: false });
  });
});
