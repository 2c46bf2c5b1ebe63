import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateSnapshot } from '@/lib/static/generate';
import { isExecutableScript, scanTags, stripRuntime } from '@/lib/static/html';
import { fileForUrl, RELEASE_MANIFEST_FILE } from '@/lib/static/paths';
import type { ReleaseManifest } from '@/lib/static/release-manifest';
import { startCaseRenderer } from '@/lib/static/render/renderer';
import { STATIC_SEARCH_SCRIPT_TAG } from '@/lib/static/search';
import { E2E_PORT } from '../../../playwright.config';
import { brokenLinks, releaseFiles, serveRelease } from './release-files';

// The static snapshot of the demo, made from the e2e server as the command makes it (the case pages
// drawn by the case page renderer, the rest fetched), then read as a static host serves it: every
// link resolves inside it, reading pages carry no framework runtime, every page reads exactly as the
// app's page at the same address, and every case page is the app's own page byte for byte.

const APP = `http://127.0.0.1:${E2E_PORT}`;
test.describe.configure({ mode: 'serial' });

let root: string;
let release: string;
let manifest: ReleaseManifest;
let snapshot: { origin: string; close: () => Promise<void> };
let rendered: number;
let renderFallback: string | null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-snapshot-'));
  const renderer = await startCaseRenderer();
  const result = await generateSnapshot({ sourceUrl: APP, root, full: true, renderer }).finally(() => renderer.close());
  ({ rendered, renderFallback } = result);
  release = path.join(root, 'current');
  manifest = JSON.parse(fs.readFileSync(path.join(release, RELEASE_MANIFEST_FILE), 'utf8')) as ReleaseManifest;
  snapshot = await serveRelease(release);
  console.log(`snapshot of the demo: ${result.urls} URLs in ${result.ms} ms`);
});

test.afterAll(async () => {
  await snapshot?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Files served byte for byte rather than read as pages: the JSON API, feeds, robots, the PDF editions. */
const isDataUrl = (u: string) => u.startsWith('/api/') || /\.(xml|txt|pdf)$/u.test(u);
const pageUrls = () => Object.keys(manifest.pages).filter((u) => !isDataUrl(u));
const read = (rel: string) => fs.readFileSync(path.join(release, rel), 'utf8');

test('covers every public URL of the demo', async ({ request }) => {
  const urls = Object.keys(manifest.pages);
  // Earlier specs may have published more cases: the app's own sitemap says how many there are now.
  const sitemap = await (await request.get(`${APP}/sitemap.xml`)).text();
  const published = new Set(Array.from(sitemap.matchAll(/\/cases\/(\d+)</gu), (m) => m[1])).size;
  expect(published).toBeGreaterThanOrEqual(25);
  for (const url of ['/', '/issues', '/issues/1', '/issues/2', '/issues/3', '/regions', '/regions/440000', '/themes', '/about', '/search', '/feed.xml', '/sitemap.xml', '/robots.txt', '/api/public/issues', '/api/public/issues/1']) {
    expect(urls, url).toContain(url);
  }
  expect(urls.filter((u) => /^\/cases\/\d+$/u.test(u))).toHaveLength(published);
  expect(urls.filter((u) => /^\/api\/public\/cases\/\d+$/u.test(u))).toHaveLength(published);
  expect(fs.existsSync(path.join(release, '404.html'))).toBe(true);
});

test('every internal link and asset resolves to a file of the snapshot', () => {
  const { checked, broken } = brokenLinks(release, manifest.baseUrl);
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(1500);
});

test('reading pages carry no framework runtime or flight data; only the search page has a script, the search script', () => {
  // Redirects (an issue's serial address, an old number) are small refresh pages of their own.
  const redirects = new Set(manifest.redirects.map((r) => fileForUrl(r.from)));
  const pages = releaseFiles(release).filter((f) => f.endsWith('.html') && !redirects.has(f));
  expect(pages).toHaveLength(pageUrls().length + 1);
  for (const rel of pages) {
    const html = read(rel);
    expect(html, rel).not.toContain('self.__next_f');
    expect(html, rel).not.toMatch(/\/_next\/static\/[^"']*\.js/u);
    const scripts = [...scanTags(html)].filter(isExecutableScript).map((t) => html.slice(t.start, t.end));
    expect(scripts, rel).toEqual(rel === 'search/index.html' ? [STATIC_SEARCH_SCRIPT_TAG] : []);
  }
  const sizes = ['cases/1/index.html', 'issues/1/index.html', 'index.html'].map((rel) => `${rel} ${fs.statSync(path.join(release, rel)).size} B`);
  console.log(`page sizes in the snapshot: ${sizes.join(', ')}`);
});

test('every case page the renderer drew is byte for byte the page the app serves', async () => {
  const cases = pageUrls().filter((u) => /^\/cases\/\d+$/u.test(u));
  expect(renderFallback).toBeNull();
  expect(rendered).toBe(cases.length);
  for (const url of cases) {
    const own = stripRuntime(await (await fetch(`${APP}${url}`)).text());
    expect(read(fileForUrl(url)), url).toBe(own);
  }
});

test('feeds, sitemap, robots, the JSON API and the PDF editions are the bytes the app serves', async () => {
  const urls = Object.keys(manifest.pages).filter(isDataUrl);
  expect(urls.filter((u) => u.endsWith('.pdf')).length).toBeGreaterThanOrEqual(3);
  for (const url of urls) {
    const app = await fetch(`${APP}${url}`);
    const file = await fetch(`${snapshot.origin}${url}`);
    expect(file.status, url).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(await app.arrayBuffer())), url).toBe(true);
  }
});

async function visibleText(page: Page, url: string): Promise<string> {
  await page.goto(url);
  return page.evaluate(() => document.body.innerText);
}

test('every page reads the same in the snapshot as in the app', async ({ page }) => {
  test.setTimeout(300_000);
  const urls = [...pageUrls(), '/no-such-page'];
  for (const url of urls) {
    const app = await visibleText(page, `${APP}${url}`);
    const copy = await visibleText(page, `${snapshot.origin}${url}`);
    expect(copy, url).toBe(app);
    expect(app.length, url).toBeGreaterThan(20);
  }
});

test('the snapshot answers a missing page with the 404 page', async () => {
  const res = await fetch(`${snapshot.origin}/cases/999999`);
  expect(res.status).toBe(404);
  expect(await res.text()).toContain('页面不存在');
});

test('searching the snapshot finds what the app finds, with the same count, order and highlights', async ({ page }) => {
  const results = async () => ({
    status: await page.getByRole('status').innerText(),
    text: await page.locator('ol.results').innerText(),
    marks: await page.locator('ol.results mark').allInnerTexts(),
  });
  for (const q of ['教育', '住房公积金', '户籍']) {
    const query = `/search?q=${encodeURIComponent(q)}`;
    await page.goto(`${APP}${query}`);
    const app = await results();
    expect(app.status, q).toContain('共找到');
    await page.goto(`${snapshot.origin}${query}`);
    await expect(page.getByRole('status')).toHaveText(app.status);
    expect(await results(), q).toEqual(app);
  }
});
