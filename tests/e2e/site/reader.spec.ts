import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// A reader's path through the public site on the demo content: home → issue → case → search → region.

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a reader goes from the home page to an issue, a case, a search and a region', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '促进城市群一体化发展' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: '加快城镇基本公共服务均等化' }).click();
  await expect(page).toHaveURL(/\/issues\/1$/u);
  await expect(page.getByRole('heading', { level: 1, name: '加快城镇基本公共服务均等化' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '数据比较' })).toBeVisible();
  await expect(page.getByRole('figure', { name: /常住人口城镇化率/u })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: '浙江省义乌市向随迁子女扩大义务教育学位供给' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('浙江省义乌市向随迁子女扩大义务教育学位供给');
  await expect(page.getByText('典型做法之2').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '（一）主要做法' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: /义乌市概况/u })).toContainText('79.7%');
  await expect(page.getByRole('navigation', { name: '本期前后案例' }).getByRole('link')).toHaveCount(2);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { '@type': string };
  expect(jsonLd['@type']).toBe('Article');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', '浙江省义乌市向随迁子女扩大义务教育学位供给');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/cases\/\d+$/u);
  await expect(page.locator('.meta').getByRole('link', { name: '义务教育', exact: true })).toHaveAttribute('href', '/themes/compulsory-education');
  await expectAccessible(page);

  await page.getByRole('search').first().getByRole('searchbox').fill('公积金');
  await page.getByRole('search').first().getByRole('button', { name: '检索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/u);
  await expect(page.getByRole('status')).toContainText('共找到');
  await expect(page.locator('.result mark').first()).toHaveText('公积金');
  await expectAccessible(page);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '按地区浏览' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '湖北省' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '湖北省' })).toBeVisible();
  // A city inside the province and a cluster case that names it.
  await expect(page.getByRole('link', { name: '湖北省武汉市随迁子女与户籍子女义务教育一视同仁' })).toBeVisible();
  await expect(page.getByRole('link', { name: '长江中游城市群建设取得新进展' })).toBeVisible();
});

test('the themes page and the 404 page are in Chinese and accessible', async ({ page }) => {
  await page.goto('/themes');
  await expect(page.getByRole('heading', { level: 1, name: '按主题浏览' })).toBeVisible();
  await expectAccessible(page);
  // The index shows each theme's newest cases; its own page lists all of them.
  await page.getByRole('link', { name: /^查看全部\d+个案例\s*（义务教育）$/u }).click();
  await expect(page).toHaveURL(/\/themes\/compulsory-education$/u);
  await expect(page.getByRole('heading', { level: 1, name: '义务教育' })).toBeVisible();
  await expect(page.getByRole('link', { name: '浙江省义乌市向随迁子女扩大义务教育学位供给' })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/themes\/compulsory-education$/u);
  await expectAccessible(page);
  const missing = await page.goto('/cases/999999');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expectAccessible(page);
});

test('odd searches give a page, never an error', async ({ page }) => {
  for (const q of ['', '教'.repeat(1000), '"\'; drop table cases; --', '😀', '%ED%A0%80']) {
    const res = await page.goto(`/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`);
    expect(res?.status(), q.slice(0, 10)).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: '检索案例' })).toBeVisible();
  }
});

test('pages fit a 360px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const url of ['/', '/issues/1', '/regions', '/search?q=教育']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});

test('feed, sitemap, robots and the JSON API answer with published content', async ({ request }) => {
  const feed = await request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain('浙江省义乌市向随迁子女扩大义务教育学位供给');
  expect(await (await request.get('/sitemap.xml')).text()).toContain('/issues/3');
  expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap:');
  const issues = (await (await request.get('/api/public/issues')).json()) as { issues: { number: number; year: number; yearNumber: number; label: string }[] };
  // Newest first; other suites may have published an issue of their own on the same database.
  const numbers = issues.issues.map((i) => i.number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  // The demo's three issues came out together: the first three of their year, named as a serial.
  const demo = issues.issues.filter((i) => i.number <= 3);
  const year = demo[0]!.year;
  expect(demo.map((i) => [i.yearNumber, i.label])).toEqual([
    [3, `${year}年第3期（总第3期）`],
    [2, `${year}年第2期（总第2期）`],
    [1, `${year}年第1期（总第1期）`],
  ]);
  // The serial address answers with a permanent redirect to the issue's one address.
  const bySerial = await request.get(`/issues/${year}/2`, { maxRedirects: 0 });
  expect(bySerial.status()).toBe(308);
  expect(bySerial.headers()['location']).toMatch(/\/issues\/2$/u);
  expect((await request.get('/api/public/cases/999999')).status()).toBe(404);
});
