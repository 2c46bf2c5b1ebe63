import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { parseSearchParams, searchPublishedCases } from '@/lib/public/search';
import { bootstrapDemo } from '@/lib/services/demo';
import { buildStaticSearchFiles, type PublicCaseJson } from '@/lib/static/search';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';
import { resultView } from '@/lib/static/search/view.mjs';
import { sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, createStaff, markedContent, publishIssue, reviseCase } from '../public/content';
import { caseFiles, memorySite, toMarkup } from '../../unit/static/search-support';

// The snapshot's search must answer every request exactly as the app's search does. The demo
// compilation is published (plus an issue with Latin letters, digits and full-width forms, and a
// published case with an unpublished new revision), the index is built from the JSON API's case
// documents, and the static engine's answer is compared with searchPublishedCases: notice, total,
// order, title badges, highlighted titles and snippets, and the markup after the search form.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

type Raw = Record<string, string>;

const WORDS = ['教育', '住房', '户籍', '公积', '产业', '城镇', '人口', '城市', '服务', '改革', '农民', '医疗'];
const PHRASES = ['住房公积金', '农业转移人口', '城中村改造', '义务教育', '随迁子女', '基本公共服务', '城市群', '一体化发展', '公积金教育'];
const SINGLES = ['教', '住', '城', '育', '的', '金'];
const LATIN = ['PPP', 'ppp', 'ＰＰＰ', 'pp', '2023', '202', 'p', 'rebuild', 'ｒｅｂｕｉｌｄ'];
const MIXED = ['教育 住房', '住房 公积金 城市', '户籍 PPP', 'PPP模式', '2023年', '城 镇', '主要做法', '主要成效', '住房保障', '教育教育'];
const ODD = ['', '   ', '😀', '<script>alert(1)</script>', "住房' OR 1=1 --", '住房\udc00公积金', '!(&|<->):*\\', 'a'.repeat(1000), '教'.repeat(1000), 'mkdraftonly'];

describe(`static search answers as the app does (${testTarget})`, () => {
  let search: (raw: Raw) => ReturnType<ReturnType<typeof createStaticSearch>['search']>;
  let provinces: string[] = [];
  let dataDir: string;

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    const { db } = holder.database;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-static-search-'));
    await bootstrapDemo(db, { dataDir, log: () => {} });
    const staff = await createStaff(db);
    const extra = await createIssue(db, staff, 4, '以PPP模式推进城中村改造');
    const section = (body: string) => [{ kind: 'practice' as const, heading: '主要做法', body }];
    // Latin letters and digits written into Chinese text (2023年, 以PPP模式) are tokenized with it;
    // standing alone (（PPP）, tags) they are words of their own.
    await addCase(db, staff, sampleContent({ title: '某市2023年以PPP模式推进城中村改造', sections: section('引入社会资本，采用政府和社会资本合作（PPP）模式建设安置住房。'), tags: ['PPP', '2023'] }), extra, 'approved');
    await addCase(db, staff, sampleContent({ title: '某县用ＰＰＰ方式建设学校', regions: ['320614'], sections: section('推进义务教育学校rebuild，扩大学位供给。') }), extra, 'approved');
    const revised = await addCase(db, staff, sampleContent({ title: '某区完善住房保障', regions: ['440300'], sections: section('住房保障覆盖随迁子女家庭。') }), extra, 'approved');
    await publishIssue(db, staff, extra);
    await reviseCase(db, staff, revised, markedContent('mkdraftonly'));

    const apiIssues = await import('@/app/api/public/issues/route');
    const apiIssue = await import('@/app/api/public/issues/[number]/route');
    const apiCase = await import('@/app/api/public/cases/[id]/route');
    const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
    const { issues } = (await (await apiIssues.GET()).json()) as { issues: { number: number }[] };
    const cases: PublicCaseJson[] = [];
    for (const { number } of issues) {
      const issue = (await (await apiIssue.GET(new Request(`http://test/api/public/issues/${number}`), params({ number: String(number) }))).json()) as { cases: { id: number }[] };
      for (const { id } of issue.cases) cases.push((await (await apiCase.GET(new Request(`http://test/api/public/cases/${id}`), params({ id: String(id) }))).json()) as PublicCaseJson);
    }
    expect(cases).toHaveLength(28);
    provinces = [...new Set(cases.flatMap((c) => c.provinces))].sort();
    const site = memorySite([...buildStaticSearchFiles(cases), ...caseFiles(cases)]);
    const engine = createStaticSearch(site.fetchFile);
    search = (raw) => engine.search(parseSearchParams(raw));
  });
  afterAll(async () => {
    await holder.database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectSameAnswer(raw: Raw) {
    const { query, filters } = parseSearchParams(raw);
    const app = await searchPublishedCases(holder.database!.db, query, filters);
    const mine = await search(raw);
    expect({ notice: mine.notice, total: mine.total }).toEqual({ notice: app.notice, total: app.total });
    expect(mine.hits.map((h) => h.caseId)).toEqual(app.hits.map((h) => h.caseId));
    expect(mine.hits.map((h) => [h.titleMatch, h.titleParts, h.snippet])).toEqual(app.hits.map((h) => [h.titleMatch, h.titleParts, h.snippet]));
    return app;
  }

  it.each([...WORDS, ...PHRASES, ...SINGLES, ...LATIN, ...MIXED])('finds, orders and marks %s exactly as the app does', async (q) => {
    await expectSameAnswer({ q });
  });

  it('finds what the app finds for the demo words, so the comparison above is not between two empty lists', async () => {
    for (const q of ['教育', '住房', '户籍', '住房公积金', '农业转移人口', 'PPP', '2023']) expect((await search({ q })).total, q).toBeGreaterThan(0);
    // More than one page of results, so that paging is compared too.
    for (const q of ['主要做法', '的']) expect((await search({ q })).total, q).toBeGreaterThan(20);
  });

  it.each(ODD.map((q) => [JSON.stringify(q).slice(0, 30), q] as const))('answers the odd query %s as the app does', async (_label, q) => {
    await expectSameAnswer({ q });
  });

  it('never finds the text of a revision that is not published', async () => {
    expect((await search({ q: 'mkdraftonly' })).total).toBe(0);
    expect((await search({ q: '某区完善住房保障' })).total).toBe(1);
  });

  it.each(['1', '2', '3', '4', '99'])('filters by issue %s as the app does, with and without a query', async (issue) => {
    for (const q of ['', '城镇', '教育', '城']) await expectSameAnswer({ q, issue });
  });

  it('filters by every province as the app does, with and without a query', async () => {
    expect(provinces.length).toBeGreaterThan(5);
    for (const province of [...provinces, '990000']) {
      for (const q of ['', '城镇', '住房']) await expectSameAnswer({ q, province });
      await expectSameAnswer({ q: '城镇', province, issue: '2' });
    }
  });

  it.each(['1', '2', '3', '9', 'x'])('pages through results as the app does (page %s)', async (page) => {
    for (const q of ['城镇', '城', '主要做法', '的', '人口']) await expectSameAnswer({ q, page });
  });

  it('shows the same markup after the search form as the app page', async () => {
    const page = await import('@/app/(site)/search/page');
    const requests: Raw[] = [{}, { q: '😀' }, { q: '教育' }, { q: '住房公积金' }, { q: '城镇', page: '2' }, { q: '城', page: '1' }, { q: '无此词语' }, { q: '', province: provinces[0]! }, { q: '城镇', issue: '1', page: '1' }, { q: '城镇', page: '50' }];
    for (const raw of requests) {
      const element = (await page.default({ searchParams: Promise.resolve(raw) })) as ReactElement;
      const appMarkup = renderToStaticMarkup(element).split('</form>')[1];
      expect(toMarkup(resultView(await search(raw))), JSON.stringify(raw)).toBe(appMarkup);
    }
  });
});
