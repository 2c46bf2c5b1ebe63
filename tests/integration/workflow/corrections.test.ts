import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, caseCorrections, caseRevisions, cases, publishedCaseCorrections, publishedCases, users, type Case } from '@/db/schema';
import { loadCorrectionState } from '@/lib/admin/case-detail';
import { listCasesPage } from '@/lib/admin/case-list';
import { DEFAULT_CASE_TABLE_STATE } from '@/lib/admin/case-table-state';
import { loadDashboard } from '@/lib/admin/dashboard';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import { saveCase, submitForReview } from '@/lib/services/cases';
import { listCorrections, publishCorrection } from '@/lib/services/corrections';
import { bootstrapDemo } from '@/lib/services/demo';
import { blockingFindings } from '@/lib/services/proofreading';
import { publishIssue, unpublishIssue } from '@/lib/services/publishing';
import { restoreRevision } from '@/lib/services/revisions';
import { visit, type Outcome } from '../public/crawl';
import { createActor, sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { approveFully, must, readyIssue } from './helpers';

// Content that came in already published (the demo publishes the seed as it is, lost figures and
// all) is marked 待更正 in the admin; correcting a published case goes through review like any edit,
// and the text goes public with a 更正说明 the publisher writes, dated on the case page and in the
// API. A publish that changes no public text needs no note; a bad note changes nothing.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const NOON_IN_BEIJING = new Date('2026-11-30T04:00:00Z');
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function publicPage(caseId: number): Promise<Outcome> {
  const page = await import('@/app/(site)/cases/[id]/page');
  return visit(() => page.default(params(caseId)));
}

async function publicApi(caseId: number): Promise<{ title: string; corrections: { date: string; note: string; text: string }[] } | null> {
  const route = await import('@/app/api/public/cases/[id]/route');
  const res = await route.GET(new Request(`http://test/api/public/cases/${caseId}`), params(caseId));
  return res.status === 200 ? ((await res.json()) as { title: string; corrections: { date: string; note: string; text: string }[] }) : null;
}

const text = (o: Outcome | undefined) => (o?.status === 200 ? o.text.replace(/\s+/gu, '') : '');

async function caseRow(db: Db, id: number): Promise<Case> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

/** Everything a refused publish must leave as it was. */
async function snapshot(db: Db, caseId: number) {
  const n = (rows: { n: number }[]) => rows[0]?.n ?? 0;
  const [row, [publicCopy], corrections, audits, published] = await Promise.all([
    caseRow(db, caseId),
    db.select().from(publishedCases).where(eq(publishedCases.caseId, caseId)),
    db.select({ n: count() }).from(caseCorrections).then(n),
    db.select({ n: count() }).from(auditLog).then(n),
    db.select({ n: count() }).from(publishedCaseCorrections).then(n),
  ]);
  return { row, publicCopy, corrections, audits, published };
}

/** The editor's revision of a published case, submitted, and approved by the reviewer: the correction waiting to go out. */
async function approvedRevision(db: Db, editor: Actor, reviewer: Actor, caseId: number, content: CaseContent): Promise<number> {
  const row = await caseRow(db, caseId);
  const saved = must(await saveCase(db, editor, { caseId, baseVersion: row.version, content }));
  const inReview = must(await submitForReview(db, editor, { caseId, baseVersion: saved.case.version }));
  return must(await approveFully(db, reviewer, { caseId, revisionId: inReview.case.currentRevisionId })).case.approvedRevisionId!;
}

describe(`corrections of the demo, published with its errors (${testTarget})`, () => {
  let db: Db;
  let dataDir: string;
  let editor: Actor, reviewer: Actor;
  const listed = async () => listCasesPage(db, editor, { ...DEFAULT_CASE_TABLE_STATE, corrections: true, pageSize: 100 });

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    db = holder.database.db;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-corrections-'));
    await bootstrapDemo(db, { dataDir, log: () => {} });
    const actor = async (email: string): Promise<Actor> => {
      const [u] = await db.select().from(users).where(eq(users.email, email));
      return { id: u!.id, name: u!.name, email: u!.email, role: u!.role };
    };
    editor = await actor('editor@casebook.local');
    reviewer = await actor('reviewer@casebook.local');
  });
  afterAll(async () => {
    await holder.database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Each published case with the errors the proofreader finds in the text the public sees. */
  async function publicErrors() {
    const rows = await db
      .select({ id: cases.id, content: caseRevisions.content })
      .from(cases)
      .innerJoin(caseRevisions, eq(caseRevisions.id, cases.publishedRevisionId))
      .where(isNotNull(cases.publishedRevisionId))
      .orderBy(asc(cases.id));
    return rows.map((r) => ({ id: r.id, errors: blockingFindings(r.content).length }));
  }

  it('marks every published case whose public text has proofreading errors as 待更正, lists and counts them', async () => {
    const expected = (await publicErrors()).filter((c) => c.errors > 0);
    expect(expected.length).toBeGreaterThan(10);
    const page = await listed();
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((c) => c.id));
    for (const r of page.rows) {
      expect(r.status).toBe('published');
      expect(r.publishedErrors).toBe(expected.find((c) => c.id === r.id)!.errors);
    }
    expect((await loadDashboard(db, editor)).pendingCorrections).toBe(expected.length);
    const state = await loadCorrectionState(db, editor, await caseRow(db, expected[0]!.id));
    expect(state).toMatchObject({ publishedNumber: 1, publishedErrors: expected[0]!.errors, pending: null, history: [] });
  });

  it('corrects one: the note is required, a bad note changes nothing, and the note goes public dated', async () => {
    const flagged = await listed();
    const [target] = flagged.rows;
    const before = await caseRow(db, target!.id);
    const [published] = await db.select({ content: caseRevisions.content }).from(caseRevisions).where(eq(caseRevisions.id, before.publishedRevisionId!));
    const { title, regions, tags } = published!.content;
    const fixed = sampleContent({ title, regions, tags, profile: null, lead: '' });
    const revisionId = await approvedRevision(db, editor, reviewer, before.id, fixed);
    const [approvedOne] = await db.select({ number: caseRevisions.number }).from(caseRevisions).where(eq(caseRevisions.id, revisionId));
    const toNumber = approvedOne!.number;
    // Still 待更正 while the correction waits: readers still see the errors.
    expect((await listed()).rows.map((r) => r.id)).toContain(before.id);
    expect(await loadCorrectionState(db, reviewer, await caseRow(db, before.id))).toMatchObject({ pending: { from: { number: 1 }, to: { number: toNumber }, changed: true } });

    const unchanged = await snapshot(db, before.id);
    const refusals = [
      ['', '请填写更正说明：'],
      ['更'.repeat(201), '更正说明不超过200个字'],
      ['将“年”\n更正为“2021年”', '不能含有换行'],
      ['更正\u202e说明', '控制字符'],
    ] as const;
    for (const [note, says] of refusals) {
      const r = await publishCorrection(db, reviewer, { caseId: before.id, revisionId, note });
      expect(r.ok, JSON.stringify(note)).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.note?.join(''), JSON.stringify(note)).toContain(says);
      expect(await snapshot(db, before.id)).toEqual(unchanged);
    }
    const byEditor = await publishCorrection(db, editor, { caseId: before.id, revisionId, note: '更正。' });
    expect(byEditor.ok ? null : byEditor.message).toBe('你没有“发布”的权限。');
    expect(await snapshot(db, before.id)).toEqual(unchanged);

    const note = '删去了原文中缺失数字的概况和句子，正文改为核实后的内容。';
    const done = must(await publishCorrection(db, reviewer, { caseId: before.id, revisionId, note }, NOON_IN_BEIJING));
    expect(done.correction).toMatchObject({ note, publishedById: reviewer.id });
    expect(done.case).toMatchObject({ status: 'published', publishedRevisionId: revisionId, publishedErrors: 0 });

    // Readers: the corrected text, and the dated note on the page and in the API.
    const pageText = text(await publicPage(before.id));
    expect(pageText).toContain(`2026年11月30日更正：${note}`);
    expect(pageText).toContain(fixed.sections[0]!.body);
    expect(await publicApi(before.id)).toMatchObject({ corrections: [{ date: '2026-11-30', note, text: `2026年11月30日更正：${note}` }] });
    const [publicCopy] = await db.select().from(publishedCases).where(eq(publishedCases.caseId, before.id));
    expect(publicCopy).toMatchObject({ revisionId, position: unchanged.publicCopy!.position, publishedAt: unchanged.publicCopy!.publishedAt });

    // The admin: no longer 待更正; the correction is in the history and the audit log, 第1版 → 第N版.
    expect((await listed()).rows.map((r) => r.id)).not.toContain(before.id);
    expect((await loadDashboard(db, editor)).pendingCorrections).toBe(flagged.total - 1);
    const history = must(await listCorrections(db, editor, { caseId: before.id })).corrections;
    expect(history).toMatchObject([{ fromNumber: 1, toNumber, note, publishedByName: '演示审核' }]);
    const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: 'case.publish_correction', actorId: reviewer.id, targetId: String(before.id), before: { status: 'approved', revision: 1 } });
    expect(entry!.after).toMatchObject({ status: 'published', revision: toNumber, note });

    // The rest of its issue is as readers saw it.
    const others = await db.select().from(publishedCases).where(eq(publishedCases.issueId, publicCopy!.issueId));
    for (const o of others.filter((x) => x.caseId !== before.id)) expect(o.revisionId).toBe((await caseRow(db, o.caseId)).publishedRevisionId);
  });
});

describe(`corrections through the issue's publish (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor, reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    holder.database = database;
    editor = await createActor(db, 'editor', '编辑甲');
    reviewer = await createActor(db, 'reviewer', '审核乙');
  });
  afterAll(async () => database?.close());

  async function publishedIssue(n = 2) {
    const ready = await readyIssue(db, editor, reviewer, n);
    must(await publishIssue(db, reviewer, { issueId: ready.issue.id }));
    return ready;
  }

  it('needs no note when the public text does not change, by the issue or by 发布更正', async () => {
    const { issue, cases: [first, second] } = await publishedIssue();
    for (const c of [first!, second!]) {
      // Edited, then put back as it was published: a new revision, reviewed, with the same text.
      const row = await caseRow(db, c.id);
      const saved = must(await saveCase(db, editor, { caseId: c.id, baseVersion: row.version, content: sampleContent({ title: '改了又改回去' }) }));
      const restored = must(await restoreRevision(db, editor, { caseId: c.id, revisionId: row.publishedRevisionId, baseVersion: saved.case.version }));
      const inReview = must(await submitForReview(db, editor, { caseId: c.id, baseVersion: restored.case.version }));
      must(await approveFully(db, reviewer, { caseId: c.id, revisionId: inReview.case.currentRevisionId }));
    }
    const single = must(await publishCorrection(db, reviewer, { caseId: first!.id, revisionId: (await caseRow(db, first!.id)).approvedRevisionId }));
    expect(single.correction).toBeNull();
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    expect((await caseRow(db, second!.id)).status).toBe('published');
    expect(await db.select().from(caseCorrections).where(eq(caseCorrections.caseId, first!.id))).toEqual([]);
    expect(await db.select().from(caseCorrections).where(eq(caseCorrections.caseId, second!.id))).toEqual([]);
    expect(text(await publicPage(first!.id))).not.toContain('更正说明');
  });

  it('asks a note for each changed case when the issue is published again, changes nothing without it, then publishes it', async () => {
    const { issue, cases: [first] } = await publishedIssue();
    await approvedRevision(db, editor, reviewer, first!.id, sampleContent({ title: '浙江省义乌市向随迁子女扩大义务教育学位供给（更正）' }));
    const unchanged = await snapshot(db, first!.id);

    const missing = await publishIssue(db, reviewer, { issueId: issue.id });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.message).toBe('本期有1个已发布的案例改动了公开的文字，发布前需为每个案例写更正说明。');
      expect(missing.details).toEqual([`典型做法之1“浙江省义乌市向随迁子女扩大义务教育学位供给（更正）”：第1版 → 第2版`]);
    }
    const bad = await publishIssue(db, reviewer, { issueId: issue.id, corrections: [{ caseId: first!.id, note: '标题\u0000更正' }] });
    expect(bad.ok ? null : bad.fieldErrors?.['corrections.0.note']).toEqual(['更正说明只能是一段文字，不能含有换行、制表符或其他控制字符']);
    const stray = await publishIssue(db, reviewer, { issueId: issue.id, corrections: [{ caseId: first!.id, note: '标题加注。' }, { caseId: 999_999, note: '不相干' }] });
    expect(stray.ok).toBe(false);
    expect(await snapshot(db, first!.id)).toEqual(unchanged);

    must(await publishIssue(db, reviewer, { issueId: issue.id, corrections: [{ caseId: first!.id, note: '标题加注“更正”。' }] }, NOON_IN_BEIJING));
    expect(text(await publicPage(first!.id))).toContain('2026年11月30日更正：标题加注“更正”。');
    const audits = await db.select({ action: auditLog.action }).from(auditLog).orderBy(desc(auditLog.id)).limit(2);
    expect(audits.map((a) => a.action)).toEqual(['issue.publish', 'case.publish_correction']);
  });

  it('refuses a correction whose text still has proofreading errors, or that is not the approved revision the publisher saw', async () => {
    const { cases: [first] } = await publishedIssue(1);
    const revisionId = await approvedRevision(db, editor, reviewer, first!.id, sampleContent({ title: '更正后的标题' }));
    const unchanged = await snapshot(db, first!.id);
    const stale = await publishCorrection(db, reviewer, { caseId: first!.id, revisionId: revisionId - 1, note: '更正。' });
    expect(stale.ok ? null : stale.message).toContain('不是最新审核通过的版本');
    // Text approved under an older proofreader is checked again when it goes out.
    await db
      .update(caseRevisions)
      .set({ content: sampleContent({ sections: [{ kind: 'outcome', heading: '主要成效', body: '截至年年底，培训培训农民工。' }] }) })
      .where(eq(caseRevisions.id, revisionId));
    const refused = await publishCorrection(db, reviewer, { caseId: first!.id, revisionId, note: '更正。' });
    expect(refused.ok ? null : refused.message).toBe('校对发现错误，更正不能发布。');
    if (!refused.ok) expect(refused.details?.join('\n')).toContain('典型做法之1');
    expect(await snapshot(db, first!.id)).toEqual(unchanged);
  });

  it('keeps a correction with its text when the issue is withdrawn and published again', async () => {
    const { issue, cases: [first] } = await publishedIssue(1);
    const revisionId = await approvedRevision(db, editor, reviewer, first!.id, sampleContent({ title: '撤回前更正的标题' }));
    must(await publishCorrection(db, reviewer, { caseId: first!.id, revisionId, note: '标题已更正。' }, NOON_IN_BEIJING));
    must(await unpublishIssue(db, reviewer, { issueId: issue.id }));
    expect((await publicPage(first!.id)).status).toBe(404);
    expect(await db.select().from(publishedCaseCorrections).where(eq(publishedCaseCorrections.caseId, first!.id))).toEqual([]);
    must(await publishIssue(db, reviewer, { issueId: issue.id }));
    expect(text(await publicPage(first!.id))).toContain('2026年11月30日更正：标题已更正。');
  });
});
