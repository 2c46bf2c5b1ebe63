import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from '../support/accounts';

const SCREENS = ['/admin', '/admin/cases', '/admin/cases/3', '/admin/cases/3/review', '/admin/issues', '/admin/issues/1', '/admin/import', '/admin/audit', '/admin/accounts', '/admin/account'];

test('the main admin screens have no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin/u);
  for (const path of SCREENS) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(serious, serious.join('\n')).toEqual([]);
  }
});
