import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Db } from '@/db/client';
import { cases, notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveCase, submitForReview } from '@/lib/services/cases';
import { addComment, approve, requestChanges } from '@/lib/services/reviews';
import { sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase } from '../workflow/helpers';
import { ids, newsroom, notificationsOf, notified, outboxRows, reasonId } from './support';

// In-app notifications: who hears of what lands in their 待办. No SMTP server here, so no email
// is queued either (tests/integration/notify/email.test.ts has the mail server).

type Cast = Awaited<ReturnType<typeof newsroom>>;

/** A case the editor wrote and the writing admin edited, so both carry its text; then submitted by the editor. */
async function submittedCase(db: Db, cast: Cast, title = '浙江省义乌市向随迁子女扩大义务教育学位供给') {
  const c = await newCase(db, cast.editor, { title });
  const saved = must(await saveCase(db, cast.writingAdmin, { caseId: c.id, baseVersion: c.version, content: sampleContent({ title, lead: '改' }) })).case;
  return must(await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: saved.version })).case;
}

describe(`notifications of what lands in someone's 待办 (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let cast: Cast;
  beforeAll(async () => {
    vi.stubEnv('CASEBOOK_SMTP_URL', '');
    database = await createTestDatabase();
    db = database.db;
    cast = await newsroom(db);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  it('a submission notifies exactly those who may act at 初审: not the submitter, not an admin who wrote text in it, not a deactivated reviewer', async () => {
    const c = await submittedCase(db, cast);
    expect(await notified(db, c.id)).toEqual(ids([cast.r1, cast.r2, cast.r3, cast.admin]));
    const [mine] = await notificationsOf(db, cast.r1.id);
    expect(mine).toMatchObject({ kind: 'case.at_stage', caseId: c.id, actorId: cast.editor.id, readAt: null });
    expect(mine!.message).toContain('《浙江省义乌市向随迁子女扩大义务教育学位供给》');
    expect(mine!.message).toContain('初审');
    expect(await outboxRows(db)).toEqual([]);
  });

  it('passing a stage notifies those who may act at the next one, not the reviewer who passed it', async () => {
    const c = await submittedCase(db, cast, '广东省深圳市将大部分义务教育学位提供给随迁子女');
    must(await approve(db, cast.r1, { caseId: c.id, revisionId: c.currentRevisionId }));
    const atSecond = (await notificationsOf(db, cast.r2.id)).filter((n) => n.caseId === c.id && n.message.includes('复审'));
    expect(atSecond).toHaveLength(1);
    const toSecond = (await db.select().from(notifications).where(eq(notifications.caseId, c.id))).filter((n) => n.message.includes('复审'));
    expect(ids(toSecond.map((n) => ({ id: n.userId }) as Actor))).toEqual(ids([cast.r2, cast.r3, cast.admin]));
    expect(toSecond.every((n) => n.actorId === cast.r1.id)).toBe(true);
  });

  it('a return notifies whoever submitted the case, once, with the stock reason', async () => {
    const c = await submittedCase(db, cast, '江苏省昆山市推进城乡公共服务一体化');
    const before = await notified(db, c.id);
    must(await requestChanges(db, cast.r2, { caseId: c.id, reasonId: await reasonId(db, '数据缺失'), comment: '请补充学位数字' }));
    const toEditor = (await notificationsOf(db, cast.editor.id)).filter((n) => n.caseId === c.id);
    expect(toEditor).toHaveLength(1);
    expect(toEditor[0]).toMatchObject({ kind: 'case.returned', actorId: cast.r2.id });
    expect(toEditor[0]!.message).toContain('数据缺失');
    expect(await notified(db, c.id)).toEqual(ids([...before.map((id) => ({ id }) as Actor), cast.editor]));
  });

  it('a comment notifies the person it is addressed to, and a reply the one who started the thread', async () => {
    const c = await submittedCase(db, cast, '四川省成都市推行社区嵌入式服务');
    const { comment } = must(await addComment(db, cast.r3, { caseId: c.id, revisionId: c.currentRevisionId, sectionIndex: 0, body: '这里的数字需要核实' }));
    const toEditor = (await notificationsOf(db, cast.editor.id)).filter((n) => n.caseId === c.id);
    expect(toEditor.map((n) => n.kind)).toEqual(['comment.addressed']);
    expect(toEditor[0]!.actorId).toBe(cast.r3.id);
    must(await addComment(db, cast.editor, { caseId: c.id, revisionId: c.currentRevisionId, parentId: comment.id, body: '已核实' }));
    const toReviewer = (await notificationsOf(db, cast.r3.id)).filter((n) => n.kind === 'comment.addressed');
    expect(toReviewer).toHaveLength(1);
    expect(toReviewer[0]!.message).toContain('回复');
    // Nobody hears of their own words.
    expect((await notificationsOf(db, cast.editor.id)).filter((n) => n.kind === 'comment.addressed' && n.actorId === cast.editor.id)).toEqual([]);
  });

  it('never notifies the person who acted, even when the stage would list them', async () => {
    const c = await newCase(db, cast.admin, { title: '山东省青岛市建设城市更新示范片区' });
    must(await submitForReview(db, cast.admin, { caseId: c.id, baseVersion: c.version }));
    const who = await notified(db, c.id);
    expect(who).not.toContain(cast.admin.id);
    expect(who).toEqual(ids([cast.r1, cast.r2, cast.r3, cast.writingAdmin]));
  });

  it('a rolled-back action leaves no notification behind', async () => {
    const c = await newCase(db, cast.editor, { title: '湖北省武汉市推进老旧小区改造' });
    await expect(
      db.transaction(async (tx) => {
        must(await submitForReview(tx, cast.editor, { caseId: c.id, baseVersion: c.version }));
        expect(await notified(tx, c.id)).toEqual(ids([cast.r1, cast.r2, cast.r3, cast.writingAdmin, cast.admin]));
        throw new Error('rolled back after the submission');
      }),
    ).rejects.toThrow('rolled back');
    expect(await notified(db, c.id)).toEqual([]);
    const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, c.id));
    expect(row!.status).toBe('draft');
  });
});
