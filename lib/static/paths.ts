// Where each public URL lives inside a snapshot release, and how a static server finds it again.
// One rule for both directions: the generator writes with fileForUrl(), and nginx's
// `try_files $uri $uri/index.html $uri.json =404` (lib/static/nginx.conf.template), the link
// checker and the tests' static server read with fileCandidates(). Links in the pages stay as the
// app writes them (/issues/3, /api/public/issues), so nothing in a page is rewritten.

/** The page a static server answers with when no file matches. */
export const NOT_FOUND_FILE = '404.html';
/** The nginx include that turns renumbered issues' old addresses into 301s. */
export const REDIRECTS_CONF_FILE = '_redirects.nginx.conf';
/** Every URL of the release and its fingerprint, for the next incremental run. */
export const RELEASE_MANIFEST_FILE = '_manifest.json';

const API_PREFIX = '/api/public/';

/**
 * The path segments of a URL path, decoded; null for anything that could leave the release folder
 * or that no public URL looks like (empty or dot segments, backslashes, control characters).
 */
function segmentsOf(pathname: string): string[] | null {
  if (!pathname.startsWith('/') || pathname.startsWith('//')) return null;
  if (pathname === '/') return [];
  const raw = pathname.slice(1).replace(/\/$/u, '').split('/');
  const out: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[\\/\u0000-\u001f\u007f]/u.test(segment)) return null;
    out.push(segment);
  }
  return out;
}

/** Whether the last segment names a file (feed.xml, a hashed .css) rather than a page. */
function looksLikeFile(segments: string[]): boolean {
  return segments.length > 0 && segments[segments.length - 1]!.includes('.');
}

/**
 * The release-relative file a URL path is written to: `/` → index.html, `/issues/3` →
 * issues/3/index.html, `/api/public/cases/12` → api/public/cases/12.json, `/feed.xml` and assets
 * as they are. Throws on a path that could escape the release.
 */
export function fileForUrl(pathname: string): string {
  const segments = segmentsOf(pathname);
  if (segments === null) throw new Error(`不能写入快照的地址：${pathname}`);
  if (segments.length === 0) return 'index.html';
  const joined = segments.join('/');
  if (pathname.startsWith(API_PREFIX) && !looksLikeFile(segments)) return `${joined}.json`;
  return looksLikeFile(segments) ? joined : `${joined}/index.html`;
}

/** The files a static server tries for a URL path, in try_files order; empty if it is not servable. */
export function fileCandidates(pathname: string): string[] {
  const segments = segmentsOf(pathname);
  if (segments === null) return [];
  if (segments.length === 0) return ['index.html'];
  const joined = segments.join('/');
  return [joined, `${joined}/index.html`, `${joined}.json`];
}

/**
 * The path a link points to if it stays on the site: root-relative (`/issues/3`), relative to the
 * page it is on, or absolute on the site's own origin (`https://cases.example.gov.cn/issues/3`).
 * Query and fragment are dropped; other origins, mailto: and data: give null.
 */
export function internalPath(href: string, siteUrl: string, fromPath = '/'): string | null {
  const origin = new URL(siteUrl).origin;
  let url: URL;
  try {
    url = new URL(href.trim(), `${origin}${fromPath}`);
  } catch {
    return null;
  }
  return url.origin === origin ? url.pathname : null;
}
