import fs from 'node:fs/promises';
import path from 'node:path';
import { forEachLimited } from './crawl';
import { linkOrCopy, writeNewFile } from './release';
import { buildStaticSearchFiles, STATIC_SEARCH_SCRIPT_TAG, type PublicCaseJson } from './search';

// The snapshot's search without a server: its index is built from the release's own case files
// (api/public/cases/*.json, exactly what readers can fetch), so it holds published text only, and
// the search page gets the one script tag that runs it (lib/static/search/index.ts).

/** The page the search script is added to. */
export const SEARCH_PAGE = '/search';
/** Where the index and the script live in a release. */
const SEARCH_DIRS = ['_search', '_static'];
/** Case files read at once: thousands of open files would exceed the process's limit. */
const READ_CONCURRENCY = 64;

export function searchScriptTag(): string {
  return STATIC_SEARCH_SCRIPT_TAG;
}

/** Reads the release's case documents and writes the search index and its script beside them. */
export async function writeSearchFiles(releaseDir: string): Promise<void> {
  const dir = path.join(releaseDir, 'api', 'public', 'cases');
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const cases: PublicCaseJson[] = new Array(names.length);
  await forEachLimited(
    names.map((name, at) => ({ name, at })),
    READ_CONCURRENCY,
    async ({ name, at }) => {
      cases[at] = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as PublicCaseJson;
    },
  );
  for (const file of buildStaticSearchFiles(cases)) await writeNewFile(path.join(releaseDir, file.path), file.body);
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string, rel = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(dir, path.join(rel, e.name)) : Promise.resolve([path.join(rel, e.name)]))));
  return nested.flat();
}

/**
 * Shares the previous release's index and script when no case document changed: the index is a
 * function of those documents alone, so building it again would give the same files.
 */
export async function shareSearchFiles(previousDir: string, releaseDir: string): Promise<void> {
  // Release folders are outside the project: the ignore comments keep the build's file tracer from
  // reading these joins as "any file of the project" and copying all of it into the server bundle.
  for (const top of SEARCH_DIRS) {
    const files = await filesUnder(path.join(/*turbopackIgnore: true*/ previousDir, top));
    await forEachLimited(files, READ_CONCURRENCY, (rel) =>
      linkOrCopy(path.join(/*turbopackIgnore: true*/ previousDir, top, rel), path.join(/*turbopackIgnore: true*/ releaseDir, top, rel)),
    );
  }
}
