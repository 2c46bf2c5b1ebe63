import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../support/accounts';

// The whole editorial path, as the people who do it: an editor writes and submits, a reviewer sends
// it back with a comment, the editor fixes it, the reviewer approves and publishes, readers see it.

const TITLE = '浙江省义乌市扩大随迁子女义务教育学位供给';
const FIXED = '随迁子女在公办学校就读的比例达到95%，新增公办学位1.2万个。';

async function as(browser: Browser, role: 'editor' | 'reviewer'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  await page.waitForURL(/\/admin/u);
  return page;
}

test('a case goes from draft to the public site through review', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await as(browser, 'editor');

  // The editor writes a case with a profile and three sections.
  await editor.goto('/admin/cases/new');
  await editor.getByLabel('标题', { exact: true }).fill(TITLE);
  await editor.getByLabel('地区', { exact: true }).fill('义乌');
  await editor.getByRole('button', { name: '浙江省金华市义乌市' }).click();
  await editor.getByLabel('义务教育').check();
  await editor.getByLabel('年份（年）').fill('2023');
  await editor.getByLabel('国土面积（平方公里）').fill('1105');
  await editor.getByLabel('常住人口城镇化率（%）').fill('79.7');
  await editor.getByLabel('地区生产总值（亿元）').fill('1835');
  await editor.getByLabel('一般公共预算收入（亿元）').fill('119');
  await editor.getByLabel('人口统计范围').selectOption('市域');
  await editor.getByLabel('常住人口（万人）').fill('189');
  await expect(editor.getByText('2023年，义乌市国土面积1105平方公里，市域常住人口189万人')).toBeVisible();
  await editor.getByLabel('（一）主要做法正文').fill('一是在城区新建中小学校，扩大公办学位供给。二是将随迁子女教育经费列入年度预算。');
  await editor.getByLabel('（二）主要成效正文').fill('随迁子女入学需求得到较好满足。');
  await editor.getByRole('button', { name: '添加“下一步考虑”' }).click();
  await editor.getByLabel('（三）下一步考虑正文').fill('继续优化学校布局，提高教育质量。');
  await editor.getByRole('button', { name: '创建草稿' }).click();
  await editor.waitForURL(/\/admin\/cases\/\d+/u);
  const caseId = Number(/cases\/(\d+)/u.exec(editor.url())![1]);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByText('已提交审核。')).toBeVisible();

  // The editor also prepares the issue it will appear in.
  await editor.goto('/admin/issues');
  await editor.getByLabel('期号').fill('9');
  await editor.getByLabel('主题').fill('端到端测试专题');
  await editor.getByRole('button', { name: '创建' }).click();
  await editor.waitForURL(/\/admin\/issues\/\d+/u);
  const issueUrl = editor.url();
  await editor.getByLabel('加入案例').selectOption({ label: TITLE });
  await editor.getByRole('button', { name: '加入本期' }).click();
  await expect(editor.getByText('已加入本期，为典型做法之1。')).toBeVisible();

  // The reviewer comments on a section and requests changes.
  const reviewer = await as(browser, 'reviewer');
  await reviewer.goto(`/admin/cases/${caseId}/review`);
  const outcomes = reviewer.getByRole('region', { name: '（二）主要成效的审核意见' });
  await outcomes.getByRole('button', { name: '添加意见' }).click();
  await outcomes.getByRole('textbox').fill('请补充具体的学位数字。');
  await outcomes.getByRole('button', { name: '发表意见' }).click();
  await expect(outcomes.getByText('请补充具体的学位数字。')).toBeVisible();
  await reviewer.getByRole('button', { name: '退回修改' }).click();
  const dialog = reviewer.getByRole('dialog', { name: '退回修改' });
  await dialog.getByLabel('针对的段落').selectOption({ label: '（二）主要成效' });
  await dialog.getByLabel('修改意见').fill('成效部分需要数字支撑。');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(reviewer.getByText('已退回修改，编辑会看到你的意见。')).toBeVisible();

  // The editor sees the comment, fixes the section and resubmits.
  await editor.goto(`/admin/cases/${caseId}/review`);
  // Exact: the activity trail quotes the same words inside a longer line.
  await expect(editor.getByText('请补充具体的学位数字。', { exact: true })).toBeVisible();
  await expect(editor.getByText('成效部分需要数字支撑。', { exact: true })).toBeVisible();
  await editor.goto(`/admin/cases/${caseId}`);
  await editor.getByLabel('（二）主要成效正文').fill(FIXED);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByText(/已保存为第2版/u)).toBeVisible();
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByText('已提交审核。')).toBeVisible();

  // The reviewer sees what changed, approves, and publishes the issue.
  await reviewer.goto(`/admin/cases/${caseId}/review`);
  await expect(reviewer.locator('ins', { hasText: '新增公办学位1.2万个' })).toBeVisible();
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await reviewer.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '确认通过第2版' }).click();
  await expect(reviewer.getByText('已审核通过。')).toBeVisible();
  await reviewer.goto(issueUrl);
  await reviewer.getByRole('button', { name: '立即发布' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: '确认立即发布' }).click();
  await expect(reviewer.getByText('已发布，读者现在可以看到本期。')).toBeVisible();

  // Readers see it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/cases/${caseId}`);
  await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(reader.getByText(FIXED)).toBeVisible();
});
