// Visits every public route by calling the pages, metadata, route handlers and API exactly as
// Next.js would, and collects everything they would send. Used by the leak test.
import { notFoundMetadata } from '@/components/site/not-found-page';
import { serialYear } from '@/lib/content/serial';
import { THEMES } from '@/lib/content/themes';
import { listProvinces } from '@/lib/regions';
import { renderText } from './render';

export type Outcome = { status: 200; text: string } | { status: 404 } | { status: 308; location: string };

function digestOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'digest' in error ? String((error as { digest: unknown }).digest) : '';
}

/** Runs a page or metadata function; Next's notFound()/redirect() and the not-found metadata become statuses. */
export async function visit(run: () => unknown): Promise<Outcome> {
  try {
    const value = await run();
    // Public pages answer a missing or unpublished address with the not-found page's own metadata.
    if (value === notFoundMetadata) return { status: 404 };
    const text = isResponse(value) ? await value.text() : typeof value === 'object' && value !== null && !('$$typeof' in value) ? JSON.stringify(value) : await renderText(value);
    return { status: 200, text };
  } catch (error) {
    const digest = digestOf(error);
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { status: 404 };
    if (digest.startsWith('NEXT_REDIRECT')) return { status: 308, location: digest.split(';')[2] ?? '' };
    throw error;
  }
}

function isResponse(value: unknown): value is Response {
  return value instanceof Response;
}

async function response(res: Response): Promise<Outcome> {
  if (res.status === 404) return { status: 404 };
  if (res.status >= 300 && res.status < 400) return { status: 308, location: res.headers.get('location') ?? '' };
  return { status: 200, text: await res.text() };
}

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

export async function crawlPublicSite(input: { issueNumbers: number[]; caseIds: number[]; queries: string[] }): Promise<Map<string, Outcome>> {
  const home = await import('@/app/(site)/page');
  const issuePage = await import('@/app/(site)/issues/[number]/page');
  const serialPage = await import('@/app/(site)/issues/[number]/[yearNumber]/page');
  const casePage = await import('@/app/(site)/cases/[id]/page');
  const regions = await import('@/app/(site)/regions/page');
  const province = await import('@/app/(site)/regions/[code]/page');
  const themes = await import('@/app/(site)/themes/page');
  const themePage = await import('@/app/(site)/themes/[slug]/page');
  const themePaged = await import('@/app/(site)/themes/[slug]/[page]/page');
  const search = await import('@/app/(site)/search/page');
  const feed = await import('@/app/feed.xml/route');
  const sitemap = await import('@/app/sitemap');
  const robots = await import('@/app/robots');
  const apiIssues = await import('@/app/api/public/issues/route');
  const apiIssue = await import('@/app/api/public/issues/[number]/route');
  const apiCase = await import('@/app/api/public/cases/[id]/route');
  const apiSearch = await import('@/app/api/public/search/route');

  const seen = new Map<string, Outcome>();
  const add = async (url: string, run: () => unknown) => seen.set(url, await visit(run));
  const api = async (url: string, run: () => Promise<Response>) => seen.set(url, await response(await run()));

  await add('/', () => home.default());
  await add('/ (metadata)', () => home.metadata);
  await add('/regions', () => regions.default());
  await add('/themes', () => themes.default());
  // Every theme's first page, and its second (a 404 unless the theme has more than a page of cases).
  for (const { slug } of THEMES) {
    await add(`/themes/${slug}`, () => themePage.default(params({ slug })));
    await add(`/themes/${slug} (metadata)`, () => themePage.generateMetadata(params({ slug })));
    await add(`/themes/${slug}/2`, () => themePaged.default(params({ slug, page: '2' })));
  }
  for (const p of listProvinces()) {
    await add(`/regions/${p.code}`, () => province.default(params({ code: p.code })));
    await add(`/regions/${p.code} (metadata)`, () => province.generateMetadata(params({ code: p.code })));
  }
  for (const n of input.issueNumbers) {
    await add(`/issues/${n}`, () => issuePage.default(params({ number: String(n) })));
    await add(`/issues/${n} (metadata)`, () => issuePage.generateMetadata(params({ number: String(n) })));
    await api(`/api/public/issues/${n}`, () => apiIssue.GET(new Request(`http://test/api/public/issues/${n}`), params({ number: String(n) })));
  }
  // Serial addresses (/issues/<year>/<number within it>) of this year: a redirect for each published issue, else a 404.
  const year = String(serialYear(new Date()));
  for (let n = 1; n <= input.issueNumbers.length + 2; n++) {
    await add(`/issues/${year}/${n}`, () => serialPage.default(params({ number: year, yearNumber: String(n) })));
    await add(`/issues/${year}/${n} (metadata)`, () => serialPage.generateMetadata(params({ number: year, yearNumber: String(n) })));
  }
  for (const id of input.caseIds) {
    await add(`/cases/${id}`, () => casePage.default(params({ id: String(id) })));
    await add(`/cases/${id} (metadata)`, () => casePage.generateMetadata(params({ id: String(id) })));
    await api(`/api/public/cases/${id}`, () => apiCase.GET(new Request(`http://test/api/public/cases/${id}`), params({ id: String(id) })));
  }
  for (const q of ['', ...input.queries]) {
    const sp = Promise.resolve({ q });
    await add(`/search?q=${q}`, () => search.default({ searchParams: sp }));
    await add(`/search?q=${q} (metadata)`, () => search.generateMetadata({ searchParams: sp }));
    await api(`/api/public/search?q=${q}`, () => apiSearch.GET(new Request(`http://test/api/public/search?q=${encodeURIComponent(q)}`)));
  }
  await api('/feed.xml', () => feed.GET());
  await add('/sitemap.xml', () => sitemap.default());
  await add('/robots.txt', () => robots.default());
  await api('/api/public/issues', () => apiIssues.GET());
  return seen;
}
