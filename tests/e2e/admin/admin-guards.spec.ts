import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../support/accounts';
import { adminCaseUrl } from '../support/find';

async function editorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'editor');
  await page.waitForURL(/\/admin/u);
  return page;
}

test('a stale save is refused, says who changed what, and keeps the editor’s text', async ({ browser }) => {
  const first = await editorPage(browser);
  const second = await editorPage(browser);
  const url = await adminCaseUrl(first, '浙江省义乌市向随迁子女扩大义务教育学位供给');
  await first.goto(url);
  await second.goto(url);

  await first.getByLabel('标题', { exact: true }).fill('浙江省义乌市向随迁子女扩大义务教育学位供给（修订）');
  await first.getByRole('button', { name: '保存', exact: true }).click();
  await expect(first.getByText(/已保存为第\d+版/u)).toBeVisible();

  await second.getByLabel('导语', { exact: true }).fill('这是另一位编辑写下、尚未保存的导语。');
  await second.getByRole('button', { name: '保存', exact: true }).click();
  const dialog = second.getByRole('dialog', { name: '保存冲突：案例已被他人修改' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/演示编辑.*标题/u).first()).toBeVisible();
  await expect(dialog.getByLabel('我的内容')).toHaveValue(/这是另一位编辑写下、尚未保存的导语。/u);
  // Nothing was overwritten: the first editor's title is what the server has.
  await first.reload();
  await expect(first.getByLabel('标题', { exact: true })).toHaveValue('浙江省义乌市向随迁子女扩大义务教育学位供给（修订）');
});

test('an editor cannot reach account management', async ({ browser }) => {
  const page = await editorPage(browser);
  await expect(page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '账号管理' })).toHaveCount(0);
  await page.goto('/admin/accounts');
  await expect(page).toHaveURL(/\/admin\?denied=account\.manage/u);
  await expect(page.getByText('你没有“管理账号”的权限，已回到工作台。')).toBeVisible();
});

test('the seed compilation can be uploaded, previewed with its warnings, and imported as drafts', async ({ browser }) => {
  const page = await editorPage(browser);
  await page.goto('/admin/import');
  // The demo already holds the seed as 第一至三期 (and other tests edit it), so the upload carries the
  // seed's text under numbers nothing else uses: the import then has exactly one outcome.
  const seed = fs
    .readFileSync(path.join(process.cwd(), 'db', 'seed', 'compilation.txt'), 'utf8')
    .replace(/^0([1-3])$/gmu, '7$1')
    .replace(/^第([一二三])期/gmu, '第七十$1期');
  await page.getByLabel('上传文件').setInputFiles({ name: 'compilation.txt', mimeType: 'text/plain', buffer: Buffer.from(seed, 'utf8') });
  await page.getByRole('button', { name: '解析并预览' }).click();
  await expect(page.getByRole('heading', { name: '2. 预览：3 期，25 个案例' })).toBeVisible();
  await expect(page.getByText(/校对发现错误 \d+ 处/u)).toBeVisible();
  await expect(page.getByText('典型做法之1').or(page.getByText('之1')).first()).toBeVisible();
  await page.getByRole('button', { name: '确认导入为草稿' }).click();
  await expect(page.getByText('已导入 3 期、25 个案例，均为草稿。')).toBeVisible();
});

test('changing one’s own password needs the current one, and a wrong one changes nothing', async ({ browser }) => {
  const page = await editorPage(browser);
  await page.getByRole('link', { name: '演示编辑' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();
  const form = page.getByRole('form', { name: '修改密码' });
  await form.getByLabel('当前密码').fill('not-my-password');
  await form.getByLabel('新密码', { exact: true }).fill('a-brand-new-password');
  await form.getByLabel('再次输入新密码').fill('a-brand-new-password');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByText('当前密码不正确。')).toBeVisible();
  // Still signed in with the old password: the session was not ended.
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
});
