import { expect, test } from '@playwright/test';
import { signedInPage, startCase } from '../support/editorial';

// The small things that trip an editor or a reviewer: being told a case was created, seeing why
// 提交审核 is disabled, comment boxes that open when wanted, a typed comment that is not lost when
// the reviewer decides, and a sidebar that runs the whole length of a long page.

const TITLE = '浙江省义乌市推行企业开办帮办代办服务';
const LOST_NUMBER = '全市城区常住人口万人，比上年增长。';
const FIXED = '全市城区常住人口达到120万人，比上年增长3.5%。';
const UNSENT = '请补充帮办代办服务覆盖的企业数量。';

test('an editor is told the case was created and why it cannot be submitted yet; a reviewer’s unsent comment goes out with the approval', async ({ browser }) => {
  test.setTimeout(150_000);
  const editor = await signedInPage(browser, 'editor');

  await startCase(editor, TITLE, '义乌', '浙江省金华市义乌市');
  await editor.getByLabel(/本案例有结构化概况/u).uncheck();
  await editor.getByLabel('导语', { exact: true }).fill('义乌市为方便企业开办，推行帮办代办服务。');
  await editor.getByLabel('（一）主要做法正文').fill('一是建立联合审批机制，压缩审批时限。二是推行帮办代办服务。');
  await editor.getByLabel('（二）主要成效正文').fill(LOST_NUMBER);
  await editor.getByRole('button', { name: '创建草稿' }).click();
  await editor.waitForURL(/\/admin\/cases\/\d+/u);
  const caseUrl = new URL(editor.url()).pathname;

  // The editor it lands on says the case now exists.
  await expect(editor.getByText(/案例已创建/u)).toBeVisible();

  // 提交审核 is disabled, and the reason is written beside it and tied to it, not hidden in a tooltip.
  const submit = editor.getByRole('button', { name: '提交审核' });
  await expect(submit).toBeDisabled();
  const reason = editor.getByText('校对发现错误，改正“校对”栏列出的错误后才能提交审核。');
  await expect(reason).toBeVisible();
  await expect(submit).toHaveAccessibleDescription('校对发现错误，改正“校对”栏列出的错误后才能提交审核。');

  await editor.getByLabel('（二）主要成效正文').fill(FIXED);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByText(/已保存为第2版/u)).toBeVisible();
  await expect(reason).toBeHidden();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(editor.getByText('已提交审核。')).toBeVisible();

  const reviewer = await signedInPage(browser, 'reviewer');
  await reviewer.goto(`${caseUrl}/review`);

  // Comment boxes open on demand: none is open until asked for, and the section is named as its heading reads.
  const outcomes = reviewer.getByRole('region', { name: '（二）主要成效的审核意见' });
  await expect(reviewer.getByRole('region', { name: '当前版本（只读）' }).getByRole('textbox')).toHaveCount(0);
  await outcomes.getByRole('button', { name: '添加意见' }).click();
  await expect(outcomes.getByRole('textbox')).toBeFocused();
  await outcomes.getByRole('textbox').fill(UNSENT);

  // Passing 初审 with that comment still unsent says so, offers to send it, and does.
  await reviewer.getByRole('button', { name: '初审通过' }).click();
  const dialog = reviewer.getByRole('dialog', { name: '初审通过' });
  await expect(dialog.getByText('页面上还有 1 条写好但尚未发表的意见：')).toBeVisible();
  await expect(dialog.getByText(`（二）主要成效：“${UNSENT}”`)).toBeVisible();
  await expect(dialog.getByLabel('随本次决定一并发表这些意见')).toBeChecked();
  await dialog.getByRole('button', { name: /^确认通过第\d+版$/u }).click();
  await expect(reviewer.getByText('初审通过，案例已转入复审。')).toBeVisible();
  await expect(outcomes.getByText(UNSENT)).toBeVisible();
  await expect(outcomes.getByRole('textbox')).toHaveCount(0);

  // The comment is on the case for the editor too, not only in the reviewer's browser.
  await editor.goto(`${caseUrl}/review`);
  await expect(editor.getByRole('region', { name: '（二）主要成效的审核意见' }).getByText(UNSENT)).toBeVisible();
});

test('the admin sidebar runs to the bottom of a long page and keeps the account block in view', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin');
  // A short window makes the audit log longer than the screen, as it is on any busy day.
  await admin.setViewportSize({ width: 1280, height: 420 });
  await admin.goto('/admin/audit');
  const nav = admin.getByRole('navigation', { name: '后台导航' });
  await expect(nav).toBeVisible();

  const measure = () =>
    admin.evaluate(() => {
      const box = document.querySelector('nav.admin-nav')!.getBoundingClientRect();
      return { navBottom: box.bottom + window.scrollY, pageHeight: document.documentElement.scrollHeight, windowHeight: window.innerHeight };
    });
  const top = await measure();
  expect(top.pageHeight).toBeGreaterThan(top.windowHeight);
  expect(top.navBottom).toBeGreaterThanOrEqual(top.pageHeight - 1);

  await admin.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(nav.getByRole('button', { name: '退出登录' })).toBeInViewport();
});
