import type { CasePageData } from '@/lib/public/case-page-data';
import { fetchFromApp, fetchJsonFromApp, forEachLimited, inBatches } from './crawl';
import type { CaseParts } from './render/case-parts';
import type { CasePageRenderer } from './render/protocol';
import { CASE_BATCH_LIMIT, CASE_PAGE_DATA_PATH, casePageBatchSchema } from './site-manifest';
import type { ReleaseWriter } from './writer';

// Case pages without a request to the app per page. The app answers their data a hundred at a time
// (/api/public/case-pages); a renderer (./render) draws each page's article with the page's own
// component and writes its head tags; the frame around them (doctype, stylesheets, header, footer)
// is cut from one case page the app itself rendered. That is a quarter of the app's cost per page,
// and it runs on another core while the app renders the other pages.
//
// The app stays the one source of truth: before any page of a kind is written, the app's own
// rendering of a page of that kind (one per combination of the parts a case page may or may not
// have, and one in every SAMPLE_EVERY besides) must equal the composed page byte for byte. Any
// difference, or any failure of the renderer, and every case page of the run is fetched from the
// app as the others are, those already composed included.

export const CASE_PAGE = /^\/cases\/(\d+)$/u;
/** Besides one page per combination of parts, every this-many-th page is checked against the app. */
const SAMPLE_EVERY = 250;

interface Template {
  before: string;
  between: string;
  after: string;
}

/** The parts a case page may or may not show: pages that differ here are checked separately. */
function shape(data: CasePageData): string {
  const c = data.case;
  const at = data.siblings.findIndex((s) => s.caseId === c.caseId);
  return [
    c.tags.length > 0,
    data.corrections.length > 0,
    data.pdf !== null,
    c.profile !== null && c.profile !== undefined,
    data.related.length > 0,
    at > 0,
    at >= 0 && at < data.siblings.length - 1,
    Boolean(c.sectionTitle),
    Boolean(c.lead),
    c.sections.length > 0,
  ]
    .map(Number)
    .join('');
}

/** Where two pages first differ, for the log. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `第 ${i} 个字符起：应用为「${b.slice(i, i + 60)}」，渲染为「${a.slice(i, i + 60)}」`;
}

class RenderMismatch extends Error {}

export interface CasePagesResult {
  /** Pages written from the renderer's parts. */
  rendered: number;
  /** Why the renderer was set aside for this run, if it was. */
  fallback: string | null;
}

export class CasePageComposer {
  private template: Promise<Template> | null = null;
  /** The page the frame is cut from: equal to its composition by construction, so it proves nothing as a sample. */
  private templateUrl: string | null = null;
  private readonly checked = new Set<string>();
  private readonly composed: string[] = [];
  private seen = 0;
  private fallback: string | null = null;

  constructor(
    private readonly run: ReleaseWriter,
    private readonly renderer: CasePageRenderer,
    private readonly concurrency: number,
  ) {}

  async writeAll(urls: readonly string[]): Promise<CasePagesResult> {
    await forEachLimited(inBatches(urls, CASE_BATCH_LIMIT), 2, (batch) => this.batch(batch));
    // Set aside after some pages were composed: those are fetched too, so no page rests on it.
    if (this.fallback !== null) await forEachLimited(this.composed.splice(0), this.concurrency, (url) => this.run.fetchPage(url));
    return { rendered: this.composed.length, fallback: this.fallback };
  }

  private async batch(urls: string[]): Promise<void> {
    let pages: { url: string; html: string }[] | null = null;
    let missing: string[] = [];
    if (this.fallback === null) {
      try {
        ({ pages, missing } = await this.compose(urls));
      } catch (error) {
        this.fallback ??= error instanceof Error ? error.message : String(error);
      }
    }
    // Set aside here or by another batch meanwhile: the app renders them.
    if (pages === null || this.fallback !== null) {
      await forEachLimited(urls, this.concurrency, (url) => this.run.fetchPage(url));
      return;
    }
    // Not published any more (a publish during the run): the app answers them as it would any page.
    await forEachLimited(missing, this.concurrency, (url) => this.run.fetchPage(url));
    for (const { url, html } of pages) {
      await this.run.writeComposedPage(url, html);
      this.composed.push(url);
    }
  }

  /** The pages of a batch, put together and checked; a RenderMismatch or any renderer failure sets the renderer aside. */
  private async compose(urls: string[]): Promise<{ pages: { url: string; html: string }[]; missing: string[] }> {
    const byId = new Map(urls.map((url) => [Number(CASE_PAGE.exec(url)![1]), url]));
    const { status, json: raw } = await fetchJsonFromApp(this.run.sourceUrl, `${CASE_PAGE_DATA_PATH}?ids=${[...byId.keys()].join(',')}`);
    if (!casePageBatchSchema.safeParse(raw).success) throw new Error(`${CASE_PAGE_DATA_PATH} 没有给出案例页的数据（HTTP ${status}）`);
    const data = (raw as { pages: CasePageData[] }).pages.filter((d) => byId.has(d.case.caseId));
    const found = new Set(data.map((d) => d.case.caseId));
    const missing = [...byId].filter(([id]) => !found.has(id)).map(([, url]) => url);
    if (data.length === 0) return { pages: [], missing };
    const parts = await this.renderer.render(data, this.run.siteUrl);
    if (parts.length !== data.length) throw new Error(`渲染进程返回了 ${parts.length} 个页面，应为 ${data.length} 个`);
    if (this.template === null) {
      this.templateUrl = byId.get(data[0]!.case.caseId)!;
      this.template = this.makeTemplate(this.templateUrl, parts[0]!);
    }
    const template = await this.template;
    const pages = data.map((d, i) => ({ url: byId.get(d.case.caseId)!, html: template.before + parts[i]!.head + template.between + parts[i]!.article + template.after }));
    const samples: number[] = [];
    for (let i = 0; i < data.length; i++) {
      if (pages[i]!.url === this.templateUrl) continue;
      const kind = shape(data[i]!);
      const nth = this.seen++ % SAMPLE_EVERY === 0;
      if (!this.checked.has(kind) || nth) samples.push(i);
      this.checked.add(kind);
    }
    await forEachLimited(samples, this.concurrency, async (i) => {
      const own = await this.appPage(pages[i]!.url);
      if (own !== pages[i]!.html) throw new RenderMismatch(`快照渲染的 ${pages[i]!.url} 与应用的页面不同，${firstDifference(pages[i]!.html, own)}`);
    });
    return { pages, missing };
  }

  /** The app's own page, as the snapshot keeps it before rebasing. */
  private async appPage(url: string): Promise<string> {
    const res = await fetchFromApp(this.run.sourceUrl, url);
    if (res.status !== 200) throw new RenderMismatch(`应用的 ${url} 返回 HTTP ${res.status}`);
    return this.run.pageHtml(url, new TextDecoder().decode(res.body));
  }

  /** The frame around a case page's head tags and article, from the app's rendering of the first case. */
  private async makeTemplate(url: string, parts: CaseParts): Promise<Template> {
    const page = await this.appPage(url);
    const head = page.indexOf(parts.head);
    const article = page.indexOf(parts.article, head + parts.head.length);
    if (head < 0 || page.indexOf(parts.head, head + 1) >= 0) throw new RenderMismatch(`应用的 ${url} 中找不到（唯一的）渲染出的头部标签`);
    if (article < 0 || page.indexOf(parts.article, article + 1) >= 0) throw new RenderMismatch(`应用的 ${url} 中找不到（唯一的）渲染出的正文`);
    return { before: page.slice(0, head), between: page.slice(head + parts.head.length, article), after: page.slice(article + parts.article.length) };
  }
}
