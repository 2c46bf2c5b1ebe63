import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, caseRevisions, cases, issues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseCompilation } from '@/lib/import/parse';
import { submitForReview } from '@/lib/services/cases';
import { checkImport, importCompilation } from '@/lib/services/import';
import { createIssue, removeCaseFromIssue } from '@/lib/services/issues';
import { publishIssue, scheduleIssue } from '@/lib/services/publishing';
import { createActor } from './support/fixtures';
import { createTestDatabase, testTarget } from './support/test-db';
import { approveFully, must, readyIssue } from './workflow/helpers';
import { issueLabel } from '@/lib/content/numerals';

/** One clean case (it passes the proofreading gate), so it can be approved and published. */
const CLEAN_CASE = [
  '典型做法之1：浙江省义乌市向随迁子女扩大义务教育学位供给',
  '2021年，义乌市国土面积1105平方公里，市域常住人口186万人，常住人口城镇化率79.7%，地区生产总值1835亿元，一般公共预算收入119亿元。',
  '（一）主要做法。一是在城区不同区位建设中小学校。二是建立随迁子女教育经费保障机制。',
  '（二）主要成效。“十三五”期间，建成投用了27所中小学校。',
].join('\n');
const SECOND_CASE = '典型做法之2：北京市延庆区结合重大赛事开展职业技能培训\n（一）必要性。延庆区是冬奥会赛区之一。\n';

describe(`import guards (${testTarget})`, () => {
  let database: Database;
  let editor: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await createActor(database.db, 'editor', '编辑甲');
    reviewer = await createActor(database.db, 'reviewer', '审核乙');
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

  /** Imports, then submits, approves and publishes the issue, as the workflow would. */
  async function publishedByImport(number: number) {
    const { db } = database;
    const imported = must(await importCompilation(db, editor, parseCompilation(`第${number}期：已发布的一期\n${CLEAN_CASE}\n`)));
    const issueId = imported.summary.issueIds[0]!;
    for (const row of await db.select().from(cases).where(eq(cases.issueId, issueId))) {
      const submitted = must(await submitForReview(db, editor, { caseId: row.id, baseVersion: row.version })).case;
      must(await approveFully(db, reviewer, { caseId: row.id, revisionId: submitted.currentRevisionId }));
    }
    must(await publishIssue(db, reviewer, { issueId }));
    return issueId;
  }

  it('refuses to add cases to a published issue, in the preview and on import, and changes nothing', async () => {
    const issueId = await publishedByImport(7);
    const before = await totals();
    const doc = parseCompilation(`第7期：已发布的一期\n${CLEAN_CASE}\n${SECOND_CASE}`);

    const preview = await checkImport(database.db, editor, doc);
    expect(preview?.message).toContain('第七期已发布，请先撤回发布再导入');

    const result = await importCompilation(database.db, editor, doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('第七期已发布，请先撤回发布再导入');
    expect(await totals()).toEqual(before);
    const [issue] = await database.db.select().from(issues).where(eq(issues.id, issueId));
    expect(issue!.status).toBe('published');
    expect(await database.db.select().from(cases).where(eq(cases.issueId, issueId))).toHaveLength(1);
  });

  it('still accepts re-importing exactly what a published issue already holds, as a no-op', async () => {
    const before = await totals();
    const doc = parseCompilation(`第7期：已发布的一期\n${CLEAN_CASE}\n`);
    expect(await checkImport(database.db, editor, doc)).toBeNull();
    const again = await importCompilation(database.db, editor, doc);
    expect(again).toMatchObject({ ok: true, summary: { issuesCreated: 0, casesCreated: 0, casesUnchanged: 1 } });
    expect(await totals()).toEqual(before);
  });

  it('refuses to add cases to a scheduled issue, so the scheduled publish cannot fail later', async () => {
    const { issue } = await readyIssue(database.db, editor, reviewer, 1);
    must(await scheduleIssue(database.db, reviewer, { issueId: issue.id, scheduledAt: new Date(Date.now() + 86_400_000) }));
    const before = await totals();
    const doc = parseCompilation(`第${issue.number}期：${issue.title}\n典型做法之2：浙江省义乌市新的做法\n（一）主要做法。一是做了一件事。\n`);

    expect((await checkImport(database.db, editor, doc))?.message).toContain(`${issueLabel(issue.number)}已排期，请先取消排期再导入`);
    const result = await importCompilation(database.db, editor, doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`${issueLabel(issue.number)}已排期，请先取消排期再导入`);
    expect(await totals()).toEqual(before);
    const [row] = await database.db.select().from(issues).where(eq(issues.id, issue.id));
    expect(row!.status).toBe('scheduled');
  });

  it('refuses, whole, a file with a case over the editor’s limits, naming its line and title', async () => {
    const before = await totals();
    const text = [
      '第20期：新的一期',
      CLEAN_CASE,
      '第21期：又一期',
      '典型做法之1：湖南省长沙市超长的案例',
      `（一）主要做法。${'做'.repeat(20_001)}`,
      `典型做法之2：${'长'.repeat(201)}`,
      '（一）主要做法。一是做了一件事。',
    ].join('\n');
    const result = await importCompilation(database.db, editor, parseCompilation(text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('2 处不符合要求');
    expect(result.details).toEqual([
      expect.stringMatching(/^第8行（第二十一期典型做法之1“湖南省长沙市超长的案例”，（一）主要做法）：段落内容不超过20000个字$/u),
      expect.stringMatching(/^第9行（第二十一期典型做法之2“长+…”，标题）：标题不超过200个字$/u),
    ]);
    expect(await totals()).toEqual(before);
    expect(await database.db.select().from(issues).where(eq(issues.number, 20))).toHaveLength(0);
  });

  it('refuses an issue or case number beyond what the database and the labels hold, with a message, not a crash', async () => {
    const before = await totals();
    const huge = await importCompilation(database.db, editor, parseCompilation(`第99999999999期：主题\n${CLEAN_CASE}\n`));
    expect(huge).toMatchObject({ ok: false, message: expect.stringContaining('第1行：期号超出范围（期号不超过999）') });
    const position = await importCompilation(database.db, editor, parseCompilation(`第30期：主题\n典型做法之99999999999：某市\n（一）主要做法。一是做了一件事。\n`));
    expect(position).toMatchObject({ ok: false, message: expect.stringContaining('第2行：典型做法编号超出范围（典型做法编号不超过999）') });
    expect(await totals()).toEqual(before);
  });

  it('refuses an issue number beyond 999 in the issue form too', async () => {
    for (const number of [99_999_999_999, 1000]) {
      const result = await createIssue(database.db, editor, { number, title: '主题', foreword: '' });
      expect(result).toMatchObject({ ok: false, fieldErrors: { number: ['期号不超过999'] } });
    }
    const rows = await database.db.select({ number: issues.number }).from(issues).orderBy(asc(issues.number));
    expect(rows.every((r) => r.number <= 999)).toBe(true);
  });

  it('refuses a file that repeats an issue or a case number instead of failing on the unique constraint', async () => {
    const before = await totals();
    const doc = parseCompilation(`第40期：主题\n${CLEAN_CASE}\n${CLEAN_CASE.replace('扩大', '继续扩大')}\n第40期：主题\n${SECOND_CASE}`);
    const result = await importCompilation(database.db, editor, doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.details).toContainEqual(expect.stringContaining('第四十期典型做法之1在文件中出现了不止一次'));
      expect(result.details).toContainEqual(expect.stringContaining('第四十期在文件中出现了不止一次'));
    }
    expect(await totals()).toEqual(before);
  });

  it('explains, rather than crashes, when a case it imported before was since moved out of its issue', async () => {
    const first = must(await importCompilation(database.db, editor, parseCompilation(`第50期：主题\n${CLEAN_CASE}\n`)));
    const issueId = first.summary.issueIds[0]!;
    const [row] = await database.db.select().from(cases).where(eq(cases.issueId, issueId));
    must(await removeCaseFromIssue(database.db, editor, { issueId, caseId: row!.id }));
    const before = await totals();
    const again = await importCompilation(database.db, editor, parseCompilation(`第50期：主题\n${CLEAN_CASE}\n`));
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('已被移出原来的期') });
    expect(await totals()).toEqual(before);
  });
});
