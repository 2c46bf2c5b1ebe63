import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSnapshot } from '@/lib/static/generate';
import { RELEASE_MANIFEST_FILE } from '@/lib/static/paths';
import { currentRelease } from '@/lib/static/release';
import { decodeDocs, docsPath, META_PATH } from '@/lib/static/search/codec.mjs';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';

// A publish that only adds cases reaches readers in a first release that shares the previous search
// index (building it is most of a small publish's time at 10,000 cases); the release right after,
// in the same run, makes the new cases searchable. A case edited or withdrawn is never left
// findable by its old text, not even for the moment between the two releases.

const SITE = 'https://cases.example.gov.cn';

interface CaseDoc {
  id: number;
  issue: { number: number; label: string };
  position: number;
  label: string;
  place: string;
  title: string;
  lead: string;
  sections: { heading: string; body: string }[];
  tags: string[];
  provinces: string[];
}

const kase = (id: number, title: string, body: string): CaseDoc => ({
  id,
  issue: { number: 1, label: '第一期' },
  position: id,
  label: `典型做法之${id}`,
  place: '北京市',
  title,
  lead: '',
  sections: [{ heading: '主要做法', body }],
  tags: [],
  provinces: ['110000'],
});

const page = (title: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`;

interface App {
  cases: Map<number, CaseDoc>;
  /** Fingerprints of the pages that are not case pages or case documents. */
  other: Record<string, string>;
  /** Bumped by a publish that commits while a run is fetching. */
  publication: number;
  /** Called for every request, before it is answered: where a test publishes mid-run. */
  onRequest: (url: string) => void;
  hits: Map<string, number>;
}
const app: App = { cases: new Map(), other: {}, publication: 0, onRequest: () => {}, hits: new Map() };

const fingerprint = (c: CaseDoc) => JSON.stringify(c);
function pages(): Record<string, string> {
  const all: Record<string, string> = { ...app.other };
  for (const c of app.cases.values()) {
    all[`/cases/${c.id}`] = fingerprint(c);
    all[`/api/public/cases/${c.id}`] = fingerprint(c);
  }
  return all;
}

let server: http.Server;
let sourceUrl: string;
let root: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const { pathname: url, searchParams } = new URL(req.url ?? '/', 'http://x');
    app.hits.set(url, (app.hits.get(url) ?? 0) + 1);
    app.onRequest(url);
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url === '/api/public/manifest') {
      const all = pages();
      return json({ version: 1, buildId: 'build-1', siteUrl: SITE, publication: `${JSON.stringify(all)}#${app.publication}`, notFound: '/static-snapshot-not-found', pages: all, redirects: [] });
    }
    if (url === '/static-snapshot-not-found') return res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page('页面不存在'));
    if (url === '/api/public/cases') {
      const ids = (searchParams.get('ids') ?? '').split(',').map(Number);
      return json({ cases: ids.flatMap((id) => (app.cases.has(id) ? [app.cases.get(id)] : [])), missing: ids.filter((id) => !app.cases.has(id)) });
    }
    const doc = /^\/api\/public\/cases\/(\d+)$/u.exec(url);
    if (doc && app.cases.has(Number(doc[1]))) return json(app.cases.get(Number(doc[1])));
    const casePage = /^\/cases\/(\d+)$/u.exec(url);
    if (casePage && app.cases.has(Number(casePage[1]))) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(app.cases.get(Number(casePage[1]))!.title));
    if (url in app.other) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`${url} ${app.other[url]}`));
    return res.writeHead(404, { 'content-type': 'text/html' }).end('nope');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  app.cases = new Map([
    [1, kase(1, '垃圾分类进社区', '居民按时投放厨余垃圾')],
    [2, kase(2, '河长制落到实处', '巡河员每周巡查河道')],
  ]);
  app.other = { '/': 'h1', '/issues/1': 'i1', '/search': 's1' };
  app.publication = 0;
  app.onRequest = () => {};
  app.hits = new Map();
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-search-deferral-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Release folders, oldest first. */
const releases = async () => (await fs.readdir(path.join(root, 'releases'))).sort();
const releaseDir = (name: string) => path.join(root, 'releases', name);
const recorded = async (name: string) => (JSON.parse(await fs.readFile(path.join(releaseDir(name), RELEASE_MANIFEST_FILE), 'utf8')) as { pages: Record<string, string> }).pages;

/** The ids of the cases a release's search index holds (its files are public, words and all). */
async function indexed(name: string): Promise<number[]> {
  const meta = JSON.parse(await fs.readFile(path.join(releaseDir(name), META_PATH), 'utf8')) as { id: string };
  return [...decodeDocs(new Uint8Array(await fs.readFile(path.join(releaseDir(name), docsPath(meta.id))))).caseIds].sort();
}

/** The ids of the cases a release's own search finds for a word, as a reader of that release would see them. */
async function found(name: string, query: string): Promise<number[]> {
  const dir = releaseDir(name);
  const engine = createStaticSearch(async (file) => {
    try {
      return new Response(new Uint8Array(await fs.readFile(path.join(dir, file))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  const result = await engine.search({ query, filters: { issueNumber: null, province: null, page: 1 } });
  return result.hits.map((h) => h.caseId).sort();
}

/** A publish: the home and issue pages change with every one. */
function publish(change: () => void): void {
  change();
  app.other = { ...app.other, '/': `${app.other['/']}+`, '/issues/1': `${app.other['/issues/1']}+` };
}

describe('generateSnapshot: the search index after a publish', () => {
  it('makes added cases searchable in a second release right after the first, which already serves their pages', async () => {
    await generateSnapshot({ sourceUrl, root });
    const [before] = await releases();
    expect(await found(before!, '潮汐车道')).toEqual([]);

    publish(() => app.cases.set(3, kase(3, '潮汐车道缓解拥堵', '早晚高峰调整车道方向')));
    const result = await generateSnapshot({ sourceUrl, root });

    const names = await releases();
    expect(names).toHaveLength(3);
    const [, first, second] = names as [string, string, string];
    expect(result.release).toBe(second);
    expect(path.basename((await currentRelease(root))!)).toBe(second);
    expect(await found(second, '潮汐车道')).toEqual([3]);
    expect(await found(second, '垃圾分类')).toEqual([1]);
    expect(await found(second, '河长制')).toEqual([2]);

    // The first release already serves the new case; only its search is the previous one.
    expect(await fs.readFile(path.join(releaseDir(first), 'cases/3/index.html'), 'utf8')).toContain('潮汐车道缓解拥堵');
    expect(JSON.parse(await fs.readFile(path.join(releaseDir(first), 'api/public/cases/3.json'), 'utf8'))).toMatchObject({ id: 3, title: '潮汐车道缓解拥堵' });
    expect(await found(first, '潮汐车道')).toEqual([]);
    expect(await found(first, '垃圾分类')).toEqual([1]);
    expect(await fs.readFile(path.join(releaseDir(first), '_search/meta.json'), 'utf8')).toBe(await fs.readFile(path.join(releaseDir(before!), '_search/meta.json'), 'utf8'));
    // Recorded as not yet written, so the second pass fetched it again; the second records it as done.
    expect((await recorded(first))['/api/public/cases/3']).toBe('');
    expect((await recorded(second))['/api/public/cases/3']).toBe(pages()['/api/public/cases/3']);

    app.hits.clear();
    expect(await generateSnapshot({ sourceUrl, root })).toMatchObject({ fetched: 0 });
    expect(await releases()).toHaveLength(3);
  });

  it('leaves no moment in which an edited case is found by its old text', async () => {
    await generateSnapshot({ sourceUrl, root });
    publish(() => {
      app.cases.set(2, kase(2, '湖长制落到实处', '巡湖员每周巡查湖面'));
      app.cases.set(3, kase(3, '潮汐车道缓解拥堵', '早晚高峰调整车道方向'));
    });
    await generateSnapshot({ sourceUrl, root });
    const [, first] = (await releases()) as [string, string];
    expect(await found(first, '河长制')).toEqual([]);
    expect(await found(first, '湖长制')).toEqual([2]);
    expect(await found(first, '潮汐车道')).toEqual([3]);
  });

  it('leaves no moment in which a withdrawn case is found', async () => {
    await generateSnapshot({ sourceUrl, root });
    publish(() => {
      app.cases.delete(1);
      app.cases.set(3, kase(3, '潮汐车道缓解拥堵', '早晚高峰调整车道方向'));
    });
    await generateSnapshot({ sourceUrl, root });
    const [, first] = (await releases()) as [string, string];
    expect(await indexed(first)).toEqual([2, 3]);
    expect(await found(first, '垃圾分类')).toEqual([]);
    expect(await found(first, '潮汐车道')).toEqual([3]);
  });

  it('records no fingerprints and makes no second release when a publish commits during the run', async () => {
    await generateSnapshot({ sourceUrl, root });
    publish(() => app.cases.set(3, kase(3, '潮汐车道缓解拥堵', '早晚高峰调整车道方向')));
    app.onRequest = (url) => {
      if (url === '/cases/3') app.publication++;
    };
    const result = await generateSnapshot({ sourceUrl, root });
    const names = await releases();
    expect(names).toHaveLength(2);
    expect(result.release).toBe(names[1]);
    expect(await recorded(names[1]!)).toEqual({});
  });

  it('does not share the index of a run a publish interrupted: a case withdrawn meanwhile is never found again', async () => {
    await generateSnapshot({ sourceUrl, root });
    publish(() => app.cases.set(3, kase(3, '潮汐车道缓解拥堵', '早晚高峰调整车道方向')));
    // The run's manifest still lists case 1; it is withdrawn while the run fetches the new case.
    app.onRequest = (url) => {
      if (url !== '/cases/3') return;
      app.onRequest = () => {};
      publish(() => app.cases.delete(1));
    };
    const interrupted = await generateSnapshot({ sourceUrl, root });
    // The run that withdrawal scheduled: every release it makes, the first one included.
    await generateSnapshot({ sourceUrl, root });
    const after = (await releases()).filter((name) => name > interrupted.release);
    expect(after.length).toBeGreaterThan(0);
    for (const name of after) {
      expect(await indexed(name), name).toEqual([2, 3]);
      expect(await found(name, '垃圾分类'), name).toEqual([]);
      expect(await found(name, '潮汐车道'), name).toEqual([3]);
    }
  });
});
