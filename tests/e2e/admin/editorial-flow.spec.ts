import { expect, test } from '@playwright/test';
import { approveRevision, createDraft, createIssueWithCase, publishIssueNow, signedInPage, startCase, submitForReview } from '../support/editorial';

// The whole editorial path, as the people who do it: an editor writes and submits, a reviewer sends
// it back from 初审 with a stock reason and a comment, the editor fixes it, three reviewers pass 初审,
// 复审 and 终审 (the last after recording a 校次), a reviewer publishes, readers see it.

const TITLE = '浙江省义乌市扩大随迁子女义务教育学位供给';
const FIXED = '随迁子女在公办学校就读的比例达到95%，新增公办学位1.2万个。';

test('a case goes from draft to the public site through review', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, 'editor');

  // The editor writes a case with a profile and three sections.
  await startCase(editor, TITLE, '义乌', '浙江省金华市义乌市');
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
  const caseId = await createDraft(editor);
  await submitForReview(editor);

  // The editor also prepares the issue it will appear in.
  const issueUrl = await createIssueWithCase(editor, 9, '端到端测试专题', TITLE);

  // The submission lands in the reviewer's 待办, under 初审; they open it from there.
  const reviewer = await signedInPage(browser, 'reviewer');
  await reviewer.goto('/admin/todo');
  await reviewer.getByRole('region', { name: /待我审核（初审）/u }).getByRole('link', { name: TITLE }).click();
  await reviewer.waitForURL(`**/admin/cases/${caseId}/review`);

  // The reviewer comments on a section and requests changes.
  const outcomes = reviewer.getByRole('region', { name: '（二）主要成效的审核意见' });
  await outcomes.getByRole('button', { name: '添加意见' }).click();
  await outcomes.getByRole('textbox').fill('请补充具体的学位数字。');
  await outcomes.getByRole('button', { name: '发表意见' }).click();
  await expect(outcomes.getByText('请补充具体的学位数字。')).toBeVisible();
  await reviewer.getByRole('button', { name: '退回修改' }).click();
  const dialog = reviewer.getByRole('dialog', { name: '退回修改' });
  // A stock reason is required before anything is sent.
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(dialog.getByText('请选择退回理由。')).toBeVisible();
  await dialog.getByLabel('数据缺失').check();
  await dialog.getByLabel('针对的段落').selectOption({ label: '（二）主要成效' });
  await dialog.getByLabel('退回意见').fill('成效部分需要数字支撑。');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(reviewer.getByText('已退回修改，编辑会看到退回理由和你的意见。')).toBeVisible();

  // The return lands in the editor's 待办; the editor sees the comment, fixes the section and resubmits.
  await editor.goto('/admin/todo');
  await expect(editor.getByRole('region', { name: /退回给我/u }).getByRole('link', { name: TITLE })).toBeVisible();
  await editor.goto(`/admin/cases/${caseId}/review`);
  // Exact: the activity trail quotes the same words inside a longer line.
  await expect(editor.getByText('请补充具体的学位数字。', { exact: true })).toBeVisible();
  await expect(editor.getByText('【数据缺失】成效部分需要数字支撑。', { exact: true })).toBeVisible();
  await editor.goto(`/admin/cases/${caseId}`);
  await editor.getByLabel('（二）主要成效正文').fill(FIXED);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByText(/已保存为第2版/u)).toBeVisible();
  await submitForReview(editor);

  // The resubmission starts again at 初审; the reviewer sees what changed. Three reviewers pass the
  // three stages, then the first one publishes the issue.
  await reviewer.goto(`/admin/cases/${caseId}/review`);
  await expect(reviewer.locator('ins', { hasText: '新增公办学位1.2万个' })).toBeVisible();
  await expect(reviewer.getByRole('list', { name: '审核进度' })).toContainText('初审 待审');
  await approveRevision(reviewer, 2);
  await expect(reviewer.getByRole('list', { name: '审核进度' })).toContainText('终审 ✓ 演示终审');
  await publishIssueNow(reviewer, issueUrl);

  // Readers see it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/cases/${caseId}`);
  await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(reader.getByText(FIXED)).toBeVisible();

  // The PDF edition of the issue follows in the background, linked from the issue page once made.
  await reader.goto('/issues/9');
  const pdfLink = reader.getByRole('link', { name: /^下载本期PDF/u });
  await expect(async () => {
    await reader.reload();
    await expect(pdfLink).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const pdf = await reader.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
