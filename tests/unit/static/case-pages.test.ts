import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasePageData } from '@/lib/public/case-page-data';
import type { PublicCase, PublicCaseSummary } from '@/lib/public/types';
import { SnapshotError } from '@/lib/static/crawl';
import { generateSnapshot } from '@/lib/static/generate';
import { currentRelease } from '@/lib/static/release';
import type { CaseParts } from '@/lib/static/render/case-parts';
import type { CasePageRenderer } from '@/lib/static/render/protocol';
import { readStatus } from '@/lib/static/status';

// The case pages of a snapshot drawn by a renderer from their data (lib/static/case-pages.ts), against
// a stand-in for the app: every page the release holds must be the app's own page byte for byte,
// the app asked only for the samples that prove it, and whenever the renderer is wrong, crashes or
// gets no data, every case page comes from the app instead, those already composed included.

vi.mock('@/lib/static/search-step', () => ({
  SEARCH_PAGE: '/search',
  searchScriptTag: () => '<script type="module" src="/_static/search.mjs"></script>',
  writeSearchFiles: async (dir: string) => {
    await fs.mkdir(path.join(dir, '_search'), { recursive: true });
    await fs.writeFile(path.join(dir, '_search', 'meta.json'), '{}');
  },
  shareSearchFiles: async (from: string, dir: string) => {
    await fs.mkdir(path.join(dir, '_search'), { recursive: true });
    await fs.link(path.join(from, '_search', 'meta.json'), path.join(dir, '_search', 'meta.json'));
  },
}));

const SITE = 'https://cases.example.gov.cn';
/** More than SAMPLE_EVERY (250), in three batches of at most 100. */
const CASES = 260;
const ISSUE_SIZE = 5;

// The frame of every page, runtime scripts included: the snapshot keeps it without them.
const DOC_START = '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>';
const RUNTIME_HEAD = '<link rel="preload" as="script" href="/_next/static/chunks/main.js"/><script src="/_next/static/chunks/main.js" async=""></script>';
const FRAME_BEFORE = DOC_START + RUNTIME_HEAD;
const FRAME_BETWEEN = '<link rel="icon" href="/favicon.svg"/></head><body><header><a href="/">案例库</a></header><main>';
const FRAME_END = '</main><footer>案例库 版权所有</footer>';
const RUNTIME_END = '<script>self.__next_f.push([1,"layout"])</script>';
const FRAME_AFTER = `${FRAME_END}${RUNTIME_END}</body></html>`;
const STRIPPED_AFTER = `${FRAME_END}</body></html>`;

// ---- The data of a case page, varying in every part a page may or may not show. ----

const caseIds = () => Array.from({ length: CASES }, (_, i) => i + 1);
const caseUrls = () => caseIds().map((id) => `/cases/${id}`);

function summary(id: number): PublicCaseSummary {
  const issue = Math.ceil(id / ISSUE_SIZE);
  const r = (id - 1) % 10;
  return {
    caseId: id,
    issueId: issue,
    issueNumber: issue,
    issueYear: 2025,
    issueYearNumber: issue,
    issueLabel: `2025年第${issue}期（总第${issue}期）`,
    issueShortLabel: `2025年第${issue}期`,
    issueTitle: `第${issue}期的主题`,
    position: (id - 1) % ISSUE_SIZE,
    sectionTitle: r % 3 === 0 ? '城市更新' : null,
    title: `案例${id}：某市推进住房公积金制度改革`,
    regions: ['330782'],
    provinces: ['33'],
    tags: r === 2 || r === 7 ? [] : ['住房保障'],
    publishedAt: '2025-03-01T00:00:00.000Z',
  };
}

/**
 * Case `id` of a 5-case issue (its position decides the pager: first, middle or last). The parts
 * follow r = (id - 1) % 10, chosen so that the ten values of r give ten different combinations of
 * the parts a page may show; cases with 更正说明 exist only past id 200 (the third batch), at r = 1.
 */
function pageData(id: number): CasePageData {
  const r = (id - 1) % 10;
  const own = summary(id);
  const first = (Math.ceil(id / ISSUE_SIZE) - 1) * ISSUE_SIZE + 1;
  const c: PublicCase = {
    ...own,
    profile: r % 2 === 0 ? { year: 2024, landAreaKm2: 1100 + id, population: { scope: '城区', value: 180 }, urbanizationRatePct: 63.5, gdpYi: 2100, budgetRevenueYi: 120 } : null,
    lead: r % 2 === 1 ? `案例${id}所在的城市群包括三个省份。` : '',
    sections:
      r === 9
        ? []
        : [
            { kind: 'practice', heading: '主要做法', body: `一是推进缴存扩面（案例${id}）。\n二是优化服务。` },
            { kind: 'outcome', heading: '主要成效', body: '成效明显。' },
          ],
  };
  const related = own.tags.length > 0 && r !== 3 ? [summary((id % CASES) + 1), summary(((id + 10) % CASES) + 1)] : [];
  return {
    case: c,
    corrections: id > 200 && r === 1 ? [{ note: `更正说明：补充了案例${id}的导语。`, correctedAt: '2025-04-02T08:00:00.000Z' }] : [],
    pdf: r < 5 ? { url: `${SITE}/cases/${id}/edition.pdf`, size: 52_000 + id, pages: 3 } : null,
    siblings: Array.from({ length: ISSUE_SIZE }, (_, i) => summary(first + i)),
    related,
  };
}

/** Ten kinds from r, and one more for the pages with 更正说明: what one sample each must cover. */
const SHAPES = 11;

// ---- How the app draws a case page's two varying parts; the renderer draws them from the data. ----

function head(d: CasePageData, siteUrl: string): string {
  const c = d.case;
  return `<title>${c.title}｜案例库</title><meta name="description" content="${c.lead || c.issueTitle}"/><link rel="canonical" href="${siteUrl}/cases/${c.caseId}"/>`;
}

function article(d: CasePageData, { correctionDates = true } = {}): string {
  const c = d.case;
  const at = d.siblings.findIndex((s) => s.caseId === c.caseId);
  const prev = at > 0 ? d.siblings[at - 1] : undefined;
  const next = at >= 0 && at < d.siblings.length - 1 ? d.siblings[at + 1] : undefined;
  return [
    `<article><p class="kicker"><a href="/issues/${c.issueNumber}">${c.issueLabel}</a>${c.sectionTitle ? `<span>${c.sectionTitle}</span>` : ''}</p><h1>${c.title}</h1>`,
    c.tags.length > 0 ? `<ul class="tags">${c.tags.map((t) => `<li>${t}</li>`).join('')}</ul>` : '',
    c.profile ? `<p class="profile">${c.profile.year}年，国土面积${c.profile.landAreaKm2}平方公里。</p>` : '',
    c.lead ? `<p class="lead">${c.lead}</p>` : '',
    c.sections.map((s, i) => `<h2>（${'一二三四五'[i]}）${s.heading}</h2>${s.body.split('\n').map((p) => `<p>${p}</p>`).join('')}`).join(''),
    d.corrections.length > 0 ? `<aside><h2>更正说明</h2>${d.corrections.map((k) => `<p>${correctionDates ? `${k.correctedAt.slice(0, 10)}：` : ''}${k.note}</p>`).join('')}</aside>` : '',
    d.pdf ? `<a href="${d.pdf.url}">下载 PDF（${d.pdf.pages} 页）</a>` : '',
    `<nav>${prev ? `<a href="/cases/${prev.caseId}">上一篇：${prev.title}</a>` : ''}${next ? `<a href="/cases/${next.caseId}">下一篇：${next.title}</a>` : ''}</nav>`,
    d.related.length > 0 ? `<section><h2>相关案例</h2>${d.related.map((s) => `<a href="/cases/${s.caseId}">${s.title}</a>`).join('')}</section>` : '',
    '</article>',
  ].join('');
}

/** The app's page: the client runtime in the frame, and the page's own flight data after the article. */
function appCasePage(id: number): string {
  const d = pageData(id);
  return `${FRAME_BEFORE}${head(d, SITE)}${FRAME_BETWEEN}${article(d)}<script>self.__next_f.push([1,${JSON.stringify(d.case.title)}])</script>${FRAME_AFTER}`;
}

/** What the release must hold for case `id`, written out by hand: the app's page without its runtime. */
function expectedCasePage(id: number): string {
  const d = pageData(id);
  return `${DOC_START}${head(d, SITE)}${FRAME_BETWEEN}${article(d)}${STRIPPED_AFTER}`;
}

interface FakeRenderer extends CasePageRenderer {
  /** The ids of each render() call, in order. */
  calls: number[][];
}

function fakeRenderer(draw: (d: CasePageData, siteUrl: string) => CaseParts, failOnCall?: number): FakeRenderer {
  const calls: number[][] = [];
  return {
    calls,
    async render(pages, siteUrl) {
      calls.push(pages.map((p) => p.case.caseId));
      if (calls.length === failOnCall) throw new Error('案例页渲染进程退出了（SIGKILL）');
      return pages.map((p) => draw(p, siteUrl));
    },
    async close() {},
  };
}

const faithful = (d: CasePageData, siteUrl: string): CaseParts => ({ head: head(d, siteUrl), article: article(d) });

// ---- The stand-in app. ----

interface App {
  /** Ids the data route lists under `missing` (unpublished after the manifest was read). */
  dataMissing: Set<number>;
  /** Ids whose page answers 404. */
  gone: Set<number>;
  /** How the data route fails for a batch, if it does. */
  dataFailure: ((ids: number[]) => { status: number; body: string } | null) | null;
  hits: Map<string, number>;
  /** The ids of each request to the data route. */
  dataRequests: number[][];
  inFlight: number;
  maxInFlight: number;
  /** Lets the first request to the data route go on. */
  release: () => void;
}
const fresh = (): App => ({ dataMissing: new Set(), gone: new Set(), dataFailure: null, hits: new Map(), dataRequests: [], inFlight: 0, maxInFlight: 0, release: () => {} });
const app: App = fresh();
let server: http.Server;
let sourceUrl: string;
let root: string;

function manifestPages(): Record<string, string> {
  const pages: Record<string, string> = { '/': 'home' };
  for (const id of caseIds()) pages[`/cases/${id}`] = `own${id}~rel`;
  return pages;
}

async function answerData(ids: number[], res: http.ServerResponse): Promise<void> {
  app.dataRequests.push(ids);
  app.inFlight++;
  app.maxInFlight = Math.max(app.maxInFlight, app.inFlight);
  // The first request waits (up to a second) for a second one, and each is answered a little later:
  // requests sent together are all in flight together here, however the two cores are shared.
  if (app.dataRequests.length === 1) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      app.release = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  } else {
    app.release();
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  app.inFlight--;
  const failure = app.dataFailure?.(ids) ?? null;
  if (failure) return void res.writeHead(failure.status, { 'content-type': 'application/json' }).end(failure.body);
  const known = ids.filter((id) => id >= 1 && id <= CASES && !app.dataMissing.has(id));
  const body = { pages: known.map(pageData), missing: ids.filter((id) => !known.includes(id)) };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const pathname = url.pathname;
    app.hits.set(pathname, (app.hits.get(pathname) ?? 0) + 1);
    const html = (status: number, body: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (pathname === '/api/public/manifest') {
      const body = { version: 1, buildId: 'build-1', siteUrl: SITE, publication: 'p1', notFound: '/static-snapshot-not-found', pages: manifestPages(), redirects: [] };
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    if (pathname === '/api/public/case-pages') return void answerData((url.searchParams.get('ids') ?? '').split(',').map(Number), res);
    if (pathname === '/static-snapshot-not-found') return html(404, `${FRAME_BEFORE}<title>页面不存在</title>${FRAME_BETWEEN}<h1>页面不存在</h1>${FRAME_AFTER}`);
    if (pathname === '/_next/static/chunks/site.css') return res.writeHead(200, { 'content-type': 'text/css' }).end('body{margin:0}');
    if (pathname === '/favicon.svg') return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
    if (pathname === '/') return html(200, `${FRAME_BEFORE}<title>案例库</title>${FRAME_BETWEEN}<h1>案例库</h1>${FRAME_AFTER}`);
    const id = /^\/cases\/(\d+)$/u.exec(pathname)?.[1];
    if (id !== undefined && Number(id) >= 1 && Number(id) <= CASES && !app.gone.has(Number(id))) return html(200, appCasePage(Number(id)));
    return html(404, 'nope');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  Object.assign(app, fresh());
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-case-pages-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const read = (rel: string) => fs.readFile(path.join(root, 'current', rel), 'utf8');
const caseHits = () => [...app.hits].filter(([url]) => url.startsWith('/cases/'));
const caseHitCount = () => caseHits().reduce((n, [, count]) => n + count, 0);

/** Every case page of the release is the app's own page without its runtime, byte for byte. */
async function expectEveryCasePageFromTheApp(): Promise<void> {
  for (const id of caseIds()) {
    const file = await read(`cases/${id}/index.html`);
    if (file !== expectedCasePage(id)) expect(file, `/cases/${id}`).toBe(expectedCasePage(id));
  }
  expect(await read('cases/1/index.html')).not.toContain('__next_f');
}

/** The renderer was set aside: every case page was asked of the app, whatever had been composed before. */
function expectEveryCasePageFetched(): void {
  const missed = caseUrls().filter((url) => !app.hits.has(url));
  expect(missed).toEqual([]);
}

describe('case pages drawn by a renderer', () => {
  it('writes every case page exactly as the app does, asking the app only for the samples', { timeout: 30_000 }, async () => {
    const renderer = fakeRenderer(faithful);
    const result = await generateSnapshot({ sourceUrl, root, full: true, renderer });
    expect(result).toMatchObject({ urls: CASES + 1, fetched: CASES + 1, rendered: CASES, renderFallback: null });
    await expectEveryCasePageFromTheApp();
    // A hundred ids to a request, two requests in flight, each id asked for once.
    expect(app.dataRequests.map((ids) => ids.length).sort((a, b) => a - b)).toEqual([60, 100, 100]);
    expect(app.dataRequests.flat().sort((a, b) => a - b)).toEqual(caseIds());
    expect(app.maxInFlight).toBe(2);
    expect(renderer.calls.flat().sort((a, b) => a - b)).toEqual(caseIds());
    // The first case page for the frame, then one other page per kind (SHAPES; the frame's own page
    // proves nothing as a sample) and the 250th page seen: 13 requests for 260 pages, each a different page.
    expect(caseHitCount()).toBe(SHAPES + 2);
    expect(caseHits()).toHaveLength(SHAPES + 2);
    // The first page with 更正说明 is its kind's first, in the last batch.
    expect(app.hits.get('/cases/202')).toBe(1);
    expect(await read('index.html')).toBe(`${DOC_START}<title>案例库</title>${FRAME_BETWEEN}<h1>案例库</h1>${STRIPPED_AFTER}`);
    expect(await read('_next/static/chunks/site.css')).toBe('body{margin:0}');
  });

  it('sets a renderer aside that is wrong for a kind of page first met in a later batch, and fetches every case page again', { timeout: 30_000 }, async () => {
    // Wrong only where a page has 更正说明 (ids past 200): the first two batches compose correctly.
    const renderer = fakeRenderer((d, siteUrl) => ({ head: head(d, siteUrl), article: article(d, { correctionDates: false }) }));
    const result = await generateSnapshot({ sourceUrl, root, full: true, renderer });
    expect(result.renderFallback).toMatch(/^快照渲染的 \/cases\/202 与应用的页面不同，第 \d+ 个字符起：应用为「2025-04-02：更正说明/u);
    expect(result.rendered).toBe(0);
    // Each page counted once, though the first two batches' were composed and then fetched.
    expect(result.fetched).toBe(CASES + 1);
    // The renderer did compose the first two batches before it was found out.
    expect(renderer.calls.map((ids) => ids[0]).sort((a, b) => a! - b!)).toEqual([1, 101, 201]);
    expectEveryCasePageFetched();
    await expectEveryCasePageFromTheApp();
    expect(await read('cases/202/index.html')).toContain('2025-04-02：更正说明');
  });

  it.each([
    ['on its first batch', 1],
    ['after two batches were composed', 3],
  ])('sets a renderer aside that crashes %s, and the run still writes the whole snapshot', { timeout: 30_000 }, async (_, call) => {
    const renderer = fakeRenderer(faithful, call);
    const result = await generateSnapshot({ sourceUrl, root, full: true, renderer });
    expect(result).toMatchObject({ rendered: 0, renderFallback: '案例页渲染进程退出了（SIGKILL）' });
    expect(renderer.calls.length).toBeGreaterThanOrEqual(call);
    expectEveryCasePageFetched();
    await expectEveryCasePageFromTheApp();
    expect(await readStatus(root)).toMatchObject({ ok: true, release: result.release });
  });

  it('fetches from the app a page whose data is missing but whose page is still there', { timeout: 30_000 }, async () => {
    app.dataMissing.add(57);
    const result = await generateSnapshot({ sourceUrl, root, full: true, renderer: fakeRenderer(faithful) });
    expect(result).toMatchObject({ rendered: CASES - 1, renderFallback: null });
    // Case 57 is not a sample (its kind is first met at case 7): the app answered it once, for the file.
    expect(app.hits.get('/cases/57')).toBe(1);
    await expectEveryCasePageFromTheApp();
  });

  it('stops the run when a page whose data is missing answers 404, and the previous release keeps serving', { timeout: 30_000 }, async () => {
    const good = await generateSnapshot({ sourceUrl, root, full: true, renderer: fakeRenderer(faithful) });
    // Unpublished after the manifest was read: the manifest still lists it, nothing else has it.
    app.dataMissing.add(57);
    app.gone.add(57);
    const failure = await generateSnapshot({ sourceUrl, root, full: true, renderer: fakeRenderer(faithful) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SnapshotError);
    expect((failure as Error).message).toBe('页面 /cases/57 返回 HTTP 404，本次生成已取消。');
    expect(path.basename((await currentRelease(root))!)).toBe(good.release);
    expect(await fs.readdir(path.join(root, 'releases'))).toEqual([good.release]);
    expect(await read('cases/57/index.html')).toBe(expectedCasePage(57));
    expect(await readStatus(root)).toMatchObject({ ok: false, error: '页面 /cases/57 返回 HTTP 404，本次生成已取消。', lastSuccess: { release: good.release } });
  });

  it.each([
    ['answers 500 for every batch', () => ({ status: 500, body: '{"error":"boom"}' }), /HTTP 500/u, 0],
    ['answers malformed JSON for the last batch', (ids: number[]) => (ids.includes(201) ? { status: 200, body: '{"pages":[' } : null), /HTTP 200/u, 2],
    ['answers JSON of another shape for the last batch', (ids: number[]) => (ids.includes(201) ? { status: 200, body: '{"cases":[],"missing":[]}' } : null), /HTTP 200/u, 2],
  ])('fetches every case page from the app when the data route %s', { timeout: 30_000 }, async (_, failure, status, renderCalls) => {
    app.dataFailure = failure;
    const renderer = fakeRenderer(faithful);
    const result = await generateSnapshot({ sourceUrl, root, full: true, renderer });
    expect(result.rendered).toBe(0);
    expect(result.renderFallback).toContain('/api/public/case-pages 没有给出案例页的数据');
    expect(result.renderFallback).toMatch(status);
    expect(renderer.calls).toHaveLength(renderCalls);
    expectEveryCasePageFetched();
    await expectEveryCasePageFromTheApp();
  });
});
