import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, pageKind, securityHeaders } from '@/lib/security/headers';

/** The CSP as a map from directive to its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/u))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const NONCE = 'AAECAwQFBgcICQoLDA0ODxAR';
const base = { https: false, development: false };

describe('which pages are private', () => {
  it.each(['/admin', '/admin/', '/admin/cases/3', '/admin/issues/2/publish', '/sign-in', '/sign-in?callbackUrl=/admin', '/%61dmin/cases'])('%s is private', (path) => {
    expect(pageKind(path.split('?')[0]!)).toBe('private');
  });
  it.each(['/', '/cases/3', '/issues/1', '/search', '/administration', '/sign-inx', '/api/public/issues', '/feed.xml', '/%E0%A4%A'])('%s is public', (path) => {
    expect(pageKind(path)).toBe('public');
  });
});

describe('security headers', () => {
  it('give the admin a nonce-only script policy that nobody may frame', () => {
    const headers = securityHeaders({ ...base, pathname: '/admin/issues/1', nonce: NONCE });
    const csp = directives(headers['Content-Security-Policy']);
    expect(csp.get('script-src')).toContain(`'nonce-${NONCE}'`);
    expect(csp.get('script-src')).toContain("'strict-dynamic'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(headers['X-Frame-Options']).toBe('DENY');
  });

  it('give the sign-in page the same protection as the admin', () => {
    const headers = securityHeaders({ ...base, pathname: '/sign-in', nonce: NONCE });
    expect(directives(headers['Content-Security-Policy']).get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers['X-Frame-Options']).toBe('DENY');
  });

  it('refuse to build a private policy without a nonce, rather than one that blocks every script', () => {
    expect(() => securityHeaders({ ...base, pathname: '/admin' })).toThrow();
  });

  it('give the cached public pages a policy without a nonce that only this site may frame', () => {
    const headers = securityHeaders({ ...base, pathname: '/cases/3' });
    const csp = directives(headers['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).not.toContain('nonce-');
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(headers['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it.each(['/', '/cases/3', '/admin', '/sign-in', '/api/public/issues'])('always include nosniff, the referrer policy and a permissions policy on %s', (pathname) => {
    const headers = securityHeaders({ ...base, pathname, nonce: NONCE });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/u);
    expect(headers['Permissions-Policy']).toMatch(/geolocation=\(\)/u);
  });

  it('send HSTS and upgrade requests only when the site address is https', () => {
    for (const pathname of ['/', '/admin']) {
      const secure = securityHeaders({ ...base, https: true, pathname, nonce: NONCE });
      expect(secure['Strict-Transport-Security']).toMatch(/^max-age=31536000\b/u);
      expect(directives(secure['Content-Security-Policy']).has('upgrade-insecure-requests')).toBe(true);
      const plain = securityHeaders({ ...base, https: false, pathname, nonce: NONCE });
      expect(plain['Strict-Transport-Security']).toBeUndefined();
      expect(directives(plain['Content-Security-Policy']).has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it("allow eval only in development, where React's overlays need it", () => {
    const dev = contentSecurityPolicy('private', { ...base, development: true, nonce: NONCE });
    expect(directives(dev).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy('public', base)).get('script-src')).not.toContain("'unsafe-eval'");
  });
});

describe('nonces', () => {
  it('are fresh, long enough and in the form Next.js reads from the CSP header', () => {
    const seen = new Set(Array.from({ length: 1000 }, createNonce));
    expect(seen.size).toBe(1000);
    for (const nonce of seen) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/u);
  });
});
