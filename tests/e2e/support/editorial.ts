import { expect, type Browser, type Page } from '@playwright/test';
import { signIn, type ACCOUNTS } from './accounts';

// The newsroom's steps in the admin, taken as its people take them (by role and label), shared by the
// specs that walk a case from draft to the public. A step that saves waits for the admin to confirm it.

/** A browser of its own (its own cookies) signed in to the admin as the demo account of this role. */
export async function signedInPage(browser: Browser, role: keyof typeof ACCOUNTS): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  await page.waitForURL(/\/admin/u);
  return page;
}

/** Opens a new case, gives it its title, and picks its region among the suggestions for `search`. */
export async function startCase(editor: Page, title: string, search: string, region: string): Promise<void> {
  await editor.goto('/admin/cases/new');
  await editor.getByLabel('标题', { exact: true }).fill(title);
  await editor.getByLabel('地区', { exact: true }).fill(search);
  await editor.getByRole('button', { name: region, exact: true }).click();
}

/** Creates the case being written as a draft; returns its id. */
export async function createDraft(editor: Page): Promise<number> {
  await editor.getByRole('button', { name: '创建草稿' }).click();
  await editor.waitForURL(/\/admin\/cases\/\d+/u);
  return Number(/cases\/(\d+)/u.exec(editor.url())![1]);
}

/** Submits the case open in the editor for review. */
export async function submitForReview(editor: Page): Promise<void> {
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByText('已提交审核。')).toBeVisible();
}

/** Creates issue `number` with its theme and puts the case titled `caseTitle` in it first; returns the issue's admin address. */
export async function createIssueWithCase(editor: Page, number: number, theme: string, caseTitle: string): Promise<string> {
  await editor.goto('/admin/issues');
  await editor.getByLabel('期号').fill(String(number));
  await editor.getByLabel('主题').fill(theme);
  await editor.getByRole('button', { name: '创建' }).click();
  await editor.waitForURL(/\/admin\/issues\/\d+/u);
  const issueUrl = editor.url();
  await editor.getByLabel('加入案例').selectOption({ label: caseTitle });
  await editor.getByRole('button', { name: '加入本期' }).click();
  await expect(editor.getByText('已加入本期，为典型做法之1。')).toBeVisible();
  return issueUrl;
}

/** Approves revision `revision` of the case whose review page is open. */
export async function approveRevision(reviewer: Page, revision: number): Promise<void> {
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await reviewer.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: `确认通过第${revision}版` }).click();
  await expect(reviewer.getByText('已审核通过。')).toBeVisible();
}

/** Publishes the issue at its admin address now. */
export async function publishIssueNow(reviewer: Page, issueUrl: string): Promise<void> {
  await reviewer.goto(issueUrl);
  await reviewer.getByRole('button', { name: '立即发布' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: '确认立即发布' }).click();
  await expect(reviewer.getByText('已发布，读者现在可以看到本期。')).toBeVisible();
}
