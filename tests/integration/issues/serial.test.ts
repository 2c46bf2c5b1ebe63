import { eq, inArray, sql } from 'drizzle-orm';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf, type Database, type Db } from '@/db/client';
import { cases, caseRevisions, caseStageDecisions, issues, publishedCases, publishedIssues } from '@/db/schema';
import { adminIssueSerial } from '@/lib/admin/issue-serial';
import type { Actor } from '@/lib/auth/actor';
import { buildSiteManifest } from '@/lib/public/manifest';
import { queryPublicationFingerprint } from '@/lib/public/queries';
import { assignCaseSection, createIssueSection, deleteIssueSection, renameIssueSection, reorderIssueSections } from '@/lib/services/issue-sections';
import { addCaseToIssue, removeCaseFromIssue, reorderCases, updateIssue } from '@/lib/services/issues';
import { publishIssue, unpublishIssue } from '@/lib/services/publishing';
import { readSiteSettings, saveSiteSettings } from '@/lib/services/site-settings';
import { createActor } from '../support/fixtures';
import { firstRow, migrateAcross } from '../support/migrate-across';
import { createTestDatabase, testTarget } from '../support/test-db';
import { visit } from '../public/crawl';
import { approved, must, newCase, newIssue } from '../workflow/helpers';

// An issue as a serial: 2025年第3期（总第27期）. The year and the number within it are derived when
// it is published, renumbered when another issue of the year comes or goes, named in the site's
// format on every public page and in the API, and reachable at /issues/<year>/<number>; 栏目 order
// the contents and 典型做法之N; the colophon names who answered for the issue, or is absent.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const at = (iso: string) => new Date(iso);

async function issuePage(number: number): Promise<string> {
  const page = await import('@/app/(site)/issues/[number]/page');
  return renderToStaticMarkup((await page.default(params({ number: String(number) }))) as ReactElement);
}

async function casePage(id: number): Promise<string> {
  const page = await import('@/app/(site)/cases/[id]/page');
  return renderToStaticMarkup((await page.default(params({ id: String(id) }))) as ReactElement);
}

async function apiIssue(number: number) {
  const route = await import('@/app/api/public/issues/[number]/route');
  const res = await route.GET(new Request(`http://test/api/public/issues/${number}`), params({ number: String(number) }));
  return (await res.json()) as {
    number: number;
    year: number;
    yearNumber: number;
    label: string;
    sections: { title: string; caseIds: number[] }[];
    colophon: unknown;
    cases: { id: number; label: string; sectionTitle: string | null; issue: { label: string; year: number; yearNumber: number } }[];
  };
}

async function serialOf(db: Db, issueId: number) {
  const [row] = await db.select({ year: publishedIssues.year, yearNumber: publishedIssues.yearNumber }).from(publishedIssues).where(eq(publishedIssues.issueId, issueId));
  return row ?? null;
}

async function positions(db: Db, issueId: number) {
  const rows = await db.select({ id: cases.id, position: cases.position, sectionId: cases.sectionId }).from(cases).where(eq(cases.issueId, issueId));
  return rows.sort((a, b) => a.position! - b.position!);
}

describe(`the issue as a serial (${testTarget})`, () => {
  let db: Db;
  let editor: Actor;
  let reviewer: Actor;
  let admin: Actor;

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    db = holder.database.db;
    editor = await createActor(db, 'editor', '王编辑');
    reviewer = await createActor(db, 'reviewer', '李审核');
    admin = await createActor(db, 'admin', '赵管理');
    // 校次 are another part's subject: none are required here, so publishing needs only approval.
    await db.execute(sql`update review_stages set required_rounds = 0`);
  });
  afterAll(async () => {
    await holder.database?.close();
  });

  /** An issue numbered `number` with `n` approved cases. */
  async function issueWith(number: number, n: number) {
    const issue = await newIssue(db, editor);
    const renumbered = must(await updateIssue(db, editor, { issueId: issue.id, baseVersion: issue.version, number, title: `第${number}号主题`, foreword: '' })).issue;
    const list = [];
    for (let i = 0; i < n; i++) list.push(await approved(db, editor, reviewer, renumbered.id));
    return { issue: renumbered, cases: list };
  }

  describe('year and number within the year', () => {
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      for (const n of [10, 11, 12]) ids[n] = (await issueWith(n, 1)).issue.id;
      must(await publishIssue(db, reviewer, { issueId: ids[11]! }, at('2025-06-01T02:00:00Z')));
      must(await publishIssue(db, reviewer, { issueId: ids[10]! }, at('2025-07-01T02:00:00Z')));
      // 2025-12-31 16:30 UTC is New Year's Day in Beijing: the serial year follows China's calendar.
      must(await publishIssue(db, reviewer, { issueId: ids[12]! }, at('2025-12-31T16:30:00Z')));
    });

    it('derives the year from the publication date and the number within it from the overall numbers', async () => {
      expect(await serialOf(db, ids[10]!)).toEqual({ year: 2025, yearNumber: 1 });
      // Published first, but its overall number is higher: second of the year.
      expect(await serialOf(db, ids[11]!)).toEqual({ year: 2025, yearNumber: 2 });
      expect(await serialOf(db, ids[12]!)).toEqual({ year: 2026, yearNumber: 1 });
      const api = await apiIssue(11);
      expect(api).toMatchObject({ number: 11, year: 2025, yearNumber: 2, label: '2025年第2期（总第11期）' });
      expect(api.cases[0]!.issue).toEqual({ number: 11, year: 2025, yearNumber: 2, label: '2025年第2期（总第11期）', title: '第11号主题' });
    });

    it('renumbers the year when an earlier issue is withdrawn, and again when it comes back in another year', async () => {
      const before = await queryPublicationFingerprint(db);
      const manifest = await buildSiteManifest(db);
      must(await unpublishIssue(db, reviewer, { issueId: ids[10]! }));
      expect(await serialOf(db, ids[11]!)).toEqual({ year: 2025, yearNumber: 1 });
      expect(await issuePage(11)).toContain('2025年第1期（总第11期）');
      expect(await queryPublicationFingerprint(db)).not.toBe(before);
      // Only its number within the year changed, and the static snapshot fetches its pages again.
      const after = await buildSiteManifest(db);
      for (const url of ['/issues/11', '/api/public/issues/11']) expect(after.pages[url], url).not.toBe(manifest.pages[url]);

      // Withdrawn, it comes out anew: its year is the year it comes out again, ranked by number there.
      must(await publishIssue(db, reviewer, { issueId: ids[10]! }, at('2026-02-01T02:00:00Z')));
      expect(await serialOf(db, ids[10]!)).toEqual({ year: 2026, yearNumber: 1 });
      expect(await serialOf(db, ids[12]!)).toEqual({ year: 2026, yearNumber: 2 });
      expect(await serialOf(db, ids[11]!)).toEqual({ year: 2025, yearNumber: 1 });
      expect(await issuePage(12)).toContain('2026年第2期（总第12期）');
    });

    it('answers /issues/<year>/<number> with a permanent redirect to the issue, and 404 for anything else', async () => {
      const page = await import('@/app/(site)/issues/[number]/[yearNumber]/page');
      const go = (year: string, yearNumber: string) => visit(() => page.default(params({ number: year, yearNumber })));
      expect(await go('2025', '1')).toEqual({ status: 308, location: '/issues/11' });
      expect(await go('2026', '2')).toEqual({ status: 308, location: '/issues/12' });
      expect(await visit(() => page.generateMetadata(params({ number: '2026', yearNumber: '1' })))).toEqual({ status: 308, location: '/issues/10' });
      for (const [year, n] of [['2025', '2'], ['2024', '1'], ['25', '1'], ['2025', '0'], ['2025', 'x'], ['99999', '1']]) {
        expect(await go(year!, n!), `${year}/${n}`).toEqual({ status: 404 });
      }
      // Today's addresses keep working: the overall number is still the address.
      expect((await visit(() => import('@/app/(site)/issues/[number]/page').then((p) => p.default(params({ number: '11' }))))).status).toBe(200);
    });

    it('names an issue in the site’s format on its page, its cases’ pages, the archive, the API and the feed', async () => {
      const before = await queryPublicationFingerprint(db);
      const manifest = await buildSiteManifest(db);
      const settings = await readSiteSettings(db);
      must(await saveSiteSettings(db, admin, { issueLabelFormat: '总第{number}期·{year}年{yearNumber}', showColophon: settings.showColophon, publisherName: settings.publisherName, baseVersion: settings.version }));
      expect(await queryPublicationFingerprint(db)).not.toBe(before);
      const renamed = await buildSiteManifest(db);

      const api = await apiIssue(12);
      expect(api.label).toBe('总第12期·2026年2');
      expect(api.cases[0]!.issue.label).toBe('总第12期·2026年2');
      const html = await issuePage(12);
      expect(html).toContain('总第12期·2026年2');
      expect(html).not.toContain('2026年第2期');
      expect(await casePage(api.cases[0]!.id)).toContain('总第12期·2026年2');
      for (const url of ['/', '/issues', '/issues/12', '/api/public/issues/12', `/cases/${api.cases[0]!.id}`, `/api/public/cases/${api.cases[0]!.id}`, '/feed.xml']) {
        expect(renamed.pages[url], url).not.toBe(manifest.pages[url]);
      }
      const archive = await import('@/app/(site)/issues/page');
      expect(renderToStaticMarkup((await archive.default()) as ReactElement)).toContain('总第11期·2025年1');
      const feed = await import('@/app/feed.xml/route');
      expect(await (await feed.GET()).text()).toContain('总第12期·2026年2：第12号主题');

      const current = await readSiteSettings(db);
      must(await saveSiteSettings(db, admin, { issueLabelFormat: '{year}年第{yearNumber}期（总第{number}期）', showColophon: current.showColophon, publisherName: current.publisherName, baseVersion: current.version }));
      expect((await apiIssue(12)).label).toBe('2026年第2期（总第12期）');
    });

    it('refuses a format that cannot name an issue, and a save based on stale settings, changing nothing', async () => {
      const settings = await readSiteSettings(db);
      const bad = await saveSiteSettings(db, admin, { issueLabelFormat: '第{issue}期', showColophon: true, publisherName: '', baseVersion: settings.version });
      expect(bad.ok ? null : bad.fieldErrors?.issueLabelFormat?.join('；')).toMatch(/不认识的占位符 \{issue\}.*必须包含 \{number\}/u);
      const stale = await saveSiteSettings(db, admin, { issueLabelFormat: '总第{number}期', showColophon: true, publisherName: '', baseVersion: settings.version - 1 || 99 });
      expect(stale.ok ? null : stale.message).toContain('已被其他人修改');
      expect(await readSiteSettings(db)).toEqual(settings);
    });

    it('names an unpublished issue by the year and number it is expected to get, saying they are provisional', async () => {
      const { issue } = await issueWith(13, 1);
      const serial = await adminIssueSerial(db, issue, at('2026-03-01T00:00:00Z'));
      // 2026 already has 总第10期 and 总第12期 published, both with smaller numbers.
      expect(serial).toEqual({ numbers: { year: 2026, yearNumber: 3, number: 13 }, label: '2026年第3期（总第13期）（发布后确定）', provisional: true });
      const scheduled = await adminIssueSerial(db, { ...issue, scheduledAt: at('2027-01-10T00:00:00Z') }, at('2026-03-01T00:00:00Z'));
      expect(scheduled.label).toBe('2027年第1期（总第13期）（发布后确定）');
      expect((await adminIssueSerial(db, { id: ids[11]!, number: 11, scheduledAt: null })).label).toBe('2025年第1期（总第11期）');
      // Not published: no serial address leads to it.
      const page = await import('@/app/(site)/issues/[number]/[yearNumber]/page');
      expect(await visit(() => page.default(params({ number: '2026', yearNumber: '3' })))).toEqual({ status: 404 });
    });
  });

  describe('栏目', () => {
    let issueId: number;
    let c: number[];
    let sec: Record<string, number>;

    beforeAll(async () => {
      const made = await issueWith(20, 4);
      issueId = made.issue.id;
      c = made.cases.map((x) => x.id);
      sec = {};
      for (const title of ['教育', '住房']) {
        const { sections } = must(await createIssueSection(db, editor, { issueId, title }));
        sec[title] = sections.find((s) => s.title === title)!.id;
      }
    });

    it('lists cases without a 栏目 first, then each 栏目 in order, and numbers 典型做法之N that way', async () => {
      must(await assignCaseSection(db, editor, { issueId, caseId: c[0]!, sectionId: sec['住房']! }));
      must(await assignCaseSection(db, editor, { issueId, caseId: c[1]!, sectionId: sec['教育']! }));
      const moved = must(await assignCaseSection(db, editor, { issueId, caseId: c[2]!, sectionId: sec['教育']! }));
      expect(moved.position).toBe(3);
      // c3 has no 栏目: first; then 教育 (c1, c2 in the order they joined), then 住房 (c0).
      expect((await positions(db, issueId)).map((r) => [r.id, r.position])).toEqual([
        [c[3], 1],
        [c[1], 2],
        [c[2], 3],
        [c[0], 4],
      ]);
    });

    it('moves cases with their 栏目 when the 栏目 are reordered, renumbering in the same step', async () => {
      must(await reorderIssueSections(db, editor, { issueId, sectionIds: [sec['住房']!, sec['教育']!] }));
      expect((await positions(db, issueId)).map((r) => r.id)).toEqual([c[3], c[0], c[1], c[2]]);
    });

    it('reorders within a 栏目 but refuses an order that splits one, changing nothing', async () => {
      must(await reorderCases(db, editor, { issueId, caseIds: [c[3]!, c[0]!, c[2]!, c[1]!] }));
      expect((await positions(db, issueId)).map((r) => r.id)).toEqual([c[3], c[0], c[2], c[1]]);
      const split = await reorderCases(db, editor, { issueId, caseIds: [c[0]!, c[3]!, c[2]!, c[1]!] });
      expect(split.ok ? null : split.message).toContain('只能在所属栏目内调整顺序');
      expect((await positions(db, issueId)).map((r) => r.id)).toEqual([c[3], c[0], c[2], c[1]]);
    });

    it('refuses a duplicate or blank 栏目 name in Chinese, and a 栏目 of another issue', async () => {
      const dup = await createIssueSection(db, editor, { issueId, title: ' 教育 ' });
      expect(dup.ok ? null : dup.fieldErrors?.title).toEqual(['本期已有栏目“教育”，请换一个名称']);
      const blank = await renameIssueSection(db, editor, { issueId, sectionId: sec['教育']!, title: '  ' });
      expect(blank.ok ? null : blank.fieldErrors?.title).toEqual(['请填写栏目名称']);
      const other = (await issueWith(21, 0)).issue;
      const { sections } = must(await createIssueSection(db, editor, { issueId: other.id, title: '别处' }));
      const foreign = await assignCaseSection(db, editor, { issueId, caseId: c[3]!, sectionId: sections[0]!.id });
      expect(foreign.ok ? null : foreign.message).toContain('这个栏目不在本期中');
    });

    it('adds a new case at the end of those without a 栏目, and clears the 栏目 of one that leaves', async () => {
      const fresh = await newCase(db, editor);
      const added = must(await addCaseToIssue(db, editor, { issueId, caseId: fresh.id }));
      expect(added.position).toBe(2);
      expect((await positions(db, issueId)).map((r) => r.id)).toEqual([c[3], fresh.id, c[0], c[2], c[1]]);
      must(await removeCaseFromIssue(db, editor, { issueId, caseId: c[0]! }));
      const [left] = await db.select({ sectionId: cases.sectionId, position: cases.position }).from(cases).where(eq(cases.id, c[0]!));
      expect(left).toEqual({ sectionId: null, position: null });
      must(await removeCaseFromIssue(db, editor, { issueId, caseId: fresh.id }));
      must(await addCaseToIssue(db, editor, { issueId, caseId: c[0]! }));
      must(await assignCaseSection(db, editor, { issueId, caseId: c[0]!, sectionId: sec['住房']! }));
      expect((await positions(db, issueId)).map((r) => r.id)).toEqual([c[3], c[0], c[2], c[1]]);
    });

    it('deletes a 栏目 keeping its cases, listed under none after those already there', async () => {
      const { sections } = must(await createIssueSection(db, editor, { issueId, title: '临时' }));
      const temp = sections.find((s) => s.title === '临时')!.id;
      must(await assignCaseSection(db, editor, { issueId, caseId: c[2]!, sectionId: temp }));
      must(await deleteIssueSection(db, editor, { issueId, sectionId: temp }));
      expect((await positions(db, issueId)).map((r) => [r.id, r.sectionId])).toEqual([
        [c[3], null],
        [c[2], null],
        [c[0], sec['住房']],
        [c[1], sec['教育']],
      ]);
      must(await assignCaseSection(db, editor, { issueId, caseId: c[2]!, sectionId: sec['教育']! }));
    });

    it('publishes the contents under their 栏目: headings on the issue page, sections in the API', async () => {
      must(await publishIssue(db, reviewer, { issueId }, at('2026-04-01T02:00:00Z')));
      const out = await db.select({ id: publishedCases.caseId, position: publishedCases.position, sectionTitle: publishedCases.sectionTitle }).from(publishedCases).where(eq(publishedCases.issueId, issueId));
      expect(out.sort((a, b) => a.position - b.position).map((r) => [r.id, r.sectionTitle])).toEqual([
        [c[3], null],
        [c[0], '住房'],
        [c[1], '教育'],
        [c[2], '教育'],
      ]);
      const api = await apiIssue(20);
      expect(api.sections).toEqual([
        { title: '住房', caseIds: [c[0]] },
        { title: '教育', caseIds: [c[1], c[2]] },
      ]);
      expect(api.cases.map((x) => [x.label, x.sectionTitle])).toEqual([
        ['典型做法之1', null],
        ['典型做法之2', '住房'],
        ['典型做法之3', '教育'],
        ['典型做法之4', '教育'],
      ]);
      const html = await issuePage(20);
      expect(html.indexOf('>住房</h3>')).toBeGreaterThan(-1);
      expect(html.indexOf('>住房</h3>')).toBeLessThan(html.indexOf('>教育</h3>'));
      expect(await casePage(c[1]!)).toContain('· 教育 · 典型做法之3');
    });

    it('keeps the structure of a published issue fixed, but lets a 栏目 be renamed for the next publish', async () => {
      const add = await createIssueSection(db, editor, { issueId, title: '新栏目' });
      expect(add.ok ? null : add.message).toContain('已发布，请先撤回发布');
      const move = await assignCaseSection(db, editor, { issueId, caseId: c[3]!, sectionId: sec['教育']! });
      expect(move.ok ? null : move.message).toContain('已发布');
      const again = await publishIssue(db, reviewer, { issueId });
      expect(again.ok ? null : again.message).toContain('没有新的内容需要发布');

      must(await renameIssueSection(db, editor, { issueId, sectionId: sec['教育']!, title: '教育与医疗' }));
      expect((await apiIssue(20)).sections[1]!.title).toBe('教育');
      must(await publishIssue(db, reviewer, { issueId }));
      expect((await apiIssue(20)).sections[1]!.title).toBe('教育与医疗');
    });

    it('records every change to the 栏目 in the audit log, in the words of the contents', async () => {
      const rows = rowsOf<{ target_type: string; after: { sections?: string[]; section?: string | null } }>(
        await db.execute(sql`select target_type, after from audit_log where action = 'issue.sections' order by id`),
      );
      expect(rows.length).toBeGreaterThanOrEqual(10);
      expect(rows.at(-1)!.after.sections).toEqual(['住房', '教育与医疗']);
      expect(rows.some((r) => r.target_type === 'case' && r.after.section === '住房')).toBe(true);
    });
  });

  describe('the colophon', () => {
    let issueId: number;
    let staged: number;
    let legacy: number;
    const signers: Record<string, Actor> = {};

    beforeAll(async () => {
      for (const name of ['初审甲', '复审乙', '终审丙', '老审核丁']) signers[name] = await createActor(db, 'reviewer', name);
      const made = await issueWith(30, 2);
      issueId = made.issue.id;
      [staged, legacy] = made.cases.map((x) => x.id) as [number, number];
      // What each case's approved revision went through, as the stage decisions record it: the one
      // passed 初审, 复审 and 终审 by three people; the other was approved before stages existed.
      await db.delete(caseStageDecisions).where(inArray(caseStageDecisions.caseId, [staged, legacy]));
      const revisionOf = async (caseId: number) => (await db.select({ r: cases.approvedRevisionId }).from(cases).where(eq(cases.id, caseId)))[0]!.r!;
      const stagedRevision = await revisionOf(staged);
      for (const [stage, stageName, who] of [[1, '初审', '初审甲'], [2, '复审', '复审乙'], [3, '终审', '终审丙']] as const) {
        await db.insert(caseStageDecisions).values({ caseId: staged, revisionId: stagedRevision, stage, stageName, decision: 'pass', actorId: signers[who]!.id });
      }
      await db.update(caseRevisions).set({ approvedById: signers['老审核丁']!.id, approvedAt: new Date() }).where(eq(caseRevisions.id, await revisionOf(legacy)));
      const [row] = await db.select().from(issues).where(eq(issues.id, issueId));
      must(await updateIssue(db, editor, { issueId, baseVersion: row!.version, number: 30, title: row!.title, foreword: '', responsibleEditorId: editor.id }));
      const settings = await readSiteSettings(db);
      must(await saveSiteSettings(db, admin, { issueLabelFormat: settings.issueLabelFormat, showColophon: true, publisherName: '某某省住房和城乡建设厅', baseVersion: settings.version }));
    });

    it('refuses a 责任编辑 who is not an active editor or admin', async () => {
      const [row] = await db.select().from(issues).where(eq(issues.id, issueId));
      const refused = await updateIssue(db, editor, { issueId, baseVersion: row!.version, number: 30, title: row!.title, foreword: '', responsibleEditorId: reviewer.id });
      expect(refused.ok ? null : refused.fieldErrors?.responsibleEditorId).toEqual(['请从列表中选择一位在用的编辑或管理员']);
    });

    it('publishes the publisher, the 责任编辑 and each stage with those who passed the texts at it', async () => {
      must(await publishIssue(db, reviewer, { issueId }, at('2026-05-01T02:00:00Z')));
      const api = await apiIssue(30);
      expect(api.colophon).toEqual({
        publisher: '某某省住房和城乡建设厅',
        responsibleEditor: '王编辑',
        stages: [
          { name: '初审', signers: ['初审甲'] },
          { name: '复审', signers: ['复审乙'] },
          // The case approved before stages existed is signed by its approver, at the last stage.
          { name: '终审', signers: ['终审丙', '老审核丁'] },
        ],
      });
      const html = await issuePage(30);
      expect(html).toContain('版权页');
      for (const text of ['编印单位', '某某省住房和城乡建设厅', '责任编辑', '王编辑', '初审甲', '复审乙', '终审丙、老审核丁']) expect(html).toContain(text);
    });

    it('is left out when the site turns it off, once the issue is published again', async () => {
      const settings = await readSiteSettings(db);
      must(await saveSiteSettings(db, admin, { issueLabelFormat: settings.issueLabelFormat, showColophon: false, publisherName: settings.publisherName, baseVersion: settings.version }));
      // What readers see changes only with a publish, which now has something to publish.
      expect(await issuePage(30)).toContain('版权页');
      must(await publishIssue(db, reviewer, { issueId }));
      expect((await apiIssue(30)).colophon).toBeNull();
      expect(await issuePage(30)).not.toContain('版权页');
      const [out] = await db.select({ colophon: publishedIssues.colophon }).from(publishedIssues).where(eq(publishedIssues.issueId, issueId));
      expect(out!.colophon).toBeNull();
    });
  });
});

describe(`serial numbers of issues published before they existed (${testTarget})`, () => {
  let database: Database;
  const ids: Record<number, number> = {};

  beforeAll(async () => {
    database = await migrateAcross('0004_editorial_practice', async (db) => {
      // Published in 2024 (two, out of number order), on New Year's Day 2025 in Beijing (still 2024 in UTC), and in 2025.
      for (const [number, publishedAt] of [
        [1, '2024-03-01T02:00:00Z'],
        [3, '2024-02-01T02:00:00Z'],
        [2, '2024-12-31T17:00:00Z'],
        [4, '2025-06-01T02:00:00Z'],
      ] as const) {
        const { id } = await firstRow<{ id: number }>(
          db,
          sql`insert into issues (number, title, status, published_at) values (${number}, ${`第${number}期主题`}, 'published', ${publishedAt}) returning id`,
        );
        await db.execute(sql`insert into published_issues (issue_id, number, title, published_at) values (${id}, ${number}, ${`第${number}期主题`}, ${publishedAt})`);
        ids[number] = id;
      }
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('takes the year from the publication date in China and the number within it from the overall number', async () => {
    const rows = await database.db.select({ number: publishedIssues.number, year: publishedIssues.year, yearNumber: publishedIssues.yearNumber }).from(publishedIssues);
    expect(rows.sort((a, b) => a.number - b.number)).toEqual([
      { number: 1, year: 2024, yearNumber: 1 },
      { number: 2, year: 2025, yearNumber: 1 },
      { number: 3, year: 2024, yearNumber: 2 },
      { number: 4, year: 2025, yearNumber: 2 },
    ]);
  });

  it('gives the site the default format and a colophon that shows once issues are published again', async () => {
    expect(await readSiteSettings(database.db)).toMatchObject({ issueLabelFormat: '{year}年第{yearNumber}期（总第{number}期）', showColophon: true, publisherName: '' });
    const [row] = await database.db.select({ colophon: publishedIssues.colophon }).from(publishedIssues).where(eq(publishedIssues.issueId, ids[1]!));
    expect(row!.colophon).toBeNull();
  });
});
