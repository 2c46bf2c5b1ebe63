import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CALLBACK_URL_LENGTH, sameOriginPath, signInCallbackPath } from '@/lib/auth/callback-url';

const ORIGIN = 'https://cases.example.gov.cn';

/** Where a browser actually goes when handed this value as a link or by router.replace. */
const destination = (path: string) => new URL(path, ORIGIN);

describe('the callback URL after signing in', () => {
  // Each of these has sent someone to another site from a sign-in page somewhere; most of them
  // start with "/" and so passed the old startsWith('/') && !startsWith('//') check.
  const bypasses = [
    '//evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\\\\evil.example',
    '\\\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '/ad\tmin',
    '\t//evil.example',
    '/.//evil.example',
    '/admin/../..//evil.example',
    '/%2e%2e//evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://evil.example',
    'https://evil.example/admin',
    'https:evil.example',
    'https:/evil.example',
    'http:evil.example',
    '//cases.example.gov.cn@evil.example',
    'https://cases.example.gov.cn@evil.example/',
    'https://user:pass@cases.example.gov.cn/admin',
    'https://cases.example.gov.cn.evil.example/admin',
    'http://cases.example.gov.cn/admin',
    '/%E0%A4%A',
    'evil.example',
    '',
  ];

  it.each(bypasses)('refuses %j', (value) => {
    expect(sameOriginPath(value, ORIGIN)).toBeNull();
    expect(signInCallbackPath(value, ORIGIN)).toBe('/admin');
  });

  it.each([
    ['/x', '/x'],
    ['/admin', '/admin'],
    ['/admin/cases?x=1#y', '/admin/cases?x=1#y'],
    ['/admin/cases?q=教育&status=draft', '/admin/cases?q=%E6%95%99%E8%82%B2&status=draft'],
    ['/admin/cases?q=%E6%95%99%E8%82%B2', '/admin/cases?q=%E6%95%99%E8%82%B2'],
    ['/admin/./cases/../issues', '/admin/issues'],
    ['/search?q=a//b', '/search?q=a//b'],
    ['https://cases.example.gov.cn/admin/cases/3', '/admin/cases/3'],
  ])('keeps the same-site path %j as %j', (value, expected) => {
    expect(sameOriginPath(value, ORIGIN)).toBe(expected);
    expect(signInCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it('falls back to the admin home when there is no callback, or it came twice', () => {
    expect(signInCallbackPath(undefined, ORIGIN)).toBe('/admin');
    expect(signInCallbackPath(['/admin/issues', '//evil.example'], ORIGIN)).toBe('/admin/issues');
    expect(signInCallbackPath(['//evil.example', '/admin/issues'], ORIGIN)).toBe('/admin');
  });

  it('refuses very long values quickly', () => {
    expect(sameOriginPath(`/${'a'.repeat(MAX_CALLBACK_URL_LENGTH)}`, ORIGIN)).toBeNull();
    expect(sameOriginPath(`/${'a'.repeat(MAX_CALLBACK_URL_LENGTH - 2)}`, ORIGIN)).not.toBeNull();
    const start = performance.now();
    expect(sameOriginPath(`/${'%2F'.repeat(1_000_000)}`, ORIGIN)).toBeNull();
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('never returns anything a browser resolves to another site', () => {
    const pieces = fc.constantFrom('/', '\\', '//', '%2F', '%5C', '%09', '\t', '\n', '.', '..', '@', ':', 'evil.example', 'admin', '?', '#', 'https:', 'javascript:', ' ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const value = parts.join('');
        const path = sameOriginPath(value, ORIGIN);
        if (path === null) return;
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//')).toBe(false);
        expect(destination(path).origin).toBe(ORIGIN);
        // The result is stable: passing it through the rule again changes nothing.
        expect(sameOriginPath(path, ORIGIN)).toBe(path);
      }),
      { numRuns: 2000 },
    );
  });
});
