import { expect, test } from '@playwright/test';
import { approveRevision, signedInPage, submitForReview } from '../support/editorial';
import { adminCaseUrl } from '../support/find';

// A demo case went out with figures lost from its profile: the admin says so (已发布（含待更正）, its
// errors listed as 待更正), the editor corrects it, a reviewer approves and publishes the correction
// with a 更正说明, and readers see the note, dated today, on the case page.

/** Its profile lost the land area and the GDP (国土面积平方公里, 地区生产总值亿元); no other test touches it. */
const TITLE = '吉林省公主岭市范家屯镇设立社区公共服务中心';
const NOTE = '补充了范家屯镇的国土面积，删去了原文缺少数字的地区生产总值。';

/** 2026年11月30日: today in China, as the public site dates a correction. */
function todayInChina(): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date());
}

test('a published demo case with errors is corrected and the correction is published with a dated note', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, 'editor');

  // The dashboard counts the cases to correct and leads to them, each marked 已发布（含待更正）.
  await editor.goto('/admin');
  await editor.getByRole('link', { name: /^待更正 \d+ 篇$/u }).click();
  await editor.waitForURL(/corrections=1/u);
  const row = editor.getByRole('row').filter({ has: editor.getByRole('link', { name: TITLE, exact: true }) });
  await expect(row).toContainText('已发布（含待更正）');

  // The editor shows the same, and lists the errors under 待更正, not as errors that block publishing.
  const url = await adminCaseUrl(editor, TITLE);
  const caseId = Number(/cases\/(\d+)/u.exec(url)![1]);
  await editor.goto(url);
  await expect(editor.getByRole('heading', { level: 1 })).toContainText('已发布（含待更正）');
  const findings = editor.getByRole('complementary', { name: '校对结果' });
  await expect(findings.getByRole('heading', { name: /^待更正/u })).toBeVisible();
  await expect(findings).toContainText('国土面积');
  await expect(findings).toContainText('已随已发布的第1版公开');

  // Fill in the lost land area; the lost GDP cannot be found, so the fact is removed.
  await editor.getByLabel('国土面积（平方公里）').fill('227');
  await editor.getByRole('button', { name: '删除此项（地区生产总值）' }).click();
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByText(/已保存为第2版/u)).toBeVisible();
  await expect(findings.getByRole('heading', { name: /^校对/u })).toBeVisible();
  await submitForReview(editor);

  // Another person approves it, then publishes the correction: a note is required.
  const reviewer = await signedInPage(browser, 'reviewer');
  await reviewer.goto(`/admin/cases/${caseId}/review`);
  await approveRevision(reviewer, 2);
  const panel = reviewer.getByRole('region', { name: '更正', exact: true });
  await expect(panel).toContainText('公众看到的是第1版，第2版已审核通过');
  await panel.getByRole('button', { name: '发布更正' }).click();
  await expect(panel.getByText('请填写更正说明。', { exact: true })).toBeVisible();
  await panel.getByLabel('更正说明', { exact: true }).fill(NOTE);
  await panel.getByRole('button', { name: '发布更正' }).click();
  await expect(panel.getByText('已发布更正，读者会在案例页看到更正说明。')).toBeVisible();
  await expect(panel).toContainText(`第1版 → 第2版 · 演示审核：${NOTE}`);

  // Readers see the corrected text and the dated note, on the page and in the API.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/cases/${caseId}`);
  const erratum = reader.getByRole('complementary', { name: '更正说明', exact: true });
  await expect(erratum).toContainText(`${todayInChina()}更正：${NOTE}`);
  await expect(reader.locator('.facts-card__sentence')).toContainText('国土面积227平方公里');
  const api = (await (await reader.request.get(`/api/public/cases/${caseId}`)).json()) as { corrections: { note: string }[] };
  expect(api.corrections.map((c) => c.note)).toEqual([NOTE]);

  // Nothing left to correct: the case is 已发布 again and out of the 待更正 list.
  await editor.goto('/admin/cases?corrections=1');
  await expect(editor.getByRole('link', { name: TITLE, exact: true })).toHaveCount(0);
});
