import fs from 'node:fs/promises';
import path from 'node:path';
import { CASE_PAGE, CasePageComposer, type CasePagesResult } from './case-pages';
import { forEachLimited, loadPublicationState, loadSiteManifest, SnapshotError } from './crawl';
import { fileForUrl, RELEASE_MANIFEST_FILE } from './paths';
import { canReuse, GENERATOR_VERSION, planPages, releaseManifestSchema, type ReleaseManifest } from './release-manifest';
import { currentRelease, linkOrCopy, lockRoot, pruneReleases, releaseName, RELEASES_DIR, swapCurrent, writeNewFile } from './release';
import type { CasePageRenderer } from './render/protocol';
import { shareSearchFiles, writeSearchFiles } from './search-step';
import { CASE_DATA_PREFIX, type SiteManifest } from './site-manifest';
import { writeStatus } from './status';
import { ReleaseWriter } from './writer';

// The static snapshot of the public site, made by the app itself: every public URL is fetched from
// the running app (one source of truth for how a page looks), stripped of the client runtime it
// does not need, and written as files any static server or object store can serve. A run writes a
// new release folder and swaps `current` to it only once it is complete; any failure deletes the
// new folder and leaves the previous release serving. Plain Node (no server-only imports), so the
// command line and the tests call it directly, and the app's background job (./job.ts) too.

export interface GenerateOptions {
  /** Where the app answers, e.g. http://127.0.0.1:3000. */
  sourceUrl: string;
  /** The snapshot root: releases/, current, status.json. */
  root: string;
  /** The public origin for absolute links; defaults to the app's own CASEBOOK_SITE_URL. */
  baseUrl?: string;
  /** Fetch every page even if the previous release has it unchanged. */
  full?: boolean;
  /** Requests in flight at once (default 8); with a renderer, its data and checks run beside them, up to twice as many again. */
  concurrency?: number;
  /** What asked for this run, recorded in status.json. */
  reason?: string;
  /**
   * Renders the case pages from their data instead of one request to the app each (./case-pages.ts);
   * the command line starts one (./render/renderer.ts). Without it every page is fetched.
   */
  renderer?: CasePageRenderer;
}

export interface GenerateResult {
  /** The release folder name now served. */
  release: string;
  urls: number;
  fetched: number;
  reused: number;
  removed: number;
  /** Pages whose only change was their 相关案例, refreshed by a second release right after the first. */
  deferred: number;
  /** When the first release (with everything but those) went live. */
  reflectedMs: number;
  ms: number;
  /** Case pages written from the renderer's parts rather than fetched one by one. */
  rendered: number;
  /** Why the renderer was set aside (every case page fetched instead), if it was. */
  renderFallback: string | null;
  /** Where the first release's time went, in ms: reading the page list, sharing unchanged files, the case files, the search index, the other pages, writing and swapping. */
  phases: Record<string, number>;
}

const DEFAULT_CONCURRENCY = 8;
/** File-system work (links, copies) can go wider than requests to the app. */
const FS_CONCURRENCY = 32;

function normalizeOrigin(raw: string, what: string): string {
  const trimmed = raw.trim().replace(/\/+$/u, '');
  if (!URL.canParse(trimmed) || !/^https?:$/u.test(new URL(trimmed).protocol)) throw new SnapshotError(`${what}不是有效的网址：${raw}（例如 https://cases.example.gov.cn）`);
  return trimmed;
}

/** Why a file-system step failed, in words an operator can act on. */
function describeFsError(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const file = (error as NodeJS.ErrnoException | undefined)?.path;
  const where = file ? `（${file}）` : '';
  if (code === 'ENOSPC') return `磁盘空间不足，无法写入快照${where}`;
  if (code === 'EACCES' || code === 'EPERM') return `没有写入快照目录的权限${where}`;
  if (code === 'EROFS') return `快照目录所在的文件系统是只读的${where}`;
  if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOTEMPTY') return `快照目录的结构不对：current 应是指向 releases/ 下某个版本的符号链接${where}`;
  return null;
}

async function readReleaseManifest(dir: string | null): Promise<ReleaseManifest | null> {
  if (!dir) return null;
  try {
    const parsed = releaseManifestSchema.safeParse(JSON.parse(await fs.readFile(path.join(dir, RELEASE_MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface PassResult {
  release: string;
  /** The manifest recorded in the release (deferred pages keep their old fingerprints). */
  record: ReleaseManifest;
  fetched: number;
  reused: number;
  deferred: number;
  /** Nothing was published while the pass ran: its fingerprints hold. */
  settled: boolean;
  /** The search index was shared unchanged although cases were added: the next pass rebuilds it. */
  searchDeferred: boolean;
  rendered: number;
  renderFallback: string | null;
  phases: Record<string, number>;
}

interface PassSettings {
  root: string;
  sourceUrl: string;
  manifest: SiteManifest;
  siteUrl: string;
  baseUrl: string;
  concurrency: number;
  renderer: CasePageRenderer | undefined;
}

/**
 * One release: shares unchanged pages with the previous release, fetches the rest, writes it
 * whole, then swaps `current` to it. With `defer`, pages that changed only in their 相关案例 are
 * shared for now and left recorded as changed, for the next pass.
 */
async function pass(settings: PassSettings, previousDir: string | null, previous: ReleaseManifest | null, defer: boolean): Promise<PassResult> {
  const { root, sourceUrl, manifest, siteUrl, baseUrl, concurrency, renderer } = settings;
  const name = releaseName();
  const dir = path.join(root, RELEASES_DIR, name);
  const phases: Record<string, number> = {};
  let lap = performance.now();
  const mark = (phase: string) => {
    const now = performance.now();
    phases[phase] = Math.round(now - lap);
    lap = now;
  };
  await fs.mkdir(dir);
  try {
    const run = new ReleaseWriter(sourceUrl, dir, siteUrl, baseUrl);
    const plan = planPages(previous?.pages ?? null, manifest.pages, { defer });
    const toFetch = [...plan.fetch];
    const deferred = new Set(plan.defer);
    let reused = 0;
    if (previous && previousDir) {
      const madeDirs = new Set<string>();
      await forEachLimited([...plan.reuse, ...plan.defer], FS_CONCURRENCY, async (url) => {
        try {
          await linkOrCopy(path.join(previousDir, fileForUrl(url)), run.file(url), madeDirs);
          if (!deferred.has(url)) reused++;
        } catch {
          deferred.delete(url);
          toFetch.push(url);
        }
      });
      await forEachLimited(previous.assets, FS_CONCURRENCY, async (asset) => {
        try {
          await linkOrCopy(path.join(previousDir, fileForUrl(asset)), run.file(asset), madeDirs);
          run.assets.add(asset);
        } catch {
          // Fetched again below if a page still loads it.
        }
      });
    }
    mark('share');
    // The case documents first: the search index is built from them while the pages are fetched.
    const caseData = toFetch.filter((url) => url.startsWith(CASE_DATA_PREFIX));
    await run.fetchCaseDocuments(caseData, concurrency);
    mark('caseData');
    const caseDataChanged = caseData.length > 0 || plan.removed.some((url) => url.startsWith(CASE_DATA_PREFIX));
    // Cases only added (a publish): the index of the cases already public stays right, so the new
    // ones may become searchable in the release right after, like 相关案例. A case changed or
    // removed is rebuilt now: the index must never find text the site no longer shows. A release a
    // publish interrupted records no pages, so nothing tells what its index holds: rebuilt too.
    const searchDeferred = defer && previous !== null && previousDir !== null && Object.keys(previous.pages).length > 0 && caseData.length > 0 && !plan.removed.some((url) => url.startsWith(CASE_DATA_PREFIX)) && caseData.every((url) => !Object.hasOwn(previous.pages, url));
    const searchStarted = performance.now();
    const search = (previous && previousDir && (!caseDataChanged || searchDeferred) ? shareSearchFiles(previousDir, dir).catch(() => writeSearchFiles(dir)) : writeSearchFiles(dir)).then(() => {
      phases.search = Math.round(performance.now() - searchStarted);
    });
    // With a renderer, the case pages are drawn on another core while the app renders the rest.
    const casePages = renderer ? toFetch.filter((url) => CASE_PAGE.test(url)) : [];
    const composed: Promise<CasePagesResult> = casePages.length > 0 ? new CasePageComposer(run, renderer!, concurrency).writeAll(casePages) : Promise.resolve({ rendered: 0, fallback: null });
    const pages = (async () => {
      const rendering = new Set(casePages);
      await forEachLimited(
        toFetch.filter((url) => !url.startsWith(CASE_DATA_PREFIX) && !rendering.has(url)),
        concurrency,
        (url) => run.fetchPage(url),
      );
      await composed;
      await run.fetchNotFoundPage(manifest.notFound);
      await run.fetchAssets(concurrency);
      await run.writeRedirects(manifest.redirects);
    })();
    // Both settle before anything is decided, so nothing still writes into a folder being deleted.
    const [searched, fetched, drawn] = await Promise.allSettled([search, pages, composed]);
    for (const outcome of [fetched, searched, drawn]) if (outcome.status === 'rejected') throw outcome.reason;
    const { rendered, fallback: renderFallback } = (drawn as PromiseFulfilledResult<CasePagesResult>).value;
    mark('pages');

    // A publish that committed while this pass was fetching may have reached some pages and not
    // others: keep the release (it is whole and no older than the last), but record no
    // fingerprints, so the run that publish scheduled fetches everything again.
    const now = await loadPublicationState(sourceUrl);
    const settled = now.publication === manifest.publication && now.buildId === manifest.buildId;
    const recorded: Record<string, string> = {};
    if (settled) for (const [url, fingerprint] of Object.entries(manifest.pages)) recorded[url] = deferred.has(url) ? previous!.pages[url]! : fingerprint;
    // Recorded as not yet written, so the next pass fetches them again and rebuilds the index from them.
    if (settled && searchDeferred) for (const url of caseData) recorded[url] = '';
    const record: ReleaseManifest = {
      version: 1,
      generator: GENERATOR_VERSION,
      buildId: manifest.buildId,
      siteUrl,
      baseUrl,
      publication: manifest.publication,
      generatedAt: new Date().toISOString(),
      pages: recorded,
      redirects: manifest.redirects,
      assets: [...run.assets].sort(),
    };
    await writeNewFile(path.join(dir, RELEASE_MANIFEST_FILE), `${JSON.stringify(record)}\n`);
    await swapCurrent(root, dir);
    mark('swap');
    return { release: name, record, fetched: run.fetched + rendered, reused, deferred: deferred.size, settled, searchDeferred, rendered, renderFallback, phases };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Generates the snapshot: fetches what changed since the current release (everything on the first
 * run or with `full`), shares the rest with it, and swaps `current` to the new release. When a
 * publish changed other pages' 相关案例 only, those follow in a second release right after the
 * first, so the publish itself is served within seconds however large the site. Throws a
 * SnapshotError (message in Chinese) when anything fails; the release serving before keeps serving
 * and status.json says why. A SnapshotBusyError means another run holds the root.
 */
export async function generateSnapshot(options: GenerateOptions): Promise<GenerateResult> {
  const root = path.resolve(options.root);
  const sourceUrl = normalizeOrigin(options.sourceUrl, '应用地址');
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const startedAt = new Date();
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  await fs.mkdir(path.join(root, RELEASES_DIR), { recursive: true });
  const unlock = await lockRoot(root);
  try {
    const manifest = await loadSiteManifest(sourceUrl);
    const manifestMs = elapsed();
    const siteUrl = normalizeOrigin(manifest.siteUrl, '应用配置的站点地址');
    const baseUrl = options.baseUrl ? normalizeOrigin(options.baseUrl, '站点地址（baseUrl）') : siteUrl;
    const previousDir = await currentRelease(root);
    const previous = await readReleaseManifest(previousDir);
    const usable = !options.full && canReuse(previous, { buildId: manifest.buildId, siteUrl, baseUrl }) ? previous : null;

    const settings: PassSettings = { root, sourceUrl, manifest, siteUrl, baseUrl, concurrency, renderer: options.renderer };
    const first = await pass(settings, previousDir, usable, true);
    const reflectedMs = elapsed();
    const removed = previous ? Object.keys(previous.pages).filter((url) => !Object.hasOwn(manifest.pages, url)).length : 0;
    const urls = Object.keys(manifest.pages).length;
    const status = (release: string, fetched: number) =>
      writeStatus(root, { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), ok: true, reason: options.reason, release, urls, fetched, reused: first.reused, removed, ms: elapsed() });
    let final = first;
    let fetched = first.fetched;
    // Unsettled, the publish that interrupted it has scheduled a run of its own that will do this.
    if ((first.deferred > 0 || first.searchDeferred) && first.settled) {
      await status(first.release, fetched);
      // A renderer the first pass found wrong stays set aside.
      const second = await pass({ ...settings, renderer: first.renderFallback === null ? settings.renderer : undefined }, path.join(root, RELEASES_DIR, first.release), first.record, false);
      final = second;
      fetched += second.fetched;
    }
    await pruneReleases(root);
    await status(final.release, fetched);
    return {
      release: final.release,
      urls,
      fetched,
      reused: first.reused,
      removed,
      deferred: first.deferred,
      rendered: first.rendered + (final === first ? 0 : final.rendered),
      renderFallback: first.renderFallback ?? (final === first ? null : final.renderFallback),
      reflectedMs,
      ms: elapsed(),
      phases: { manifest: manifestMs, ...first.phases },
    };
  } catch (error) {
    const failure = error instanceof SnapshotError ? error : new SnapshotError(describeFsError(error) ?? `生成静态站点时出错：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    await writeStatus(root, { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), ok: false, error: failure.message, reason: options.reason, ms: elapsed() }).catch(() => undefined);
    throw failure;
  } finally {
    await unlock();
  }
}
