// Why a sign-in was refused, as the audit log records it: short codes written by the sign-in and
// throttle code, each with the one phrase the log shows for it. Pure, no db.
import type { ThrottleScope } from '@/lib/auth/throttle';

/** A wrong password, an unknown email or a deactivated account (lib/auth/sign-in.ts). */
export const SIGN_IN_FAILURE_REASONS = ['wrong_password', 'unknown_email', 'deactivated'] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];

/** A lock names the counter that ran out (lib/auth/throttle.ts): a new counter needs a label here. */
export type SignInLockReason = `too_many_${ThrottleScope}`;

export type SignInRefusalReason = SignInFailureReason | SignInLockReason;

export const SIGN_IN_REFUSAL_LABELS: Record<SignInRefusalReason, string> = {
  wrong_password: '密码错误',
  unknown_email: '邮箱没有对应的账号',
  deactivated: '账号已停用',
  too_many_pair: '同一地址对该账号尝试次数过多',
  too_many_address: '同一地址尝试次数过多',
  too_many_account: '该账号在各处的尝试次数过多',
};

export function isSignInRefusalReason(value: string): value is SignInRefusalReason {
  return Object.hasOwn(SIGN_IN_REFUSAL_LABELS, value);
}
