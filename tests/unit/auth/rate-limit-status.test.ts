import { describe, expect, it } from 'vitest';
import { withRateLimitStatus } from '@/lib/auth/rate-limit-status';

const BUSY = '服务器繁忙，请稍后再试。';
const RETRY = new Map([[BUSY, 5]]);

/** What next-auth answers a refused credentials sign-in made by the form (json=true). */
function refusal(message: string, init: ResponseInit = {}): Response {
  const url = `http://localhost:3000/api/auth/error?error=${encodeURIComponent(message)}`;
  const headers = new Headers({ 'content-type': 'application/json' });
  headers.append('set-cookie', 'next-auth.csrf-token=abc; Path=/');
  return new Response(JSON.stringify({ url }), { status: 401, headers, ...init });
}

/** What the sign-in form does with the answer (next-auth/react's signIn): the error from the URL. */
async function formError(response: Response): Promise<string | null> {
  const data = (await response.json()) as { url: string };
  return new URL(data.url).searchParams.get('error');
}

describe('the HTTP status of a refused sign-in', () => {
  it('a busy server answers 429 with Retry-After, and the form still gets the Chinese message', async () => {
    const response = await withRateLimitStatus(refusal(BUSY), RETRY);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.getSetCookie()).toEqual(['next-auth.csrf-token=abc; Path=/']);
    expect(await formError(response)).toBe(BUSY);
  });

  it('wrong credentials stay 401', async () => {
    const response = await withRateLimitStatus(refusal('邮箱或密码不正确。'), RETRY);
    expect(response.status).toBe(401);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await formError(response)).toBe('邮箱或密码不正确。');
  });

  it('leaves everything else alone: redirects, successes, bodies that are not JSON', async () => {
    const redirect = new Response(null, { status: 302, headers: { location: `/sign-in?error=${encodeURIComponent(BUSY)}` } });
    expect((await withRateLimitStatus(redirect, RETRY)).status).toBe(302);
    const success = new Response(JSON.stringify({ url: 'http://localhost:3000/admin' }), { status: 200, headers: { 'content-type': 'application/json' } });
    expect((await withRateLimitStatus(success, RETRY)).status).toBe(200);
    const broken = new Response('not json', { status: 401, headers: { 'content-type': 'application/json' } });
    expect((await withRateLimitStatus(broken, RETRY)).status).toBe(401);
  });
});
