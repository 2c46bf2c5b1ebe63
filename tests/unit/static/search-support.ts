// Helpers for the static search tests: a snapshot held in memory and served through a fetch-like
// function, and the view's element tree written out as React's renderToStaticMarkup would write it.
import type { FetchFile } from '@/lib/static/search/engine.mjs';
import type { StaticFile } from '@/lib/static/search';
import type { ViewNode } from '@/lib/static/search/view.mjs';

/** A fetch over files held in memory, as a static server would answer: the body, or 404. */
export function memorySite(files: readonly StaticFile[]): { fetchFile: FetchFile; requested: string[] } {
  const byPath = new Map(files.map((f) => [f.path, f.body]));
  const requested: string[] = [];
  const fetchFile: FetchFile = async (path) => {
    requested.push(path);
    const body = byPath.get(path);
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(typeof body === 'string' ? body : new Uint8Array(body));
  };
  return { fetchFile, requested };
}

/** The case documents as the snapshot holds them (api/public/cases/<id>.json). */
export function caseFiles(cases: readonly { id: number }[]): StaticFile[] {
  return cases.map((c) => ({ path: `api/public/cases/${c.id}.json`, body: JSON.stringify(c) }));
}

// React's escaping of text and attribute values (escapeTextForBrowser).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escape = (text: string) => text.replace(/[&<>"']/gu, (c) => ESCAPES[c]!);

export function toMarkup(nodes: readonly ViewNode[]): string {
  return nodes
    .map((n) => (typeof n === 'string' ? escape(n) : `<${n.tag}${n.attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}>${toMarkup(n.children)}</${n.tag}>`))
    .join('');
}

/** Just enough of a DOM for the search page script: elements, text nodes, attributes, form fields. */
export class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attrs: [string, string][] = [];
  parentNode: FakeNode | null = null;
  value = '';
  constructor(
    readonly ownerDocument: FakeDocument,
    readonly tag: string | null,
    readonly text = '',
  ) {}
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get elements() {
    return { namedItem: (name: string) => this.descendants().find((d) => d.attr('name') === name) ?? null };
  }
  attr(name: string): string | undefined {
    return this.attrs.find(([k]) => k === name)?.[1];
  }
  setAttribute(name: string, value: string): void {
    this.attrs.push([name, String(value)]);
  }
  appendChild(child: FakeNode): FakeNode {
    child.parentNode = this;
    this.children.push(child);
    return child;
  }
  removeChild(child: FakeNode): FakeNode {
    this.children.splice(this.children.indexOf(child), 1);
    child.parentNode = null;
    return child;
  }
  descendants(): FakeNode[] {
    return this.children.flatMap((c) => [c, ...c.descendants()]);
  }
}

export class FakeDocument {
  title = '检索 · 案例期刊';
  readonly body: FakeNode = new FakeNode(this, 'body');
  createElement(tag: string): FakeNode {
    return new FakeNode(this, tag);
  }
  createTextNode(text: string): FakeNode {
    return new FakeNode(this, null, text);
  }
  querySelector(selector: string): FakeNode | null {
    const [tag, cls] = selector.split('.');
    return this.body.descendants().find((d) => d.tag === tag && d.attr('class') === cls) ?? null;
  }
}

/** Markup of fake nodes, written as toMarkup writes view nodes. */
export function fakeMarkup(nodes: readonly FakeNode[]): string {
  return nodes
    .map((n) => (n.tag === null ? escape(n.text) : `<${n.tag}${n.attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}>${fakeMarkup(n.children)}</${n.tag}>`))
    .join('');
}

/** The app's /search page as the snapshot serves it, reduced to what the script touches. */
export function searchPageDocument(): { document: FakeDocument; form: FakeNode } {
  const document = new FakeDocument();
  const main = document.body.appendChild(document.createElement('main'));
  const form = main.appendChild(document.createElement('form'));
  form.setAttribute('class', 'search-form');
  for (const name of ['q', 'issue', 'province']) form.appendChild(document.createElement(name === 'q' ? 'input' : 'select')).setAttribute('name', name);
  const notice = main.appendChild(document.createElement('p'));
  notice.setAttribute('class', 'notice');
  notice.appendChild(document.createTextNode('请输入关键词'));
  main.appendChild(document.createElement('ol')).setAttribute('class', 'results');
  return { document, form };
}
