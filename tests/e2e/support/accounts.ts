import type { Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../../../playwright.config';

export const ACCOUNTS = {
  admin: { email: 'admin@casebook.local', name: '演示管理员' },
  editor: { email: 'editor@casebook.local', name: '演示编辑' },
  reviewer: { email: 'reviewer@casebook.local', name: '演示审核' },
  // 初审, 复审 and 终审 are each passed by someone else (lib/services/demo.ts).
  reviewer2: { email: 'reviewer2@casebook.local', name: '演示复审' },
  reviewer3: { email: 'reviewer3@casebook.local', name: '演示终审' },
} as const;

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, role: keyof typeof ACCOUNTS, password: string = E2E_DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(ACCOUNTS[role].email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
