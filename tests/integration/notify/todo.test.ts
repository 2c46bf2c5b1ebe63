import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Db } from '@/db/client';
import { caseRevisions, cases, issues, reviewStages } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveCase, submitForReview } from '@/lib/services/cases';
import { markNotificationsRead } from '@/lib/services/notifications';
import { publishIssue, scheduleIssue, unscheduleIssue } from '@/lib/services/publishing';
import { addComment, approve, requestChanges, resolveComment } from '@/lib/services/reviews';
import { COUNT_CAP, loadTodo, todoCounts, type Todo } from '@/lib/services/todo';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase, readyIssue } from '../workflow/helpers';
import { newsroom, notificationsOf, reasonId } from './support';

// Everyone's 待办: what waits for each person, and the header's counts.

type Cast = Awaited<ReturnType<typeof newsroom>>;

const todoOf = async (db: Db, actor: Actor): Promise<Todo> => must(await loadTodo(db, actor)).todo;
const queue = (todo: Todo) => Object.fromEntries(todo.stages.map((s) => [s.name, s.cases.map((c) => c.id)]));
const totals = (todo: Todo) => Object.fromEntries(todo.stages.map((s) => [s.name, s.total]));

describe(`everyone's 待办 (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let cast: Cast;
  /** At 初审, with text by the editor and the writing admin. */
  let atFirst: { id: number; currentRevisionId: number | null };
  /** At 复审, passed at 初审 by r1. */
  let atSecond: { id: number };
  /** Returned by r2 to the editor, who submitted it. */
  let returned: { id: number };
  let commentId: number;

  beforeAll(async () => {
    vi.stubEnv('CASEBOOK_SMTP_URL', '');
    database = await createTestDatabase();
    db = database.db;
    cast = await newsroom(db);
    const a = await newCase(db, cast.editor, { title: '甲：等待初审的案例' });
    const edited = must(await saveCase(db, cast.writingAdmin, { caseId: a.id, baseVersion: a.version, content: sampleContent({ title: '甲：等待初审的案例', lead: '改' }) })).case;
    atFirst = must(await submitForReview(db, cast.editor, { caseId: a.id, baseVersion: edited.version })).case;
    const b = await newCase(db, cast.editor, { title: '乙：等待复审的案例' });
    const bIn = must(await submitForReview(db, cast.editor, { caseId: b.id, baseVersion: b.version })).case;
    must(await approve(db, cast.r1, { caseId: b.id, revisionId: bIn.currentRevisionId }));
    atSecond = b;
    const c = await newCase(db, cast.editor, { title: '丙：被退回的案例' });
    must(await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: c.version }));
    must(await requestChanges(db, cast.r2, { caseId: c.id, reasonId: await reasonId(db, '数据缺失'), comment: '请补充数字' }));
    returned = c;
    commentId = must(await addComment(db, cast.r3, { caseId: a.id, revisionId: atFirst.currentRevisionId, sectionIndex: 0, body: '请核实这个数字' })).comment.id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  it('lists the cases waiting at each stage a reviewer may act at, without those they passed at another stage', async () => {
    expect(queue(await todoOf(db, cast.r1))).toEqual({ 初审: [atFirst.id], 复审: [], 终审: [] });
    expect(queue(await todoOf(db, cast.r2))).toEqual({ 初审: [atFirst.id], 复审: [atSecond.id], 终审: [] });
    expect(totals(await todoOf(db, cast.r2))).toEqual({ 初审: 1, 复审: 1, 终审: 0 });
  });

  it('leaves out a case whose text the person wrote, and gives editors no review queue', async () => {
    expect(queue(await todoOf(db, cast.writingAdmin))).toEqual({ 初审: [], 复审: [atSecond.id], 终审: [] });
    expect((await todoOf(db, cast.editor)).stages).toEqual([]);
  });

  it('follows the stage configuration: a stage given to named people only is in their 待办 alone', async () => {
    await db.update(reviewStages).set({ roles: [], userIds: [cast.r3.id] }).where(eq(reviewStages.position, 2));
    try {
      expect(queue(await todoOf(db, cast.r2))).toEqual({ 初审: [atFirst.id], 终审: [] });
      expect(queue(await todoOf(db, cast.r3))).toEqual({ 初审: [atFirst.id], 复审: [atSecond.id], 终审: [] });
    } finally {
      await db.update(reviewStages).set({ roles: ['reviewer', 'admin'], userIds: [] }).where(eq(reviewStages.position, 2));
    }
  });

  it('lists the cases returned to whoever submitted them, and the open comments addressed to them', async () => {
    const todo = await todoOf(db, cast.editor);
    expect(todo.returned.cases.map((c) => c.id)).toEqual([returned.id]);
    expect(todo.returned.total).toBe(1);
    // The return's reason opens a thread too; both are the editor's to answer.
    expect(todo.comments.items.map((c) => c.caseId).sort()).toEqual([atFirst.id, returned.id].sort());
    expect(todo.comments.items.find((c) => c.id === commentId)).toMatchObject({ caseTitle: '甲：等待初审的案例', authorName: cast.r3.name, body: '请核实这个数字', reply: false });
    expect((await todoOf(db, cast.otherEditor)).returned.cases).toEqual([]);
    // A resolved thread is done.
    must(await resolveComment(db, cast.editor, { commentId }));
    expect((await todoOf(db, cast.editor)).comments.items.map((c) => c.caseId)).toEqual([returned.id]);
  });

  it('lists the issues a person scheduled, until they go out or the schedule is cancelled', async () => {
    const { issue } = await readyIssue(db, cast.editor, cast.admin, 1);
    const later = new Date(Date.now() + 86_400_000).toISOString();
    must(await scheduleIssue(db, cast.r1, { issueId: issue.id, scheduledAt: later }));
    expect((await todoOf(db, cast.r1)).scheduled.issues.map((i) => i.id)).toEqual([issue.id]);
    expect((await todoOf(db, cast.r2)).scheduled.issues).toEqual([]);
    must(await unscheduleIssue(db, cast.r1, { issueId: issue.id }));
    expect((await todoOf(db, cast.r1)).scheduled.issues).toEqual([]);
    must(await scheduleIssue(db, cast.r2, { issueId: issue.id, scheduledAt: later }));
    expect((await todoOf(db, cast.r2)).scheduled.issues.map((i) => i.id)).toEqual([issue.id]);
    must(await publishIssue(db, cast.r2, { issueId: issue.id }));
    expect((await todoOf(db, cast.r2)).scheduled.issues).toEqual([]);
    const [row] = await db.select({ scheduledById: issues.scheduledById }).from(issues).where(eq(issues.id, issue.id));
    expect(row!.scheduledById).toBeNull();
  });

  it('counts it all for the header, and the unread notifications apart', async () => {
    const editor = await todoOf(db, cast.editor);
    const unread = (await notificationsOf(db, cast.editor.id)).filter((n) => n.readAt === null).length;
    expect(unread).toBeGreaterThan(0);
    expect(await todoCounts(db, cast.editor)).toEqual({ work: editor.returned.total + editor.comments.total, unread });
    const r2 = await todoOf(db, cast.r2);
    expect(await todoCounts(db, cast.r2)).toEqual({ work: 2, unread: r2.notifications.unread });
    expect(r2.notifications.items.length).toBe(r2.notifications.unread);
  });

  it('marks one notification read, then all, and never someone else’s', async () => {
    const [first, ...rest] = (await todoOf(db, cast.r2)).notifications.items;
    expect(first).toBeDefined();
    expect((await markNotificationsRead(db, cast.r1, { notificationId: first!.id })).ok).toBe(false);
    expect((await todoOf(db, cast.r2)).notifications.unread).toBe(rest.length + 1);
    expect(must(await markNotificationsRead(db, cast.r2, { notificationId: first!.id })).marked).toBe(1);
    const after = await todoOf(db, cast.r2);
    expect(after.notifications.unread).toBe(rest.length);
    expect(after.notifications.items.find((n) => n.id === first!.id)?.readAt).toBeInstanceOf(Date);
    expect(must(await markNotificationsRead(db, cast.r2, { all: true })).marked).toBe(rest.length);
    expect(await todoCounts(db, cast.r2)).toMatchObject({ unread: 0 });
    const refused = await markNotificationsRead(db, cast.r2, { notificationId: 'x' });
    expect(refused.ok ? null : refused.message).toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe(`a long review queue in the 待办 (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => database?.close());

  it('lists the newest cases a reviewer may act on however many newer ones carry their text, in order, none twice', async () => {
    const editor = await createActor(db, 'editor', 'queue-editor');
    const writer = await createActor(db, 'admin', 'queue-writer');
    const reader = await createActor(db, 'reviewer', 'queue-reader');
    // 250 cases at 初审, three at a time sharing a timestamp; the writer has text in the newest 200, so
    // what they may review starts in the third batch the queue is read in.
    const base = Date.parse('2026-11-20T08:00:00.123Z');
    const rows = await db
      .insert(cases)
      .values(
        Array.from({ length: 250 }, (_, i) => ({
          status: 'in_review' as const,
          reviewStage: 1,
          createdById: editor.id,
          updatedById: editor.id,
          submittedById: editor.id,
          title: `排队案例${i + 1}`,
          searchVector: sql`to_tsvector('simple', '排队')`,
          updatedAt: new Date(base - Math.floor(i / 3) * 1000),
        })),
      )
      .returning({ id: cases.id, updatedAt: cases.updatedAt });
    const newest = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id);
    const written = new Set(newest.slice(0, 200).map((c) => c.id));
    for (const c of rows) {
      const [revision] = await db
        .insert(caseRevisions)
        .values({ caseId: c.id, number: 1, authorId: editor.id, content: sampleContent(), contributorIds: written.has(c.id) ? [editor.id, writer.id] : [editor.id] })
        .returning({ id: caseRevisions.id });
      await db.update(cases).set({ currentRevisionId: revision!.id, updatedAt: c.updatedAt }).where(eq(cases.id, c.id));
    }
    const first = (todo: Todo) => todo.stages.find((s) => s.stage === 1)!;
    const forWriter = first(await todoOf(db, writer));
    expect(forWriter.cases.map((c) => c.id)).toEqual(newest.filter((c) => !written.has(c.id)).slice(0, 20).map((c) => c.id));
    expect(forWriter.total).toBe(50);
    const forReader = first(await todoOf(db, reader));
    expect(forReader.cases.map((c) => c.id)).toEqual(newest.slice(0, 20).map((c) => c.id));
    // Counted only as far as the page shows: 99+.
    expect(forReader.total).toBe(COUNT_CAP + 1);
    expect(await todoCounts(db, reader)).toMatchObject({ work: COUNT_CAP + 1 });
  });

  it('puts a case left waiting at a stage the configuration no longer has in the last remaining stage', async () => {
    const editor = await createActor(db, 'editor', 'short-editor');
    const [first, second, third] = [await createActor(db, 'reviewer', 'short-1'), await createActor(db, 'reviewer', 'short-2'), await createActor(db, 'reviewer', 'short-3')];
    const c = await newCase(db, editor, { title: '丁：等待终审的案例' });
    let row = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: c.version })).case;
    row = must(await approve(db, first!, { caseId: c.id, revisionId: row.currentRevisionId })).case;
    row = must(await approve(db, second!, { caseId: c.id, revisionId: row.currentRevisionId })).case;
    expect(row.reviewStage).toBe(3);
    const [removed] = await db.delete(reviewStages).where(eq(reviewStages.position, 3)).returning();
    try {
      const queues = (await todoOf(db, third!)).stages.map((s) => ({ name: s.name, ids: s.cases.filter((x) => x.id === c.id).map((x) => x.id) }));
      expect(queues).toEqual([
        { name: '初审', ids: [] },
        { name: '复审', ids: [c.id] },
      ]);
    } finally {
      await db.insert(reviewStages).values(removed!);
    }
  });
});
