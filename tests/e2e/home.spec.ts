import { expect, test } from '@playwright/test';

test('a newcomer sees the three demo issues and their cases on the home page', async ({ page }) => {
  await page.goto('/');
  for (const theme of ['加快城镇基本公共服务均等化', '提升农业转移人口融入城市能力', '促进城市群一体化发展']) {
    await expect(page.getByText(theme).first()).toBeVisible();
  }
  await expect(page.getByText('浙江省义乌市向随迁子女扩大义务教育学位供给').first()).toBeVisible();
});
