'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { signOut } from 'next-auth/react';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { changeOwnPasswordAction } from '@/lib/actions/accounts';
import { changeOwnPasswordSchema } from '@/lib/validations/account';

type Values = z.input<typeof changeOwnPasswordSchema>;

/** Changing one's own password needs the current one; afterwards every session ends, so the person signs in again. */
export function ChangePasswordForm() {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({
    resolver: zodResolver(changeOwnPasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { register, handleSubmit, formState } = form;
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await changeOwnPasswordAction(values);
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setOutcome({ ok: false, text: result.message });
      }
      setOutcome({ ok: true, text: result.message ?? '密码已修改。' });
      await signOut({ callbackUrl: '/sign-in' });
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="修改密码">
      <h2>修改密码</h2>
      {outcome ? <Notice tone={outcome.ok ? 'success' : 'error'}>{outcome.text}</Notice> : null}
      <Field label="当前密码" required error={formState.errors.currentPassword?.message}>
        {(p) => <input {...p} {...register('currentPassword')} type="password" autoComplete="current-password" />}
      </Field>
      <Field label="新密码" required error={formState.errors.newPassword?.message} hint="至少 10 个字符。">
        {(p) => <input {...p} {...register('newPassword')} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="再次输入新密码" required error={formState.errors.confirmPassword?.message}>
        {(p) => <input {...p} {...register('confirmPassword')} type="password" autoComplete="new-password" />}
      </Field>
      <div style={{ marginTop: 10 }}>
        <Button type="submit" variant="primary" pending={pending}>
          修改密码
        </Button>
      </div>
    </form>
  );
}
