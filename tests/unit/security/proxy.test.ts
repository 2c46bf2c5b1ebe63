import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

// What Next.js does with the proxy's answer: response headers go to the browser; request headers
// set through NextResponse.next({ request }) are what the page renders with (Next.js reads the
// script nonce from the request's Content-Security-Policy header).

const run = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost${path}`, { headers }));
const renderedWith = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const overridden = (response: Response) => (response.headers.get('x-middleware-override-headers') ?? '').split(',').filter(Boolean);
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/u.exec(csp ?? '')?.[1];

describe('proxy', () => {
  it('renders the admin with the same nonce it sends to the browser, fresh on each request', () => {
    const first = run('/admin/issues');
    const csp = first.headers.get('content-security-policy');
    expect(nonceOf(csp)).toBeTruthy();
    expect(renderedWith(first, 'content-security-policy')).toBe(csp);
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(nonceOf(run('/admin/issues').headers.get('content-security-policy'))).not.toBe(nonceOf(csp));
  });

  it('does the same for the sign-in page', () => {
    const response = run('/sign-in');
    expect(nonceOf(renderedWith(response, 'content-security-policy'))).toBe(nonceOf(response.headers.get('content-security-policy')));
  });

  it('replaces a nonce a client puts in its own request on the admin', () => {
    const response = run('/admin', { 'content-security-policy': "script-src 'nonce-chosen-by-client'" });
    expect(renderedWith(response, 'content-security-policy')).not.toContain('chosen-by-client');
    expect(response.headers.get('content-security-policy')).not.toContain('chosen-by-client');
  });

  it('strips a client-chosen CSP from requests for public pages, which are rendered into a shared cache', () => {
    for (const header of ['content-security-policy', 'content-security-policy-report-only']) {
      const response = run('/cases/3', { accept: 'text/html', [header]: "script-src 'nonce-chosen-by-client'" });
      // The page renders with the request's headers replaced by this list: the CSP is not on it.
      expect(overridden(response)).toContain('accept');
      expect(overridden(response)).not.toContain(header);
      expect(renderedWith(response, header)).toBeNull();
    }
  });

  it('leaves ordinary public requests untouched but for their request id, and adds the public headers', () => {
    const response = run('/issues/1');
    expect(overridden(response)).toEqual(['x-request-id']);
    expect(response.headers.get('content-security-policy')).not.toContain('nonce-');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
