import path from 'node:path';
import { fetchFromApp, fetchJsonFromApp, forEachLimited, inBatches, SnapshotError, type Fetched } from './crawl';
import { cssUrls } from './css';
import { assetUrls, injectBeforeBodyEnd, redirectPage, stripRuntime } from './html';
import { fileForUrl, internalPath, NOT_FOUND_FILE, REDIRECTS_CONF_FILE } from './paths';
import { nginxRedirects, type Redirect } from './redirects';
import { linkOrCopy, writeNewFile } from './release';
import { SEARCH_PAGE, searchScriptTag } from './search-step';
import { CASE_BATCH_LIMIT, CASE_BATCH_PATH, CASE_DATA_PREFIX, caseBatchSchema } from './site-manifest';

// Writing one release folder from the app's responses: pages without the client runtime, the
// assets they load, forwarding pages for old addresses, and the nginx include for real 301s.

type Kind = 'html' | 'text' | 'binary';

function kindOf(contentType: string): Kind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html') return 'html';
  if (type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml') || type.endsWith('json') || type === 'application/javascript') return 'text';
  return 'binary';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** One release being written: where it writes, what it has, what it still needs. */
export class ReleaseWriter {
  readonly assets = new Set<string>();
  readonly wantedAssets = new Set<string>();
  /** Pages that answered with a redirect instead of a page (a renumbering during the run). */
  readonly extraRedirects: Redirect[] = [];
  /** Pages fetched from the app (assets not counted). */
  fetched = 0;

  constructor(
    readonly sourceUrl: string,
    readonly dir: string,
    readonly siteUrl: string,
    readonly baseUrl: string,
  ) {}

  file(url: string): string {
    return path.join(this.dir, fileForUrl(url));
  }

  /** Absolute links the app wrote with its own origin, moved to the base URL when one was given. */
  rebase(text: string): string {
    if (this.baseUrl === this.siteUrl) return text;
    return text.replace(new RegExp(`${escapeRegExp(this.siteUrl)}(?![A-Za-z0-9.:-])`, 'gu'), this.baseUrl);
  }

  /** The bytes to write for a fetched response, noting the assets an HTML page loads. */
  render(url: string, res: Fetched): Uint8Array | string {
    const kind = kindOf(res.contentType);
    if (kind === 'binary') return res.body;
    const text = new TextDecoder().decode(res.body);
    if (kind === 'text') return this.rebase(text);
    return this.rebase(this.pageHtml(url, text));
  }

  /** A page as the snapshot keeps it, before rebasing: without the client runtime, its assets noted. */
  pageHtml(url: string, text: string): string {
    let html = stripRuntime(text);
    if (url === SEARCH_PAGE) html = injectBeforeBodyEnd(html, searchScriptTag());
    this.noteAssets(url, html);
    return html;
  }

  private noteAssets(url: string, html: string): void {
    for (const href of assetUrls(html)) {
      const asset = internalPath(href, this.siteUrl, url);
      if (asset !== null) this.wantedAssets.add(asset);
    }
  }

  /** A page put together from parts the app's components rendered (./case-pages.ts), as pageHtml() gives it; counted by the caller, not in `fetched`. */
  async writeComposedPage(url: string, html: string): Promise<void> {
    this.noteAssets(url, html);
    await writeNewFile(this.file(url), this.rebase(html));
  }

  async fetchPage(url: string): Promise<void> {
    const res = await fetchFromApp(this.sourceUrl, url);
    this.fetched++;
    if (res.status >= 300 && res.status < 400 && res.location) {
      const to = internalPath(res.location, this.siteUrl, url) ?? res.location;
      this.extraRedirects.push({ from: url, to });
      await writeNewFile(this.file(url), redirectPage(to, to.startsWith('/') ? `${this.baseUrl}${to}` : to));
      return;
    }
    if (res.status !== 200) throw new SnapshotError(`页面 ${url} 返回 HTTP ${res.status}，本次生成已取消。`);
    await writeNewFile(this.file(url), this.render(url, res));
  }

  /**
   * The case files (/api/public/cases/<id>), CASE_BATCH_LIMIT to a request from the API's batch:
   * each entry is what the case's own address answers, written as that address would be. An id the
   * batch does not have (unpublished meanwhile) is fetched on its own, which reports it as any page.
   */
  async fetchCaseDocuments(urls: readonly string[], concurrency: number): Promise<void> {
    const byId = new Map<number, string>();
    for (const url of urls) byId.set(Number(url.slice(CASE_DATA_PREFIX.length)), url);
    const alone: string[] = [];
    await forEachLimited(inBatches([...byId.keys()], CASE_BATCH_LIMIT), Math.max(1, Math.min(concurrency, 2)), async (batch) => {
      const { json: raw } = await fetchJsonFromApp(this.sourceUrl, `${CASE_BATCH_PATH}?ids=${batch.join(',')}`);
      // An app that cannot answer the batch still answers each address.
      if (!caseBatchSchema.safeParse(raw).success) {
        alone.push(...batch.map((id) => byId.get(id)!));
        return;
      }
      // Written from the parsed text itself, not the schema's copy: the bytes must be the route's.
      const written = new Set<number>();
      for (const doc of (raw as { cases: { id: number }[] }).cases) {
        const url = byId.get(doc.id);
        if (url === undefined || !batch.includes(doc.id) || written.has(doc.id)) continue;
        written.add(doc.id);
        this.fetched++;
        await writeNewFile(this.file(url), this.rebase(JSON.stringify(doc)));
      }
      for (const id of batch) if (!written.has(id)) alone.push(byId.get(id)!);
    });
    await forEachLimited(alone, concurrency, (url) => this.fetchPage(url));
  }

  async fetchNotFoundPage(probe: string): Promise<void> {
    const res = await fetchFromApp(this.sourceUrl, probe);
    if (res.status !== 404 || kindOf(res.contentType) !== 'html') throw new SnapshotError(`无法取得 404 页面：${probe} 返回 HTTP ${res.status}。`);
    await writeNewFile(path.join(this.dir, NOT_FOUND_FILE), this.render('/', res));
  }

  /** Fetches every asset the pages (and stylesheets) load that the release does not have yet. */
  async fetchAssets(concurrency: number): Promise<void> {
    for (;;) {
      const missing = [...this.wantedAssets].filter((a) => !this.assets.has(a));
      if (missing.length === 0) return;
      for (const asset of missing) this.assets.add(asset);
      await forEachLimited(missing, concurrency, async (asset) => {
        const res = await fetchFromApp(this.sourceUrl, asset);
        if (res.status !== 200) throw new SnapshotError(`页面引用的文件 ${asset} 返回 HTTP ${res.status}，本次生成已取消。`);
        if (res.contentType.toLowerCase().startsWith('text/css')) {
          for (const ref of cssUrls(new TextDecoder().decode(res.body))) {
            const nested = internalPath(ref, this.siteUrl, asset);
            if (nested !== null) this.wantedAssets.add(nested);
          }
        }
        await writeNewFile(this.file(asset), res.body);
      });
    }
  }

  /** Forwarding pages for old addresses (a copy of the data for the JSON API), and the nginx include. */
  async writeRedirects(redirects: readonly Redirect[]): Promise<void> {
    for (const { from, to } of redirects) {
      if (from.startsWith('/api/')) {
        // Data clients do not follow meta refresh: on hosts without the 301, they get the data itself.
        await linkOrCopy(this.file(to), this.file(from));
      } else {
        await writeNewFile(this.file(from), redirectPage(to, `${this.baseUrl}${to}`));
      }
    }
    await writeNewFile(path.join(this.dir, REDIRECTS_CONF_FILE), nginxRedirects([...redirects, ...this.extraRedirects]));
  }
}
