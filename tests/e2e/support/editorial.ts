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

/** Passes the stage the case waits at (`stage`, e.g. 初审) for revision `revision`; `next` is the stage it goes on to, null for the last. */
export async function passStage(reviewer: Page, stage: string, revision: number, next: string | null): Promise<void> {
  await reviewer.getByRole('button', { name: `${stage}通过` }).click();
  await reviewer.getByRole('dialog', { name: `${stage}通过` }).getByRole('button', { name: `确认通过第${revision}版` }).click();
  await expect(reviewer.getByText(next ? `${stage}通过，案例已转入${next}。` : `${stage}通过，案例已审核通过，可以随所在的一期发布。`)).toBeVisible();
}

/** Records the next 校次 (`label`: 一校, 二校 …) on the case whose review page is open. */
export async function recordRound(reviewer: Page, label = '一校'): Promise<void> {
  await reviewer.getByRole('button', { name: '记录校次' }).click();
  await reviewer.getByRole('dialog', { name: '记录校次' }).getByRole('button', { name: `确认记录${label}` }).click();
  await expect(reviewer.getByText(new RegExp(`^已记录${label}：`, 'u'))).toBeVisible();
}

/**
 * 三审 of revision `revision` of the case whose review page `reviewer` has open: the demo reviewer
 * passes 初审, the second demo reviewer 复审, the third records 一校 and passes 终审, each in a
 * browser of their own. The first reviewer's page then shows the case approved.
 */
export async function approveRevision(reviewer: Page, revision: number): Promise<void> {
  const reviewUrl = new URL(reviewer.url()).pathname;
  await passStage(reviewer, '初审', revision, '复审');
  const browser = reviewer.context().browser()!;
  const second = await signedInPage(browser, 'reviewer2');
  await second.goto(reviewUrl);
  await expect(second.getByRole('list', { name: '审核进度' })).toContainText('初审 ✓ 演示审核');
  await passStage(second, '复审', revision, '终审');
  const third = await signedInPage(browser, 'reviewer3');
  await third.goto(reviewUrl);
  // 终审 waits for its 校次, and says so.
  await expect(third.getByText('终审前需要完成1次校对（已完成0次）')).toBeVisible();
  await recordRound(third);
  await expect(third.getByRole('list', { name: '已记录的校次' })).toContainText('一校 演示终审 错误0');
  await passStage(third, '终审', revision, null);
  await Promise.all([second.context().close(), third.context().close()]);
  await reviewer.reload();
}

/** Publishes the issue at its admin address now. */
export async function publishIssueNow(reviewer: Page, issueUrl: string): Promise<void> {
  await reviewer.goto(issueUrl);
  await reviewer.getByRole('button', { name: '立即发布' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: '确认立即发布' }).click();
  await expect(reviewer.getByText('已发布，读者现在可以看到本期。')).toBeVisible();
}
