import { z } from './zod';
import { ROLES } from '@/lib/content/model';
import { id, MAX_PASSWORD_LENGTH } from './common';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('请输入有效的邮箱地址').max(200, '邮箱不超过200个字符'));
const tooLong = `密码不超过${MAX_PASSWORD_LENGTH}个字符`;
export const newPasswordSchema = z.string().min(10, '密码至少10个字符').max(MAX_PASSWORD_LENGTH, tooLong);
const roleSchema = z.enum(ROLES, { error: '请选择角色' });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, '请输入密码').max(MAX_PASSWORD_LENGTH, tooLong),
});

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过50个字'),
  role: roleSchema,
  /** Left empty, a password is generated and shown once to the admin. */
  password: newPasswordSchema.optional(),
});

export const changeRoleSchema = z.object({ userId: id('账号'), role: roleSchema });

export const userRefSchema = z.object({ userId: id('账号') });

export const resetPasswordSchema = z.object({ userId: id('账号'), newPassword: newPasswordSchema.optional() });

export const changeOwnPasswordSchema = z
  .object({
    // Capped like a new one: the current password is hashed to be checked.
    currentPassword: z.string().min(1, '请输入当前密码').max(MAX_PASSWORD_LENGTH, tooLong),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH, tooLong),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: '两次输入的新密码不一致', path: ['confirmPassword'] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: '新密码不能与当前密码相同', path: ['newPassword'] });

export type SignInInput = z.infer<typeof signInSchema>;
