// The security headers of every response, decided in one place (proxy.ts applies them).
//
// Two kinds of page. The admin and the sign-in page are rendered per request, so their scripts are
// allowed by a per-request nonce (Next.js reads it from the request's CSP header and puts it on its
// own scripts) and they may not be framed by anyone: the publish button must not be clickjackable.
// The public reading pages are served from a shared cache, and a per-request nonce would force each
// one to be rendered again; Next.js writes its page data as inline scripts, so script-src there
// needs 'unsafe-inline'. That is acceptable because public pages render no user HTML (bodies are
// plain text) and run no script of ours.
// Styles allow 'unsafe-inline' everywhere: React style attributes cannot carry a nonce.

export type PageKind = 'private' | 'public';

export interface SecurityHeaderOptions {
  pathname: string;
  /** Required for private pages: a fresh random value for each request. */
  nonce?: string;
  /** The configured site address is https: add HSTS and upgrade any stray http subresource. */
  https: boolean;
  /** `next dev` needs eval for React's error overlays; production never does. */
  development: boolean;
}

const PRIVATE_PREFIXES = ['/admin', '/sign-in'];

export function pageKind(pathname: string): PageKind {
  // "/%61dmin" may still reach the admin: classify the decoded path.
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Not decodable, so not routable to a private page either.
  }
  return PRIVATE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`)) ? 'private' : 'public';
}

/** 18 random bytes: 144 bits, base64 without padding, as the CSP nonce grammar allows. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

export function contentSecurityPolicy(kind: PageKind, { nonce, https, development }: Omit<SecurityHeaderOptions, 'pathname'>): string {
  if (kind === 'private' && !nonce) throw new Error('private pages need a nonce');
  const evalSource = development ? " 'unsafe-eval'" : '';
  // 'strict-dynamic' lets the nonced scripts load Next's chunks; 'self' is only for old browsers.
  const scripts = kind === 'private' ? `'self' 'nonce-${nonce}' 'strict-dynamic'${evalSource}` : `'self' 'unsafe-inline'${evalSource}`;
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Public pages may be framed by this site only; private ones by nobody.
    `frame-ancestors ${kind === 'private' ? "'none'" : "'self'"}`,
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

// A type alias rather than an interface, so that Object.entries keeps the value type.
export type SecurityHeaders = {
  'Content-Security-Policy': string;
  'X-Content-Type-Options': string;
  'Referrer-Policy': string;
  'X-Frame-Options': string;
  'Permissions-Policy': string;
  'Strict-Transport-Security'?: string;
};

export function securityHeaders(options: SecurityHeaderOptions): SecurityHeaders {
  const kind = pageKind(options.pathname);
  const headers: SecurityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(kind, options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': kind === 'private' ? 'DENY' : 'SAMEORIGIN',
    // Nothing here uses these; a script injected some day should not either.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  // Over plain http the header is ignored, and it would pin a host that later loses https.
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
