'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { createUserAction } from '@/lib/actions/accounts';
import { ROLES, ROLE_LABELS } from '@/lib/content/model';
import { createUserSchema } from '@/lib/validations/account';

type Values = z.input<typeof createUserSchema>;

export function CreateAccountForm() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; password?: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, z.output<typeof createUserSchema>>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: '', name: '', role: 'editor', password: undefined },
  });
  const { register, handleSubmit, formState, reset } = form;
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await createUserAction(values);
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setOutcome({ ok: false, text: result.message });
      }
      setOutcome({ ok: true, text: result.message ?? '已创建。', password: result.generatedPassword });
      reset();
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="新建账号">
      <h2>新建账号</h2>
      {outcome ? (
        <Notice tone={outcome.ok ? 'success' : 'error'}>
          {outcome.text}
          {outcome.password ? <> 初始密码（只显示这一次）：<code>{outcome.password}</code></> : null}
        </Notice>
      ) : null}
      <Field label="姓名" required error={formState.errors.name?.message}>
        {(p) => <input {...p} {...register('name')} type="text" autoComplete="off" />}
      </Field>
      <Field label="邮箱" required error={formState.errors.email?.message}>
        {(p) => <input {...p} {...register('email')} type="email" autoComplete="off" />}
      </Field>
      <Field label="角色" error={formState.errors.role?.message}>
        {(p) => (
          <select {...p} {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        )}
      </Field>
      <div style={{ marginTop: 10 }}>
        <Button type="submit" variant="primary" pending={pending}>创建账号</Button>
        <p className="small muted">系统会生成初始密码并只显示一次。</p>
      </div>
    </form>
  );
}
