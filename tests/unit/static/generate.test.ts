import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SnapshotError } from '@/lib/static/crawl';
import { generateSnapshot } from '@/lib/static/generate';
import { currentRelease, lockRoot, SnapshotBusyError } from '@/lib/static/release';
import { readStatus } from '@/lib/static/status';

// The generator against a small stand-in for the app: what a run writes, what an incremental run
// fetches, and that a failed run changes nothing readers see.

// The search index is its own module's business (tests/unit/static/search*); here it only has to
// be built when the case documents change, and shared when they do not.
const search = vi.hoisted(() => ({ built: 0, shared: 0 }));
vi.mock('@/lib/static/search-step', () => ({
  SEARCH_PAGE: '/search',
  searchScriptTag: () => '<script type="module" src="/_static/search.mjs"></script>',
  writeSearchFiles: async (dir: string) => {
    search.built++;
    await fs.mkdir(path.join(dir, '_search'), { recursive: true });
    await fs.writeFile(path.join(dir, '_search', 'meta.json'), '{}');
  },
  shareSearchFiles: async (from: string, dir: string) => {
    search.shared++;
    await fs.mkdir(path.join(dir, '_search'), { recursive: true });
    await fs.link(path.join(from, '_search', 'meta.json'), path.join(dir, '_search', 'meta.json'));
  },
}));

const SITE = 'https://cases.example.gov.cn';
const page = (title: string, extra = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>` +
  `<link rel="preload" as="script" href="/_next/static/chunks/main.js"/><script src="/_next/static/chunks/main.js" async=""></script>` +
  `<title>${title}</title><link rel="canonical" href="${SITE}/x"/><link rel="icon" href="/favicon.svg"/></head>` +
  `<body><main><h1>${title}</h1><a href="/issues/1">第一期</a>${extra}</main>` +
  `<script>self.__next_f.push([1,"${title}"])</script></body></html>`;

interface App {
  pages: Record<string, string>;
  bodies: Record<string, string>;
  failing: Set<string>;
  hits: Map<string, number>;
  redirects: { from: string; to: string }[];
}
const app: App = { pages: {}, bodies: {}, failing: new Set(), hits: new Map(), redirects: [] };
let server: http.Server;
let sourceUrl: string;
let root: string;

function reset(): void {
  app.pages = { '/': 'h1', '/issues/1': 'i1', '/cases/1': 'c1', '/cases/2': 'c2', '/search': 's1', '/api/public/cases/1': 'a1', '/api/public/issues/1': 'ai1', '/feed.xml': 'f1' };
  app.bodies = {
    '/': page('首页'),
    '/issues/1': page('第一期'),
    '/cases/1': page('案例一', '<a href="/cases/2">下一篇</a>'),
    '/cases/2': page('案例二'),
    '/search': page('检索', '<form action="/search"></form>'),
  };
  app.failing = new Set();
  app.hits = new Map();
  app.redirects = [{ from: '/issues/9', to: '/issues/1' }, { from: '/api/public/issues/9', to: '/api/public/issues/1' }];
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x').pathname;
    app.hits.set(url, (app.hits.get(url) ?? 0) + 1);
    if (app.failing.has(url)) return res.writeHead(500).end('boom');
    if (url === '/api/public/manifest') {
      const body = { version: 1, buildId: 'build-1', siteUrl: SITE, publication: JSON.stringify(app.pages), notFound: '/static-snapshot-not-found', pages: app.pages, redirects: app.redirects };
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    if (url === '/static-snapshot-not-found') return res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page('页面不存在'));
    if (url === '/_next/static/chunks/site.css') return res.writeHead(200, { 'content-type': 'text/css' }).end('@font-face{src:url(../media/font.woff2)}');
    if (url === '/_next/static/media/font.woff2') return res.writeHead(200, { 'content-type': 'font/woff2' }).end(Buffer.from([0, 1, 2, 3]));
    if (url === '/favicon.svg') return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
    if (url === '/feed.xml') return res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(`<feed><link href="${SITE}/cases/1"/></feed>`);
    if (url.startsWith('/api/public/')) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: `${SITE}${url.replace('/api/public', '')}` }));
    const body = app.bodies[url];
    if (body === undefined || !(url in app.pages)) return res.writeHead(404, { 'content-type': 'text/html' }).end('nope');
    return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  reset();
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-generate-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const read = (rel: string) => fs.readFile(path.join(root, 'current', rel), 'utf8');
const pageHits = () => [...app.hits.keys()].filter((u) => u in app.pages).sort();

describe('generateSnapshot', () => {
  it('writes every page as a file without the client runtime, with the assets it loads, and makes it current', async () => {
    const result = await generateSnapshot({ sourceUrl, root });
    expect(result).toMatchObject({ urls: 8, fetched: 8, reused: 0, removed: 0, deferred: 0 });
    const home = await read('index.html');
    expect(home).toContain('<h1>首页</h1>');
    expect(home).not.toContain('<script');
    expect(home).not.toContain('__next_f');
    expect(home).toContain('/_next/static/chunks/site.css');
    expect(await read('cases/1/index.html')).toContain('<a href="/cases/2">下一篇</a>');
    expect(await read('search/index.html')).toContain('<script type="module" src="/_static/search.mjs"></script></body>');
    expect(await read('_next/static/chunks/site.css')).toContain('font.woff2');
    expect(await fs.readFile(path.join(root, 'current', '_next/static/media/font.woff2'))).toEqual(Buffer.from([0, 1, 2, 3]));
    expect(await read('favicon.svg')).toBe('<svg/>');
    expect(await read('404.html')).toContain('页面不存在');
    expect(JSON.parse(await read('api/public/cases/1.json'))).toEqual({ url: `${SITE}/cases/1` });
    expect(await read('_search/meta.json')).toBe('{}');
    expect(await readStatus(root)).toMatchObject({ ok: true, release: result.release, urls: 8 });
  });

  it('forwards renumbered issues with a page, a copy of the data and an nginx 301', async () => {
    await generateSnapshot({ sourceUrl, root });
    expect(await read('issues/9/index.html')).toContain('url=/issues/1');
    expect(await read('api/public/issues/9.json')).toBe(await read('api/public/issues/1.json'));
    expect(await read('_redirects.nginx.conf')).toContain('location = /issues/9 { return 301 /issues/1; }');
  });

  it('fetches only the pages whose fingerprint changed and shares the rest with the previous release', async () => {
    const first = await generateSnapshot({ sourceUrl, root });
    const before = await fs.stat(path.join(root, 'current', 'cases/2/index.html'));
    app.hits.clear();
    app.pages = { ...app.pages, '/cases/1': 'c1-new', '/': 'h2' };
    delete app.pages['/cases/2'];
    app.bodies['/cases/1'] = page('案例一（更正）');
    const second = await generateSnapshot({ sourceUrl, root });
    expect(second).toMatchObject({ urls: 7, fetched: 2, reused: 5, removed: 1 });
    expect(pageHits()).toEqual(['/', '/cases/1']);
    expect(second.release).not.toBe(first.release);
    expect(await read('cases/1/index.html')).toContain('案例一（更正）');
    await expect(read('cases/2/index.html')).rejects.toThrow();
    const shared = await fs.stat(path.join(root, 'current', 'issues/1/index.html'));
    const previous = await fs.stat(path.join(root, 'releases', first.release, 'issues/1/index.html'));
    expect(shared.ino).toBe(previous.ino);
    expect(before.ino).not.toBe(shared.ino);
  });

  it('publishes a change first and the pages whose 相关案例 alone changed in a second release right after', async () => {
    app.pages = { ...app.pages, '/cases/1': 'own1~rel1', '/cases/2': 'own2~rel1' };
    await generateSnapshot({ sourceUrl, root });
    app.hits.clear();
    app.pages = { ...app.pages, '/': 'h2', '/cases/1': 'own1~rel2', '/cases/2': 'own2~rel2', '/cases/3': 'own3~rel1' };
    app.bodies['/cases/1'] = page('案例一', '<a href="/cases/3">相关：案例三</a>');
    app.bodies['/cases/3'] = page('案例三');
    const seen: string[] = [];
    const result = await generateSnapshot({ sourceUrl, root });
    expect(result).toMatchObject({ urls: 9, deferred: 2, fetched: 4 });
    expect(result.reflectedMs).toBeLessThanOrEqual(result.ms);
    // The first release had the new page and the old related lists; the second, the new lists.
    const releases = (await fs.readdir(path.join(root, 'releases'))).sort();
    expect(releases).toHaveLength(3);
    for (const name of releases.slice(1)) seen.push(await fs.readFile(path.join(root, 'releases', name, 'cases/1/index.html'), 'utf8'));
    expect(await fs.readFile(path.join(root, 'releases', releases[1]!, 'cases/3/index.html'), 'utf8')).toContain('案例三');
    expect(seen.map((html) => html.includes('相关：案例三'))).toEqual([false, true]);
    expect(path.basename((await currentRelease(root))!)).toBe(releases[2]);
    expect(app.hits.get('/cases/1')).toBe(1);
    app.hits.clear();
    expect(await generateSnapshot({ sourceUrl, root })).toMatchObject({ fetched: 0, deferred: 0 });
  });

  it('builds the search index again only when a case document changed', async () => {
    await generateSnapshot({ sourceUrl, root });
    search.built = 0;
    search.shared = 0;
    app.pages = { ...app.pages, '/': 'h2' };
    await generateSnapshot({ sourceUrl, root });
    expect(search).toEqual({ built: 0, shared: 1 });
    expect(await read('_search/meta.json')).toBe('{}');
    app.pages = { ...app.pages, '/api/public/cases/1': 'a2' };
    await generateSnapshot({ sourceUrl, root });
    expect(search).toEqual({ built: 1, shared: 1 });
  });

  it('fetches everything again when asked for a full run', async () => {
    await generateSnapshot({ sourceUrl, root });
    app.hits.clear();
    expect(await generateSnapshot({ sourceUrl, root, full: true })).toMatchObject({ fetched: 8, reused: 0 });
  });

  it('keeps the previous snapshot serving when a page fails, deletes the half-made release and says why', async () => {
    const good = await generateSnapshot({ sourceUrl, root });
    app.pages = { ...app.pages, '/cases/1': 'c1-new' };
    app.failing.add('/cases/1');
    const failure = await generateSnapshot({ sourceUrl, root }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SnapshotError);
    expect((failure as Error).message).toBe('页面 /cases/1 返回 HTTP 500，本次生成已取消。');
    expect(path.basename((await currentRelease(root))!)).toBe(good.release);
    expect(await fs.readdir(path.join(root, 'releases'))).toEqual([good.release]);
    expect(await read('cases/1/index.html')).toContain('案例一');
    expect(await readStatus(root)).toMatchObject({ ok: false, error: '页面 /cases/1 返回 HTTP 500，本次生成已取消。', lastSuccess: { release: good.release, urls: 8 } });
  });

  it('says in Chinese when the app is not there, and writes nothing', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await generateSnapshot({ sourceUrl: `http://127.0.0.1:${port}`, root }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe(`无法从 http://127.0.0.1:${port} 读取 /api/public/manifest：连接被拒绝（应用没有在这个地址运行？）`);
    expect(await currentRelease(root)).toBeNull();
    expect(await fs.readdir(path.join(root, 'releases'))).toEqual([]);
    expect(await readStatus(root)).toMatchObject({ ok: false });
  });

  it('writes absolute links with the base URL it is given', async () => {
    await generateSnapshot({ sourceUrl, root, baseUrl: 'https://www.example.gov.cn/' });
    expect(await read('index.html')).toContain('<link rel="canonical" href="https://www.example.gov.cn/x"/>');
    expect(await read('feed.xml')).toBe('<feed><link href="https://www.example.gov.cn/cases/1"/></feed>');
    expect(await read('issues/9/index.html')).toContain('href="https://www.example.gov.cn/issues/1"');
  });

  it('refuses to run while another run holds the root, without touching its status', async () => {
    await generateSnapshot({ sourceUrl, root });
    const before = await readStatus(root);
    const unlock = await lockRoot(root);
    try {
      expect(await generateSnapshot({ sourceUrl, root }).catch((e: unknown) => e)).toBeInstanceOf(SnapshotBusyError);
      expect(await readStatus(root)).toEqual(before);
    } finally {
      await unlock();
    }
  });
});
