// next-auth answers every refused credentials sign-in with 401 and the refusal message in the
// error URL it returns. A refusal that is about load rather than the credentials (the server is busy,
// or the attempt was throttled) should say so in HTTP too: 429 with Retry-After. The body is kept as
// it is, so the sign-in form still finds the Chinese message where next-auth puts it.

/** The same response, as 429 with Retry-After when its error message is one of `retryAfterSeconds`. */
export async function withRateLimitStatus(response: Response, retryAfterSeconds: ReadonlyMap<string, number>): Promise<Response> {
  if (response.status !== 401 || !response.headers.get('content-type')?.includes('application/json')) return response;
  const body = await response.clone().text();
  let url: unknown;
  try {
    url = (JSON.parse(body) as { url?: unknown }).url;
  } catch {
    return response;
  }
  if (typeof url !== 'string' || !URL.canParse(url)) return response;
  const seconds = retryAfterSeconds.get(new URL(url).searchParams.get('error') ?? '');
  if (seconds === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set('Retry-After', String(seconds));
  return new Response(body, { status: 429, statusText: 'Too Many Requests', headers });
}
