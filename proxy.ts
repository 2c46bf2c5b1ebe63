import { NextResponse, type NextRequest } from 'next/server';
import { appUrl } from '@/lib/env';
import { ensureRequestId, REQUEST_ID_HEADER } from '@/lib/request-id';
import { createNonce, pageKind, securityHeaders } from '@/lib/security/headers';

// Every response gets its security headers here rather than in next.config.ts `headers()`: those
// are fixed when the app is built, while HSTS depends on the site address given at start-up, and
// the admin's CSP needs a fresh nonce per request. Authorization is not decided here (see
// lib/admin/session.ts and the services).

let https: boolean | undefined;

function siteIsHttps(): boolean {
  if (https === undefined) {
    try {
      https = appUrl().startsWith('https://');
    } catch {
      // Start-up refuses a missing or invalid address; never fail a request over it here.
      https = false;
    }
  }
  return https;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const nonce = pageKind(pathname) === 'private' ? createNonce() : undefined;
  const headers = securityHeaders({ pathname, nonce, https: siteIsHttps(), development: process.env.NODE_ENV === 'development' });
  // Next.js takes the script nonce from the request's CSP header, so a client must not choose it.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete('content-security-policy');
  requestHeaders.delete('content-security-policy-report-only');
  if (nonce) requestHeaders.set('content-security-policy', headers['Content-Security-Policy']);
  // Server code logs with this id (lib/log.ts requestLogger); the client and proxies see it too.
  const requestId = ensureRequestId(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) if (value) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
