import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { requestIdFrom } from '@/lib/request-id';
import { proxy } from '@/proxy';

// Every request carries an id that its log lines share and that the client (and a reverse proxy's
// own logs) see in X-Request-Id. An id a client sends is kept only when it cannot break a log line.

// A plain lookup rather than Headers, which itself refuses some of these values before we could.
const headers = (value?: string) => ({ get: (name: string) => (name === 'x-request-id' ? (value ?? null) : null) });
const run = (init: Record<string, string> = {}, path = '/admin/issues') => proxy(new NextRequest(`http://localhost${path}`, { headers: init }));
const renderedWith = (response: Response) => response.headers.get('x-middleware-request-x-request-id');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

describe('requestIdFrom', () => {
  it('accepts up to 64 letters, digits and hyphens', () => {
    expect(requestIdFrom(headers('3f2a-9C-lb01'))).toBe('3f2a-9C-lb01');
    expect(requestIdFrom(headers('a'.repeat(64)))).toBe('a'.repeat(64));
  });

  it('refuses anything else: missing, empty, too long, spaces, quotes, line breaks, non-ASCII', () => {
    for (const bad of [undefined, '', 'a'.repeat(65), 'id with space', 'id"}', 'abc\ndef', ' padded '.repeat(2), 'x_y', '请求一']) {
      expect(requestIdFrom(headers(bad))).toBeUndefined();
    }
  });

  it('is linear on long hostile input', () => {
    const started = performance.now();
    expect(requestIdFrom(headers(`${'a-'.repeat(50_000)}!`))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('proxy request id', () => {
  it('gives each request a fresh id, on the request the server renders and on the response', () => {
    for (const path of ['/admin/issues', '/cases/3', '/api/auth/callback/credentials']) {
      const response = run({}, path);
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(renderedWith(response)).toBe(id);
    }
    expect(run().headers.get('x-request-id')).not.toBe(run().headers.get('x-request-id'));
  });

  it('keeps a well-formed id from upstream and replaces a malformed one', () => {
    const kept = run({ 'x-request-id': 'lb-7f3a9c' });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a9c');
    expect(renderedWith(kept)).toBe('lb-7f3a9c');
    const replaced = run({ 'x-request-id': 'forged"}{"level":"fatal' });
    expect(replaced.headers.get('x-request-id')).toMatch(UUID);
    expect(renderedWith(replaced)).toBe(replaced.headers.get('x-request-id'));
  });
});
