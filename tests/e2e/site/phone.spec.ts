import { expect, test } from '@playwright/test';

// A reader on a 390px phone: the issue's data comparison stays readable, and the archive is a page.

test('on a 390px phone every place in the data comparison reads on one line', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('link', { name: '往期', exact: true }).first().click();
  await expect(page).toHaveURL(/\/issues$/u);
  // Find the published issues that have a comparison, through their own links (no fixed numbers).
  const hrefs = await page.locator('.archive__item h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  let charted = 0;
  for (const href of hrefs) {
    await page.goto(href);
    const places = page.locator('.chart__table tbody td:nth-child(2)');
    const count = await places.count();
    if (count === 0) continue;
    charted++;
    const lines = await places.evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        // One line box per line of text: a place squeezed to a character per line has several.
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: cell.textContent, lines: tops.size };
      }),
    );
    for (const line of lines) expect(line, `${href}: ${line.text}`).toMatchObject({ lines: 1 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, href).toBeLessThanOrEqual(0);
  }
  expect(charted).toBeGreaterThan(0);
});

test('往期 is a page that lists every published issue, and the home page promises nothing it lacks', async ({ page, request }) => {
  const api = (await (await request.get('/api/public/issues')).json()) as { issues: { number: number; title: string }[] };
  const archive = await page.goto('/issues');
  expect(archive!.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: '往期' })).toBeVisible();
  for (const issue of api.issues) await expect(page.getByRole('link', { name: issue.title, exact: true })).toBeVisible();
  await page.goto('/');
  await expect(page.getByText('含编者按与数据比较')).toHaveCount(0);
  await page.goto('/about');
  await expect(page.getByText(/308/u)).toHaveCount(0);
});
