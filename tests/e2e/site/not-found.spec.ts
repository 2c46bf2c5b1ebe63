import { expect, test } from '@playwright/test';

// The public site works without JavaScript: a reader without it, a crawler and the static snapshot
// must all get the 404 page's own words in the HTML, not only in the flight data that a script
// would apply. Unknown and unpublished ids answer the same way (nothing confirms that a draft exists).

const MISSING = [
  { what: '不存在的案例', path: '/cases/999999' },
  { what: '不存在的期刊', path: '/issues/99' },
  { what: '不存在的省份', path: '/regions/990000' },
  { what: '不存在的主题', path: '/themes/no-such-theme' },
  { what: '超出末页的主题分页', path: '/themes/compulsory-education/99' },
];

const HEADING = '页面不存在';
const EXPLANATION = '您访问的页面不存在，或尚未发布';
const TITLE = `<title>${HEADING} · 案例期刊</title>`;

/** The document as a reader without JavaScript sees it: script elements and their contents removed. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/giu, '');
}

async function expectNotFoundHtml(response: { status(): number; text(): Promise<string> }, path: string) {
  expect(response.status(), path).toBe(404);
  const visible = withoutScripts(await response.text());
  expect(visible, path).toContain(`<h1>${HEADING}</h1>`);
  expect(visible, path).toContain(EXPLANATION);
  expect(visible, path).toContain(TITLE);
  expect(visible, path).toMatch(/<meta name="robots" content="noindex"\s*\/?>/u);
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const { what, path } of MISSING) {
    test(`${what}（${path}）shows the 404 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: HEADING })).toBeVisible();
      await expect(page.getByText(EXPLANATION)).toBeVisible();
      await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
      // The site frame stays around it, so the reader can go on from here.
      await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    });
  }
});

test('the raw HTML of every 404 carries the not-found page outside scripts', async ({ request }) => {
  // A path with no route at all is the reference: it has always rendered the page in the HTML.
  for (const path of [...MISSING.map((m) => m.path), '/cases/not-a-number', '/nowhere']) {
    await expectNotFoundHtml(await request.get(path), path);
  }
});

test('a crawler that reads no script gets the same 404 page', async ({ request }) => {
  // Paths not requested before, so the crawler's own request renders them: Next waits for the
  // metadata before the first byte for such user agents instead of streaming it.
  const crawler = { 'User-Agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' };
  for (const path of ['/cases/999998', '/issues/98', '/regions/990100', '/themes/no-such-theme-either']) {
    await expectNotFoundHtml(await request.get(path, { headers: crawler }), path);
  }
});

test('with JavaScript on, the 404 page appears once and stays', async ({ page }) => {
  const response = await page.goto('/cases/999997');
  expect(response?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText([HEADING]);
  await expect(page.getByText(EXPLANATION)).toHaveCount(1);
});
