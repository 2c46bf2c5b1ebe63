import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseSearchParams } from '@/lib/search/query.mjs';
import { buildStaticSearchFiles, STATIC_SEARCH_SCRIPT_TAG, staticSearchAssets, type StaticFile } from '@/lib/static/search';
import { toDom } from '@/lib/static/search/dom.mjs';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';
import { resultView } from '@/lib/static/search/view.mjs';
import { caseFiles, FakeDocument, type FakeNode, fakeMarkup, memorySite, searchPageDocument, toMarkup } from './search-support';

// The snapshot's search page script: the files it is served as form a complete module graph, it
// shows case text only as text, and run on the search page it fills the form and shows the results.

const HOSTILE = '<img src=x onerror=alert(1)>';
const cases = Array.from({ length: 25 }, (_, i) => ({
  id: 100 + i,
  issue: { number: 2 - (i % 2), label: i % 2 ? '第一期' : '第二期' },
  position: i + 1,
  label: `典型做法之${i + 1}`,
  place: '北京市',
  title: i === 0 ? `${HOSTILE}住房改革` : `第${i}个住房案例`,
  lead: '',
  sections: [{ heading: '主要做法', body: i === 0 ? `<script>alert(1)</script>推进住房保障。` : '推进住房保障。' }],
  tags: [],
  provinces: ['110000'],
}));
const files: StaticFile[] = [...buildStaticSearchFiles(cases), ...caseFiles(cases)];
const ALLOWED_TAGS = ['p', 'ol', 'li', 'h2', 'a', 'span', 'mark', 'nav'];

describe('static search page: case text is text', () => {
  it('renders a title and a snippet full of markup as text nodes, never as elements', async () => {
    const engine = createStaticSearch(memorySite(files).fetchFile);
    const result = await engine.search(parseSearchParams({ q: '住房改革' }));
    const document = new FakeDocument();
    const nodes = toDom(document, resultView(result)) as FakeNode[];
    const all = nodes.flatMap((n) => [n, ...n.descendants()]);
    expect(new Set(all.filter((n) => n.tag !== null).map((n) => n.tag))).toEqual(new Set(['p', 'ol', 'li', 'h2', 'a', 'span', 'mark']));
    expect(all.some((n) => n.tag === null && n.text === HOSTILE)).toBe(true);
    expect(all.some((n) => n.tag === null && n.text.includes('<script>alert(1)</script>'))).toBe(true);
    expect(toMarkup(resultView(result))).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('puts a hostile query into the pager links only as an attribute value', async () => {
    const engine = createStaticSearch(memorySite(files).fetchFile);
    const q = `住房"'></><!--`;
    const result = await engine.search(parseSearchParams({ q }));
    expect(result.total).toBe(25);
    const nodes = toDom(new FakeDocument(), resultView(result)) as FakeNode[];
    const all = nodes.flatMap((n) => [n, ...n.descendants()]);
    expect(all.every((n) => n.tag === null || ALLOWED_TAGS.includes(n.tag))).toBe(true);
    const next = all.find((n) => n.attr('rel') === 'next')!;
    expect(new URL(next.attr('href')!, 'http://x').searchParams.get('q')).toBe(q);
  });

  it('uses no HTML parsing, eval or inline code in any file the page loads', () => {
    for (const file of staticSearchAssets()) {
      expect(String(file.body), file.path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(\s*['"`]/u);
    }
  });
});

describe('static search page: served files', () => {
  const assets = staticSearchAssets();

  it('serves a complete module graph of .js files, starting at the script tag', () => {
    const served = new Set(assets.map((a) => a.path));
    const entry = /src="\/([^"]+)"/u.exec(STATIC_SEARCH_SCRIPT_TAG)![1]!;
    expect(STATIC_SEARCH_SCRIPT_TAG).toBe(`<script type="module" src="/${entry}"></script>`);
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      expect(served.has(file), `${file} is imported but not served`).toBe(true);
      reached.add(file);
      const text = String(assets.find((a) => a.path === file)!.body);
      for (const [, spec] of text.matchAll(/\bfrom\s+'([^']+)'/gu)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.{1,2}\/.*\.js$/u);
        visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec!)));
      }
    };
    visit(entry);
    expect([...reached].sort()).toEqual([...served].sort());
  });

  it('says which file is missing, in Chinese, where the script cannot be read', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-no-assets-'));
    expect(() => staticSearchAssets(empty)).toThrow(/找不到检索脚本文件.*browser\.mjs.*outputFileTracingIncludes/u);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});

describe('static search page: the script on the page', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-static-search-page-'));
  for (const file of staticSearchAssets()) {
    fs.mkdirSync(path.join(dir, path.dirname(file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.body);
  }
  const entry = pathToFileURL(path.join(dir, /src="\/([^"]+)"/u.exec(STATIC_SEARCH_SCRIPT_TAG)![1]!)).href;
  let run = 0;

  afterEach(() => {
    vi.unstubAllGlobals();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Loads the served script on the search page at `url`, with the snapshot's files behind fetch. */
  async function openPage(url: string, served: readonly StaticFile[] = files) {
    const page = searchPageDocument();
    const site = memorySite(served);
    const fetched: string[] = [];
    vi.stubGlobal('document', page.document);
    vi.stubGlobal('window', { location: { href: url } });
    vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
      fetched.push(input);
      expect(input.startsWith('/')).toBe(true);
      return site.fetchFile(input.slice(1), { fresh: init.cache === 'no-cache' });
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await import(/* @vite-ignore */ `${entry}?run=${run++}`);
    await vi.waitFor(() => expect(page.form.nextSibling?.attr('role') === 'status' && fakeMarkup([page.form.nextSibling]).includes('正在检索')).toBe(false));
    await vi.waitFor(() => expect(page.form.parentNode!.children.length).toBeGreaterThan(1));
    const after = page.form.parentNode!.children.slice(page.form.parentNode!.children.indexOf(page.form) + 1);
    return { ...page, fetched, markup: fakeMarkup(after) };
  }

  it('fills the form from the address and shows the same results and pager as the engine gives', async () => {
    const { document, form, markup, fetched } = await openPage('http://static.test/search/?q=%E4%BD%8F%E6%88%BF&issue=2&province=110000&page=1');
    expect(form.elements.namedItem('q')!.value).toBe('住房');
    expect(form.elements.namedItem('issue')!.value).toBe('2');
    expect(form.elements.namedItem('province')!.value).toBe('110000');
    expect(document.title).toBe('检索：住房 · 案例期刊');
    const expected = await createStaticSearch(memorySite(files).fetchFile).search(parseSearchParams({ q: '住房', issue: '2', province: '110000' }));
    expect(expected.total).toBe(13);
    expect(markup).toBe(toMarkup(resultView(expected)));
    expect(markup).toContain('共找到13个案例。');
    expect(fetched.every((u) => u.startsWith('/_search/') || u.startsWith('/api/public/cases/'))).toBe(true);
  });

  it('shows the second page with links back and no link on', async () => {
    const { markup } = await openPage('http://static.test/search?q=%E4%BD%8F%E6%88%BF&page=2');
    expect(markup).toContain('共找到25个案例，第2页，共2页。');
    expect(markup).toContain('rel="prev"');
    expect(markup).not.toContain('rel="next"');
  });

  it('explains a query with nothing searchable in it without loading the index', async () => {
    const { markup, fetched } = await openPage('http://static.test/search/?q=%F0%9F%98%80');
    expect(markup).toContain('检索词中没有可检索的文字');
    expect(fetched).toEqual([]);
  });

  it('says so in Chinese when the index cannot be read, and keeps the form', async () => {
    const { markup, form } = await openPage('http://static.test/search/?q=%E4%BD%8F%E6%88%BF', files.filter((f) => !f.path.startsWith('_search/')));
    expect(markup).toContain('检索暂时无法完成');
    expect(form.elements.namedItem('q')!.value).toBe('住房');
  });
});
