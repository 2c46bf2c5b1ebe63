// Reading and trimming the app's HTML for the snapshot. A small scanner rather than an HTML parser
// library: all the generator needs is the start tags and where script elements end, and a scanner
// leaves every other byte exactly as the app wrote it. It is linear: each character is looked at a
// bounded number of times, and raw-text elements (script, style, title, textarea) are skipped to
// their end tag as browsers do, so nothing inside them is mistaken for a tag.

export interface Tag {
  /** Lower-case element name. */
  name: string;
  /** Attributes by lower-case name, values as written (entities are not decoded). */
  attrs: Record<string, string>;
  /** Offset of the `<`. */
  start: number;
  /** Offset just after the element: after its end tag for raw-text elements, else after the start tag. */
  end: number;
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f';
}

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9-]/u.test(ch);
}

/** Parses the attributes of a start tag from `at` (just after the name); returns them and the offset after `>`. */
function readAttributes(html: string, at: number): { attrs: Record<string, string>; after: number } {
  const attrs: Record<string, string> = {};
  let i = at;
  while (i < html.length) {
    while (isSpace(html[i]) || html[i] === '/') i++;
    if (i >= html.length) break;
    if (html[i] === '>') return { attrs, after: i + 1 };
    const nameStart = i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>' && html[i] !== '/') i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    if (name && !(name in attrs)) attrs[name] = value;
  }
  return { attrs, after: html.length };
}

/** Where a raw-text element that starts its content at `from` ends (after `</name ...>`). */
function rawTextEnd(html: string, lower: string, name: string, from: number): number {
  let i = from;
  for (;;) {
    const close = lower.indexOf(`</${name}`, i);
    if (close === -1) return html.length;
    const next = html[close + 2 + name.length];
    if (next === undefined || isSpace(next) || next === '>' || next === '/') {
      const gt = html.indexOf('>', close);
      return gt === -1 ? html.length : gt + 1;
    }
    i = close + 2;
  }
}

/** Every start tag in document order, comments and doctype skipped. */
export function* scanTags(html: string): Generator<Tag> {
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const gt = html.indexOf('>', lt + 1);
      i = gt === -1 ? html.length : gt + 1;
      continue;
    }
    let j = lt + 1;
    while (isNameChar(html[j])) j++;
    if (j === lt + 1) {
      i = lt + 1;
      continue;
    }
    const name = lower.slice(lt + 1, j);
    const { attrs, after } = readAttributes(html, j);
    const end = RAW_TEXT.has(name) ? rawTextEnd(html, lower, name, after) : after;
    yield { name, attrs, start: lt, end };
    i = end;
  }
}

function relTokens(tag: Tag): string[] {
  return (tag.attrs.rel ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
}

/** JSON-LD and other data blocks are not run by the browser; everything else in a <script> is. */
export function isExecutableScript(tag: Tag): boolean {
  if (tag.name !== 'script') return false;
  const type = (tag.attrs.type ?? '').trim().toLowerCase();
  return !(type === 'application/ld+json' || type === 'application/json');
}

/** What only the framework's client runtime needs: its scripts, its flight data and their preloads. */
function isRuntimeOnly(tag: Tag): boolean {
  if (tag.name === 'script') return isExecutableScript(tag);
  if (tag.name !== 'link') return false;
  const rel = relTokens(tag);
  return rel.includes('modulepreload') || (rel.includes('preload') && (tag.attrs.as ?? '').toLowerCase() === 'script');
}

/**
 * The page without the client runtime: every executable <script> (Next's chunks and the inline
 * `self.__next_f.push` flight data) and script preloads removed, every other byte unchanged. The
 * public pages render everything on the server and run no script of ours, so they read the same.
 * JSON-LD blocks stay: they are data for search engines, and browsers never run them.
 */
export function stripRuntime(html: string): string {
  let out = '';
  let copied = 0;
  for (const tag of scanTags(html)) {
    if (!isRuntimeOnly(tag)) continue;
    out += html.slice(copied, tag.start);
    copied = tag.end;
  }
  return out + html.slice(copied);
}

/** Link relations whose target a page needs in order to look right, as opposed to pages it links to. */
const ASSET_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'mask-icon', 'manifest', 'preload', 'prefetch']);

/** URLs (as written) of the files a page loads: stylesheets, icons, fonts and images. */
export function assetUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of scanTags(html)) {
    if (tag.name === 'link' && relTokens(tag).some((r) => ASSET_RELS.has(r)) && tag.attrs.href) urls.push(tag.attrs.href);
    if ((tag.name === 'img' || tag.name === 'source' || tag.name === 'video' || tag.name === 'audio' || tag.name === 'input') && tag.attrs.src) urls.push(tag.attrs.src);
    if (tag.name === 'video' && tag.attrs.poster) urls.push(tag.attrs.poster);
    for (const candidate of (tag.attrs.srcset ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/u)[0];
      if (url) urls.push(url);
    }
  }
  return urls.map(decodeEntities);
}

/** Every URL a page refers to (links, forms, assets), for the link checker. */
export function referencedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of scanTags(html)) {
    for (const attr of ['href', 'src', 'action', 'poster']) {
      const value = tag.attrs[attr];
      if (value !== undefined && !(tag.name === 'meta')) urls.push(value);
    }
    for (const candidate of (tag.attrs.srcset ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/u)[0];
      if (url) urls.push(url);
    }
    if (tag.name === 'meta' && (tag.attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
      const target = /url\s*=\s*(.+)$/iu.exec(tag.attrs.content ?? '')?.[1];
      if (target) urls.push(target.trim());
    }
  }
  return urls.map(decodeEntities);
}

/** The few entities React writes inside attribute values. */
function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/gu, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' })[name] ?? '');
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Inserts markup just before the page's closing </body> (or at the end when there is none). */
export function injectBeforeBodyEnd(html: string, markup: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + markup : html.slice(0, at) + markup + html.slice(at);
}

/**
 * The stand-in for a permanent redirect on hosts that cannot answer one (object stores, plain file
 * servers): a page that sends the reader on at once and tells search engines where the page lives.
 * nginx answers a real 301 from the generated include instead (lib/static/redirects.ts).
 */
export function redirectPage(to: string, canonical: string): string {
  const href = escapeAttribute(to);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/><title>本页已移至新地址</title><link rel="canonical" href="${escapeAttribute(canonical)}"/><meta http-equiv="refresh" content="0; url=${href}"/><meta name="robots" content="noindex"/></head><body><p>本页已移至新地址：<a href="${href}">${href}</a></p></body></html>\n`;
}
