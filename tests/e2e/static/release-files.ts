import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cssUrls } from '@/lib/static/css';
import { referencedUrls } from '@/lib/static/html';
import { fileCandidates, internalPath, NOT_FOUND_FILE } from '@/lib/static/paths';

// Reading a snapshot release as a static host would: the files it holds, the URL each one answers,
// a tiny node:http server with nginx's try_files rule, and a link checker.

/** Every file of the release, as paths relative to it. */
export function releaseFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** The URL path a file answers: issues/1/index.html → /issues/1, api/public/cases/1.json → /api/public/cases/1. */
export function urlOfFile(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'/index.html'.length)}`;
  if (rel.startsWith('api/public/') && rel.endsWith('.json')) return `/${rel.slice(0, -'.json'.length)}`;
  return `/${rel}`;
}

/** The release file a URL path resolves to, by the snapshot's try_files rule, or null. */
export function resolveInRelease(dir: string, urlPath: string): string | null {
  for (const candidate of fileCandidates(urlPath)) {
    const full = path.join(dir, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves the release as nginx would with the example configuration (404.html for anything missing). */
export async function serveRelease(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let urlPath = '/';
    try {
      urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      // Served as a miss below.
    }
    const found = resolveInRelease(dir, urlPath);
    const file = found ?? NOT_FOUND_FILE;
    res.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(path.join(dir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every string value in a JSON document. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) jsonStrings(item, out);
  return out;
}

/** What a file refers to: links, assets, form targets; in feeds and sitemaps, hrefs and <loc>s. */
function referencesOf(rel: string, text: string): string[] {
  if (rel.endsWith('.html')) return referencedUrls(text);
  if (rel.endsWith('.css')) return cssUrls(text);
  if (rel.endsWith('.xml')) return [...text.matchAll(/(?:href="([^"]*)"|<loc>([^<]*)<\/loc>)/gu)].map((m) => (m[1] ?? m[2] ?? '').replace(/&amp;/gu, '&'));
  if (rel.endsWith('.json')) return jsonStrings(JSON.parse(text)).filter((s) => s.startsWith('/') || /^https?:\/\//u.test(s));
  if (rel.endsWith('.txt')) return [...text.matchAll(/^Sitemap:\s*(\S+)/gmu)].map((m) => m[1]!);
  return [];
}

/**
 * Every internal reference in the release's pages, feeds, sitemap, data and stylesheets that does
 * not resolve to a file of the release, as "file → reference"; empty when every link works.
 */
export function brokenLinks(dir: string, siteUrl: string): { checked: number; broken: string[] } {
  const broken: string[] = [];
  let checked = 0;
  for (const rel of releaseFiles(dir)) {
    if (!/\.(html|css|xml|json|txt)$/u.test(rel) || rel.startsWith('_search/') || rel === '_manifest.json') continue;
    const from = urlOfFile(rel);
    for (const ref of referencesOf(rel, fs.readFileSync(path.join(dir, rel), 'utf8'))) {
      const target = internalPath(ref, siteUrl, from);
      if (target === null) continue;
      checked++;
      if (resolveInRelease(dir, target) === null) broken.push(`${rel} → ${ref}`);
    }
  }
  return { checked, broken };
}
