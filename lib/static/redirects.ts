// Renumbered issues keep their old addresses working in the snapshot two ways: a page at the old
// path that forwards the reader (works on any static host, see redirectPage in ./html.ts), and an
// nginx include that answers a real 301, as the app answers 308.

export interface Redirect {
  from: string;
  to: string;
}

/** Paths as the manifest allows them; anything else must never reach an nginx configuration. */
const SAFE_PATH = /^\/[A-Za-z0-9._/-]*$/u;

/**
 * The `_redirects.nginx.conf` include (inside the server block, see lib/static/nginx.conf.template):
 * one exact-match location per old address, with and without the trailing slash. nginx reads it
 * when it loads its configuration, so run `nginx -s reload` after a publish that renumbers an issue;
 * until then the forwarding pages do the job.
 */
export function nginxRedirects(redirects: readonly Redirect[]): string {
  const lines = ['# 由 Casebook 生成：期号调整后旧地址的永久重定向。每次生成都会覆盖，请勿手工修改。'];
  for (const { from, to } of redirects) {
    if (!SAFE_PATH.test(from) || !SAFE_PATH.test(to)) throw new Error(`重定向地址含有不允许的字符：${from} → ${to}`);
    lines.push(`location = ${from} { return 301 ${to}; }`);
    if (!from.endsWith('/')) lines.push(`location = ${from}/ { return 301 ${to}; }`);
  }
  return `${lines.join('\n')}\n`;
}
