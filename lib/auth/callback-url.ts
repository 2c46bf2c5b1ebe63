// Where to go after signing in or out. The value arrives from a query string or a form field, so
// anyone can write it: only a path on this site is accepted, in the normalised form the URL parser
// gives, so a browser cannot read it as another host ("//x", "/\x", "/\t/x" all name another site).

/** Longer values are refused outright rather than parsed: no legitimate path here comes close. */
export const MAX_CALLBACK_URL_LENGTH = 2048;

// Control characters are dropped by browsers inside URLs and backslashes read as slashes, so
// "/\t/evil" and "/\evil" both become "//evil". No real path here contains either.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/u;

/**
 * The path, query and fragment of `value` if it names a page on `origin`, else null. Accepts a
 * path ("/admin/cases?x=1#y") or an absolute URL on the same origin (next-auth's client sends the
 * current page's full address).
 */
export function sameOriginPath(value: unknown, origin: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CALLBACK_URL_LENGTH) return null;
  if (UNSAFE_CHARACTERS.test(value)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    // A relative value must be a path; "https:evil" would otherwise resolve against the base.
    url = value.startsWith('/') ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  // Encoded forms ("/%5Cevil", "/%2F/evil", "/%09/evil") must not decode, here or in whatever
  // handles the path next, into one of the forms above; nor may dot segments collapse to "//evil".
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.startsWith('//') || UNSAFE_CHARACTERS.test(decoded)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's target: a same-site path, or the admin home. */
export function signInCallbackPath(value: string | string[] | undefined, origin: string): string {
  return sameOriginPath(Array.isArray(value) ? value[0] : value, origin) ?? '/admin';
}
