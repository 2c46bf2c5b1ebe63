import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotError } from '@/lib/static/crawl';
import { CASE_BATCH_LIMIT, CASE_BATCH_PATH } from '@/lib/static/site-manifest';
import { ReleaseWriter } from '@/lib/static/writer';

// The static snapshot writes its case files (/api/public/cases/<id>) from the API's batch, a
// hundred to a request. A file must hold exactly what the case's own address would have given it;
// an app that cannot answer the batch must still get a whole snapshot, one address at a time; and
// a case the batch no longer has must be reported as any page is (a 404 stops the run).

const SITE = 'https://cases.example.gov.cn';
const BASE = 'https://mirror.example.org/casebook';

type BatchMode = 'ok' | 'error' | 'malformed' | 'wrong-shape' | 'not-found' | 'omit';

interface App {
  /** Each published case's document, as its own address answers it. */
  docs: Map<number, object>;
  batch: BatchMode;
  /** Ids the batch leaves out although they are published (a publish racing the run). */
  omitted: Set<number>;
  /** Ids the batch reports missing that its own address answers all the same (published meanwhile). */
  lateIds: Set<number>;
  batchRequests: number[][];
  singleRequests: number[];
}

const app: App = { docs: new Map(), batch: 'ok', omitted: new Set(), lateIds: new Set(), batchRequests: [], singleRequests: [] };

/** A case document with what the real ones carry: Chinese text, nested lists, numbers, null, absolute links. */
function documentOf(id: number): object {
  return {
    id,
    issue: { number: 3, year: 2026, yearNumber: 1, label: '2026年第1期（总第3期）', title: '“放管服”改革' },
    title: `案例${id}：浙江省义乌市住房公积金制度改革 <b>&</b> "引号"\u2028`,
    regions: ['330782'],
    profile: id % 2 === 0 ? null : { year: 2021, landAreaKm2: 1105.5, population: { scope: '市域', value: 186 }, urbanizationRatePct: 79.7 },
    sections: [{ label: '（一）', kind: 'practice', heading: '主要做法', body: '一是……\n二是……' }],
    corrections: id % 3 === 0 ? [{ note: '更正说明：补充了导语。', date: '2026-11-25' }] : [],
    pdf: id % 2 === 0 ? { url: `${SITE}/cases/${id}/edition.pdf`, size: 12345, pages: 3 } : null,
    url: `${SITE}/cases/${id}`,
  };
}

function json(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

let server: http.Server;
let sourceUrl: string;
let root: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === CASE_BATCH_PATH) {
      const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
      app.batchRequests.push(ids);
      if (app.batch === 'error') return json(res, 500, '{"error":"internal"}');
      if (app.batch === 'not-found') return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>页面不存在</h1>');
      if (app.batch === 'malformed') return json(res, 200, '{"cases":[{"id":1,');
      if (app.batch === 'wrong-shape') return json(res, 200, JSON.stringify({ documents: ids.map((id) => app.docs.get(id)) }));
      const found = ids.filter((id) => app.docs.has(id) && !app.lateIds.has(id));
      const cases = found.filter((id) => !(app.batch === 'omit' && app.omitted.has(id))).map((id) => app.docs.get(id));
      return json(res, 200, JSON.stringify({ cases, missing: ids.filter((id) => !found.includes(id)) }));
    }
    const single = /^\/api\/public\/cases\/(\d+)$/u.exec(url.pathname);
    if (single) {
      const id = Number(single[1]);
      app.singleRequests.push(id);
      const doc = app.docs.get(id);
      return doc ? json(res, 200, JSON.stringify(doc)) : json(res, 404, '{"error":"not_found","message":"未找到或尚未发布"}');
    }
    return res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  app.docs = new Map();
  app.batch = 'ok';
  app.omitted = new Set();
  app.lateIds = new Set();
  app.batchRequests = [];
  app.singleRequests = [];
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-case-docs-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function publish(ids: readonly number[]): string[] {
  for (const id of ids) app.docs.set(id, documentOf(id));
  return ids.map((id) => `/api/public/cases/${id}`);
}

const writer = (dir: string) => new ReleaseWriter(sourceUrl, path.join(root, dir), SITE, BASE);

/** Every file a writer wrote, by path, as bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const base = path.join(root, dir);
  for (const entry of await fs.readdir(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(base, file), await fs.readFile(file));
  }
  return out;
}

/** What fetching each address on its own writes: the bytes the batch must reproduce. */
async function writtenOneByOne(urls: readonly string[]): Promise<Map<string, Buffer>> {
  const alone = writer('alone');
  for (const url of urls) await alone.fetchPage(url);
  return filesOf('alone');
}

describe('ReleaseWriter.fetchCaseDocuments', () => {
  it('writes each case file from the batch with exactly the bytes its own address gives, links moved to the base URL', async () => {
    const urls = publish([7, 12, 3, 40]);
    const run = writer('batch');
    await run.fetchCaseDocuments(urls, 4);
    expect(app.batchRequests).toEqual([[7, 12, 3, 40]]);
    expect(app.singleRequests).toEqual([]);
    expect(run.fetched).toBe(4);

    const batched = await filesOf('batch');
    const expected = await writtenOneByOne(urls);
    expect([...batched.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(batched.size).toBe(4);
    for (const [file, bytes] of expected) expect(batched.get(file)?.equals(bytes), file).toBe(true);
    const twelve = batched.get('api/public/cases/12.json')!.toString('utf8');
    expect(twelve).toContain(`${BASE}/cases/12/edition.pdf`);
    expect(twelve).not.toContain(SITE);
  });

  it(`asks for at most ${CASE_BATCH_LIMIT} cases a request, and writes all of them`, async () => {
    const ids = Array.from({ length: 2 * CASE_BATCH_LIMIT + 17 }, (_, i) => i + 1);
    const urls = publish(ids);
    const run = writer('batch');
    await run.fetchCaseDocuments(urls, 8);
    expect(app.batchRequests.map((b) => b.length).sort((a, b) => b - a)).toEqual([CASE_BATCH_LIMIT, CASE_BATCH_LIMIT, 17]);
    expect(app.batchRequests.flat().sort((a, b) => a - b)).toEqual(ids);
    expect(app.singleRequests).toEqual([]);
    expect(run.fetched).toBe(ids.length);
    expect((await filesOf('batch')).size).toBe(ids.length);
  });

  it.each<[string, BatchMode]>([
    ['answers the batch with an error', 'error'],
    ['does not know the batch address (an older app)', 'not-found'],
    ['answers the batch with broken JSON', 'malformed'],
    ['answers the batch with JSON of another shape', 'wrong-shape'],
  ])('fetches each case on its own when the app %s, writing the same bytes', async (_, mode) => {
    app.batch = mode;
    const urls = publish([5, 6, 9]);
    const run = writer('batch');
    await run.fetchCaseDocuments(urls, 2);
    expect(app.batchRequests).toHaveLength(1);
    expect([...app.singleRequests].sort((a, b) => a - b)).toEqual([5, 6, 9]);
    expect(run.fetched).toBe(3);
    const batched = await filesOf('batch');
    const expected = await writtenOneByOne(urls);
    expect(batched.size).toBe(3);
    for (const [file, bytes] of expected) expect(batched.get(file)?.equals(bytes), file).toBe(true);
  });

  it('fetches on its own a case the batch reports missing: a 404 there stops the run as any page does', async () => {
    const urls = [...publish([1, 2]), '/api/public/cases/3'];
    const run = writer('batch');
    const failure = await run.fetchCaseDocuments(urls, 2).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SnapshotError);
    expect((failure as Error).message).toContain('/api/public/cases/3');
    expect((failure as Error).message).toContain('404');
    expect(app.singleRequests).toEqual([3]);
  });

  it('writes a case the batch reports missing when its own address has it after all', async () => {
    const urls = publish([1, 2, 3]);
    app.lateIds = new Set([2]);
    const run = writer('batch');
    await run.fetchCaseDocuments(urls, 2);
    expect(app.singleRequests).toEqual([2]);
    expect(run.fetched).toBe(3);
    const batched = await filesOf('batch');
    const expected = await writtenOneByOne(urls);
    for (const [file, bytes] of expected) expect(batched.get(file)?.equals(bytes), file).toBe(true);
  });

  it('fetches on its own a case the batch leaves out without naming it missing', async () => {
    const urls = publish([1, 2, 3]);
    app.batch = 'omit';
    app.omitted = new Set([3]);
    const run = writer('batch');
    await run.fetchCaseDocuments(urls, 2);
    expect(app.singleRequests).toEqual([3]);
    expect(run.fetched).toBe(3);
    expect((await filesOf('batch')).size).toBe(3);
  });

  it('asks for nothing when there are no case files to write', async () => {
    const run = writer('batch');
    await run.fetchCaseDocuments([], 4);
    expect(app.batchRequests).toEqual([]);
    expect(run.fetched).toBe(0);
  });
});
