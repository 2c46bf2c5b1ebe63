'use server';
import { adminAction } from '@/lib/admin/action';
import { changeOwnPassword, changeRole, createUser, deactivateUser, reactivateUser, resetPassword, unlockSignIn } from '@/lib/services/users';
import { changeOwnPasswordSchema, changeRoleSchema, createUserSchema, resetPasswordSchema, userRefSchema } from '@/lib/validations/account';
import { revalidateAccounts } from './revalidate';

export const createUserAction = adminAction(createUserSchema, {
  run: createUser,
  reply: (r) => ({ message: `已创建账号 ${r.user.email}。`, generatedPassword: r.generatedPassword }),
  revalidate: revalidateAccounts,
});

export const changeRoleAction = adminAction(changeRoleSchema, {
  run: changeRole,
  reply: () => ({ message: '角色已修改，对方下一次操作时生效。' }),
  revalidate: revalidateAccounts,
});

export const deactivateUserAction = adminAction(userRefSchema, {
  run: deactivateUser,
  reply: () => ({ message: '账号已停用，其登录立即失效。' }),
  revalidate: revalidateAccounts,
});

export const reactivateUserAction = adminAction(userRefSchema, {
  run: reactivateUser,
  reply: () => ({ message: '账号已启用。' }),
  revalidate: revalidateAccounts,
});

export const resetPasswordAction = adminAction(resetPasswordSchema, {
  run: resetPassword,
  reply: (r) => ({ message: '密码已重置，对方需用新密码重新登录。', generatedPassword: r.generatedPassword }),
  revalidate: revalidateAccounts,
});

export const unlockSignInAction = adminAction(userRefSchema, {
  run: unlockSignIn,
  reply: (r) => ({ message: `已解除 ${r.user.email} 的登录限制。` }),
  revalidate: revalidateAccounts,
});

/** Every session of this account ends with the change, this one included: the form sends the person to sign in. */
export const changeOwnPasswordAction = adminAction(changeOwnPasswordSchema, {
  run: changeOwnPassword,
  reply: () => ({ message: '密码已修改，请用新密码重新登录。' }),
});
