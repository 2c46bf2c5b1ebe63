// The search script's files as the snapshot serves them: the browser runs the repository's own
// modules (the tokenizer, query reading and snippet code the app uses), copied under _static/ with
// their relative layout. They are served as .js, a type every static server and object store knows
// (a module script with another Content-Type is refused by the browser); only the import
// specifiers are renamed to match.
import fs from 'node:fs';
import path from 'node:path';
import type { StaticFile } from './build';

/**
 * The script's modules, by their paths in the repository. The standalone server reads them at run
 * time, so next.config.ts must trace them (outputFileTracingIncludes).
 */
export const STATIC_SEARCH_SOURCES = [
  'lib/static/search/browser.mjs',
  'lib/static/search/engine.mjs',
  'lib/static/search/codec.mjs',
  'lib/static/search/match.mjs',
  'lib/static/search/view.mjs',
  'lib/static/search/dom.mjs',
  'lib/search/tokens.mjs',
  'lib/search/query.mjs',
  'lib/public/snippet.mjs',
] as const;

/** Where a source is served from in the snapshot. */
export function staticAssetPath(source: string): string {
  return `_static/${source.replace(/\.mjs$/u, '.js')}`;
}

/** The one tag the snapshot's search page needs (before </body>). */
export const STATIC_SEARCH_SCRIPT_TAG = `<script type="module" src="/${staticAssetPath(STATIC_SEARCH_SOURCES[0])}"></script>`;

/** A module's text with its relative module specifiers ('./codec.mjs') renamed to .js. */
export function servedModuleText(source: string): string {
  return source.replace(/('\.{1,2}\/[^'\n]*)\.mjs'/gu, "$1.js'");
}

/** The script's files for a release; `root` is where the repository (or the standalone server) is. */
export function staticSearchAssets(root: string = process.cwd()): StaticFile[] {
  return STATIC_SEARCH_SOURCES.map((source) => {
    // The tracer would otherwise take path.join(process.cwd(), …) for a read of the whole project.
    const file = path.join(/*turbopackIgnore: true*/ root, source);
    if (!fs.existsSync(file)) throw new Error(`找不到检索脚本文件 ${file}：独立部署的服务器需要在 next.config.ts 的 outputFileTracingIncludes 中带上它。`);
    return { path: staticAssetPath(source), body: servedModuleText(fs.readFileSync(file, 'utf8')) };
  });
}
