import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../support/accounts';
import { adminCaseUrl } from '../support/find';

// An editor previews an import, fixes the flagged line where it stands and previews again; and a
// case's number (第N版) is the same on every page that shows it.

/** Random-looking bytes, the same on every run (xorshift32), so a failure reproduces. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function editorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'editor');
  await page.waitForURL(/\/admin/u);
  return page;
}

// The issue number is one nothing else uses, so the preview has no refusal to show. The half-width
// comma is a reminder, 新建中小学所 an error (its number was lost), and the reminder comes first.
const HEAD = ['第八十一期：导入预览测试专题', '典型做法之1：浙江省德清县推进城乡教育共同体建设', '（一）主要做法'];
const FLAWED = [...HEAD, '一是统筹城乡学校布局,推动优质资源下沉。二是新建中小学所，扩大公办学位供给。'].join('\n');
const FIXED = [...HEAD, '一是统筹城乡学校布局,推动优质资源下沉。二是新建中小学12所，扩大公办学位供给。'].join('\n');

test('the pasted text stays after preview, errors and reminders look different, and a fix is previewed again', async ({ browser }) => {
  const page = await editorPage(browser);
  await page.goto('/admin/import');
  const box = page.getByLabel('或粘贴文本');
  await box.fill(FLAWED);
  await page.getByRole('button', { name: '解析并预览' }).click();
  await expect(page.getByRole('heading', { name: '2. 预览：1 期，1 个案例' })).toBeVisible();
  await expect(box).toHaveValue(FLAWED);
  await expect(page.getByText(/校对发现错误 1 处、提醒 1 处/u)).toBeVisible();

  const findings = page.getByRole('list', { name: '之1的校对结果' }).getByRole('listitem');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toContainText('错误');
  await expect(findings.nth(0)).toContainText('缺少数字');
  await expect(findings.nth(1)).toContainText('提醒');
  await expect(findings.nth(1)).not.toContainText('错误');
  const background = (i: number) => findings.nth(i).locator('.a-badge').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(0)).not.toBe(await background(1));

  // Editing the text makes the preview stale: importing it would write what the editor no longer sees.
  await box.fill(FIXED);
  await expect(page.getByText(/文本已修改/u)).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入为草稿' })).toBeDisabled();
  await page.getByRole('button', { name: '解析并预览' }).click();
  await expect(page.getByText(/校对发现错误 0 处、提醒 1 处/u)).toBeVisible();
  await expect(box).toHaveValue(FIXED);
  await expect(page.getByRole('button', { name: '确认导入为草稿' })).toBeEnabled();
});

test('a file of random bytes is refused once, as not a text or Word file', async ({ browser }) => {
  const page = await editorPage(browser);
  await page.goto('/admin/import');
  await page.getByLabel('上传文件').setInputFiles({ name: 'random.txt', mimeType: 'text/plain', buffer: noise(64 * 1024) });
  await page.getByRole('button', { name: '解析并预览' }).click();
  await expect(page.getByText(/文件不是文本或 Word 文档/u)).toHaveCount(1);
  await expect(page.getByText(/文件不是文本或 Word 文档/u)).toBeVisible();
  await expect(page.getByRole('heading', { name: /2\. 预览/u })).toHaveCount(0);
});

test('the editor and the review page show the same 第N版, and no other version number', async ({ browser }) => {
  const page = await editorPage(browser);
  const url = await adminCaseUrl(page, '湖北省武汉市随迁子女与户籍子女义务教育一视同仁');
  await page.goto(url);
  const header = page.locator('.page-header .sub');
  await expect(header).toContainText(/第\d+版/u);
  await expect(header).not.toContainText('版本号');
  const shown = /第(\d+)版/u.exec((await header.textContent()) ?? '')![1];
  await page.goto(`${url}/review`);
  await expect(page.getByText(`当前第${shown}版`)).toBeVisible();
});
