import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_STATIC_DIR } from '../../../playwright.config';
import { approveRevision, createDraft, createIssueWithCase, publishIssueNow, signedInPage, startCase, submitForReview } from '../support/editorial';

// Publishing in the admin updates the static snapshot by itself (the e2e server runs with
// CASEBOOK_STATIC_DIR): a reviewer publishes an issue, and within seconds the snapshot's current
// release has its pages; the reviewer withdraws it, and they are gone again. The dashboard says
// when the snapshot was made.

const MARKER = '静态快照专题';
const TITLE = '浙江省湖州市推进城乡学校共同体建设';
const ISSUE_NUMBER = 47;
/** The issue's promise: one issue's publish reflected in the snapshot within 10 seconds. */
const REFLECTED_MS = 10_000;

const current = (rel: string) => path.join(E2E_STATIC_DIR, 'current', rel);
const readCurrent = (rel: string) => {
  try {
    return fs.readFileSync(current(rel), 'utf8');
  } catch {
    return null;
  }
};

/** Waits, within the promised time, until `probe` sees what is expected of the current release; returns how long it took. */
async function reflected(probe: () => unknown[], expected: unknown[]): Promise<number> {
  const start = Date.now();
  await expect.poll(probe, { timeout: REFLECTED_MS, intervals: [100] }).toEqual(expected);
  return Date.now() - start;
}

test('a publish and an unpublish in the admin reach the static snapshot within seconds', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, 'editor');

  // The editor writes a case and puts it in a new issue.
  await startCase(editor, TITLE, '湖州', '浙江省湖州市');
  await editor.getByLabel('义务教育').check();
  await editor.getByLabel('（一）主要做法正文').fill('一是推动城区优质学校与乡村学校结对，共享师资和课程。二是统一教学管理和考核评价。');
  await editor.getByLabel('（二）主要成效正文').fill('乡村学校教学质量明显提升，学生就近入学意愿增强。');
  const caseId = await createDraft(editor);
  await submitForReview(editor);
  const issueUrl = await createIssueWithCase(editor, ISSUE_NUMBER, MARKER, TITLE);

  // The reviewer approves and publishes.
  const reviewer = await signedInPage(browser, 'reviewer');
  await reviewer.goto(`/admin/cases/${caseId}/review`);
  await approveRevision(reviewer, 1);
  await publishIssueNow(reviewer, issueUrl);

  // The snapshot follows, in the background.
  const issuePage = `issues/${ISSUE_NUMBER}/index.html`;
  const casePage = `cases/${caseId}/index.html`;
  const publishedMs = await reflected(() => [readCurrent(issuePage)?.includes(MARKER), readCurrent(casePage)?.includes(TITLE), readCurrent('index.html')?.includes(MARKER)], [true, true, true]);
  console.log(`publish reflected in the snapshot after ${publishedMs} ms`);
  expect(readCurrent(issuePage)).not.toContain('self.__next_f');

  // The dashboard says when it was made and how many pages it has.
  await reviewer.goto('/admin');
  await expect(reviewer.getByText(/^静态站点：最近生成于.+（\d+ 个页面）。$/u)).toBeVisible();

  // Withdrawn: gone from the snapshot as well.
  await reviewer.goto(issueUrl);
  await reviewer.getByRole('button', { name: '撤回发布' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: '确认撤回' }).click();
  await expect(reviewer.getByText('已撤回发布，公众网站不再显示本期。')).toBeVisible();
  const withdrawnMs = await reflected(() => [readCurrent(issuePage), readCurrent(casePage), readCurrent('index.html')?.includes(MARKER)], [null, null, false]);
  console.log(`unpublish reflected in the snapshot after ${withdrawnMs} ms`);
});
