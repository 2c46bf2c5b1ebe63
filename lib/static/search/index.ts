// Search without a server for the static snapshot. The generator (lib/static/search-step.ts) calls
// buildStaticSearchFiles() with every case document of the release (api/public/cases/<id>.json)
// and writes what it returns: the index under _search/ and the page's script under _static/. It
// adds STATIC_SEARCH_SCRIPT_TAG to search/index.html, the app's /search page with the empty form.
// The script answers ?q=&issue=&province=&page= exactly as the app's search does (same results,
// order, notices, highlighting, pager; tests/integration/static/search-equality.test.ts).
//
// What a browser test of a snapshot can check, against the app's /search with the same parameters:
// /search/?q=教育 shows the same count line (共找到N个案例。标题中出现检索词的案例排在前面。), the
// same result titles in the same order with <mark>教育</mark> and the 标题 badges; /search/?q=住房公积金
// marks the whole phrase; /search/?q=的&page=2 says 第2页 and links 上一页; /search/?q=😀 shows the
// 没有可检索的文字 notice; the 关键词/期次/省份 fields hold the request's values; the title is
// 检索：教育 · 案例期刊; the console stays free of errors (CSP included), and every request goes to
// /_static/, /_search/ or /api/public/cases/ of the same site.
import { staticSearchAssets } from './assets';
import { buildStaticSearchIndex, type SearchableCaseJson, type StaticFile } from './build';

export { STATIC_SEARCH_SCRIPT_TAG, STATIC_SEARCH_SOURCES, staticAssetPath, staticSearchAssets } from './assets';
export { buildStaticSearchIndex, type PublicCaseJson, type SearchableCaseJson, type StaticFile } from './build';

/**
 * The index and the script's files for a release (paths relative to the release's root). The
 * script's modules are read from `assetsRoot` (default: the working directory, which is the
 * repository or the standalone server's directory).
 */
export function buildStaticSearchFiles(cases: readonly SearchableCaseJson[], options: { assetsRoot?: string } = {}): StaticFile[] {
  return [...buildStaticSearchIndex(cases), ...staticSearchAssets(options.assetsRoot)];
}
