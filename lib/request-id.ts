// The request id ties the log lines of one request together and is echoed to the client (and to a
// reverse proxy's own logs) as X-Request-Id. No database, no Next.js: proxy.ts and lib/log.ts share it.

export const REQUEST_ID_HEADER = 'x-request-id';

// Letters, digits and hyphens only, so an id a client chooses cannot forge or break a log line.
const WELL_FORMED = /^[A-Za-z0-9-]{1,64}$/u;

interface HeaderSource {
  get(name: string): string | null;
}

/** The request's id if it carries a well-formed one (≤ 64 of [A-Za-z0-9-]), otherwise undefined. */
export function requestIdFrom(headers: HeaderSource): string | undefined {
  const value = headers.get(REQUEST_ID_HEADER)?.trim();
  return value && WELL_FORMED.test(value) ? value : undefined;
}

/**
 * Keeps a well-formed incoming id (a reverse proxy in front may have assigned it, so its logs and
 * ours correlate) and otherwise makes a new one. A client can choose its own id this way: that
 * only labels its own requests.
 */
export function ensureRequestId(headers: HeaderSource): string {
  return requestIdFrom(headers) ?? crypto.randomUUID();
}
