'use server';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { ok } from '@/lib/services/result';
import { changeOwnPassword } from '@/lib/services/users';
import { changeOwnPasswordSchema } from '@/lib/validations/account';

export const changeOwnPasswordAction = adminAction(changeOwnPasswordSchema, async (input, actor) => {
  const result = await changeOwnPassword(await getDb(), actor, input);
  // Every session of this account has just ended, this one included: the form sends the person to sign in.
  return result.ok ? ok({ message: '密码已修改，请用新密码重新登录。' }) : result;
});
