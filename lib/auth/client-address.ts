import { isIP } from 'node:net';

// Which address a sign-in attempt came from, for the throttle and the audit log.
//
// What Next.js 16 offers: a route handler gets no socket address at all. Its server fills in
// X-Forwarded-For with the peer's address only when the request arrived without one
// (`??=` in next/dist/server/base-server.js); a header the client sent is passed on unchanged and
// nothing is appended. So the header is all there is, and which entry to believe depends on what
// stands in front of the app: CASEBOOK_TRUSTED_PROXIES is the number of reverse proxies that each
// append the address they received the request from (nginx `$proxy_add_x_forwarded_for`).
//
// - 0 (the default, clients reach the app directly): the rightmost entry. It is the socket address
//   Next.js wrote, unless the client sent the header itself; then it is only the client's claim,
//   and the per-account limit, which does not depend on the address, is what holds.
// - N: the Nth entry from the right, the one the outermost proxy appended. Everything to its left
//   was written by the client and is ignored. The app must then be reachable only through them.
//
// X-Real-IP is never read: Next.js does not set it, so it is whatever the client says.

/** An IP address as one string per host: no port, no brackets, IPv4-mapped IPv6 as plain IPv4. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/u.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/u.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : null;
}

type Headers = Record<string, string | string[] | undefined> | undefined;

export function clientAddressOf(headers: Headers, trustedProxies: number): string | null {
  const raw = headers?.['x-forwarded-for'];
  // Repeated headers are one list, in order (the Fetch API joins them the same way).
  const entries = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies: the request skipped some; the leftmost is the furthest one recorded.
  const fromRight = Math.max(trustedProxies, 1);
  const chosen = entries[Math.max(entries.length - fromRight, 0)]!;
  return normalizeAddress(chosen);
}
