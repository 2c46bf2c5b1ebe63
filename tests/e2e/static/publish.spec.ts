import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_STATIC_DIR } from '../../../playwright.config';
import { signIn } from '../support/accounts';

// Publishing in the admin updates the static snapshot by itself (the e2e server runs with
// CASEBOOK_STATIC_DIR): a reviewer publishes an issue, and within seconds the snapshot's current
// release has its pages; the reviewer withdraws it, and they are gone again. The dashboard says
// when the snapshot was made.

const MARKER = '静态快照专题';
const TITLE = '浙江省湖州市推进城乡学校共同体建设';
const ISSUE_NUMBER = 47;
/** The issue's promise: one issue's publish reflected in the snapshot within 10 seconds. */
const REFLECTED_MS = 10_000;

async function as(browser: Browser, role: 'editor' | 'reviewer'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  await page.waitForURL(/\/admin/u);
  return page;
}

const current = (rel: string) => path.join(E2E_STATIC_DIR, 'current', rel);
const readCurrent = (rel: string) => {
  try {
    return fs.readFileSync(current(rel), 'utf8');
  } catch {
    return null;
  }
};

test('a publish and an unpublish in the admin reach the static snapshot within seconds', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await as(browser, 'editor');

  // The editor writes a case and puts it in a new issue.
  await editor.goto('/admin/cases/new');
  await editor.getByLabel('标题', { exact: true }).fill(TITLE);
  await editor.getByLabel('地区', { exact: true }).fill('湖州');
  await editor.getByRole('button', { name: '浙江省湖州市', exact: true }).click();
  await editor.getByLabel('义务教育').check();
  await editor.getByLabel('（一）主要做法正文').fill('一是推动城区优质学校与乡村学校结对，共享师资和课程。二是统一教学管理和考核评价。');
  await editor.getByLabel('（二）主要成效正文').fill('乡村学校教学质量明显提升，学生就近入学意愿增强。');
  await editor.getByRole('button', { name: '创建草稿' }).click();
  await editor.waitForURL(/\/admin\/cases\/\d+/u);
  const caseId = Number(/cases\/(\d+)/u.exec(editor.url())![1]);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByText('已提交审核。')).toBeVisible();
  await editor.goto('/admin/issues');
  await editor.getByLabel('期号').fill(String(ISSUE_NUMBER));
  await editor.getByLabel('主题').fill(MARKER);
  await editor.getByRole('button', { name: '创建' }).click();
  await editor.waitForURL(/\/admin\/issues\/\d+/u);
  const issueUrl = editor.url();
  await editor.getByLabel('加入案例').selectOption({ label: TITLE });
  await editor.getByRole('button', { name: '加入本期' }).click();
  await expect(editor.getByText('已加入本期，为典型做法之1。')).toBeVisible();

  // The reviewer approves and publishes.
  const reviewer = await as(browser, 'reviewer');
  await reviewer.goto(`/admin/cases/${caseId}/review`);
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await reviewer.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '确认通过第1版' }).click();
  await expect(reviewer.getByText('已审核通过。')).toBeVisible();
  await reviewer.goto(issueUrl);
  await reviewer.getByRole('button', { name: '立即发布' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: '确认立即发布' }).click();
  await expect(reviewer.getByText('已发布，读者现在可以看到本期。')).toBeVisible();
  const published = Date.now();

  // The snapshot follows, in the background.
  await expect
    .poll(() => [readCurrent(`issues/${ISSUE_NUMBER}/index.html`)?.includes(MARKER), readCurrent(`cases/${caseId}/index.html`)?.includes(TITLE), readCurrent('index.html')?.includes(MARKER)], {
      timeout: REFLECTED_MS,
      intervals: [100],
    })
    .toEqual([true, true, true]);
  console.log(`publish reflected in the snapshot after ${Date.now() - published} ms`);
  expect(readCurrent(`issues/${ISSUE_NUMBER}/index.html`)).not.toContain('self.__next_f');

  // The dashboard says when it was made and how many pages it has.
  await reviewer.goto('/admin');
  await expect(reviewer.getByText(/^静态站点：最近生成于.+（\d+ 个页面）。$/u)).toBeVisible();

  // Withdrawn: gone from the snapshot as well.
  await reviewer.goto(issueUrl);
  await reviewer.getByRole('button', { name: '撤回发布' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: '确认撤回' }).click();
  await expect(reviewer.getByText('已撤回发布，公众网站不再显示本期。')).toBeVisible();
  const withdrawn = Date.now();
  await expect
    .poll(() => [readCurrent(`issues/${ISSUE_NUMBER}/index.html`), readCurrent(`cases/${caseId}/index.html`), readCurrent('index.html')?.includes(MARKER)], {
      timeout: REFLECTED_MS,
      intervals: [100],
    })
    .toEqual([null, null, false]);
  console.log(`unpublish reflected in the snapshot after ${Date.now() - withdrawn} ms`);
});
