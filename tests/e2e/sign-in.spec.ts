import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './support/accounts';

test('a wrong password is refused with a message that does not say whether the account exists', async ({ page }) => {
  await signIn(page, 'editor', 'not-the-password');
  // Next.js keeps an empty route announcer with the alert role; ours is the one with text.
  await expect(page.getByRole('alert').filter({ hasText: /\S/u })).toHaveText('邮箱或密码不正确。');
  await expect(page).toHaveURL(/\/sign-in/);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toEqual({});
});

test('the demo editor signs in and lands in the admin with an editor session', async ({ page }) => {
  await signIn(page, 'editor');
  await expect(page).toHaveURL(/\/admin/);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session.actor?.name).toBe(ACCOUNTS.editor.name);
  expect(session.actor?.role).toBe('editor');
});
