'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { changeRole, createUser, deactivateUser, reactivateUser, resetPassword, unlockSignIn } from '@/lib/services/users';
import { ok } from '@/lib/services/result';
import { changeRoleSchema, createUserSchema, resetPasswordSchema, userRefSchema } from '@/lib/validations/account';

const done = (message: string, extra: { generatedPassword?: string | null } = {}) => {
  revalidatePath('/admin/accounts');
  return ok({ message, ...extra });
};

export const createUserAction = adminAction(createUserSchema, async (input, actor) => {
  const result = await createUser(await getDb(), actor, input);
  return result.ok ? done(`已创建账号 ${result.user.email}。`, { generatedPassword: result.generatedPassword }) : result;
});

export const changeRoleAction = adminAction(changeRoleSchema, async (input, actor) => {
  const result = await changeRole(await getDb(), actor, input);
  return result.ok ? done('角色已修改，对方下一次操作时生效。') : result;
});

export const deactivateUserAction = adminAction(userRefSchema, async (input, actor) => {
  const result = await deactivateUser(await getDb(), actor, input);
  return result.ok ? done('账号已停用，其登录立即失效。') : result;
});

export const reactivateUserAction = adminAction(userRefSchema, async (input, actor) => {
  const result = await reactivateUser(await getDb(), actor, input);
  return result.ok ? done('账号已启用。') : result;
});

export const resetPasswordAction = adminAction(resetPasswordSchema, async (input, actor) => {
  const result = await resetPassword(await getDb(), actor, input);
  return result.ok ? done('密码已重置，对方需用新密码重新登录。', { generatedPassword: result.generatedPassword }) : result;
});

export const unlockSignInAction = adminAction(userRefSchema, async (input, actor) => {
  const result = await unlockSignIn(await getDb(), actor, input);
  return result.ok ? done(`已解除 ${result.user.email} 的登录限制。`) : result;
});
