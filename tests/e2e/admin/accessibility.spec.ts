import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from '../support/accounts';
import { adminCaseUrl, adminIssueUrl } from '../support/find';

const SCREENS = ['/admin', '/admin/cases', '/admin/issues', '/admin/import', '/admin/audit', '/admin/accounts', '/admin/account', '/admin/settings', '/admin/settings/review'];
/** A demo case with a profile and several sections, so the editor and the review screen show everything. */
const CASE_TITLE = '黑龙江省哈尔滨市帮扶随迁子女接受义务教育';

test('the main admin screens have no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin/u);
  const caseUrl = await adminCaseUrl(page, CASE_TITLE);
  const screens = [...SCREENS, caseUrl, `${caseUrl}/review`, await adminIssueUrl(page, '第一期')];
  for (const path of screens) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(serious, serious.join('\n')).toEqual([]);
  }
});
