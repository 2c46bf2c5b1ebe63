'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { updateNotificationPreferencesAction } from '@/lib/actions/notifications';
import { notificationPreferencesSchema, type NotificationPreferencesInput } from '@/lib/validations/notifications';

/**
 * One's own choice of email notifications. In-app notifications (the 待办 page) always arrive; email
 * goes out only when the server has a mail server configured, which the form says when it has not.
 */
export function NotificationPreferencesForm({ emailNotifications, emailConfigured }: { emailNotifications: boolean; emailConfigured: boolean }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const hintId = useId();
  const form = useForm<NotificationPreferencesInput>({ resolver: zodResolver(notificationPreferencesSchema), defaultValues: { emailNotifications } });
  const { register, handleSubmit, formState } = form;
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await updateNotificationPreferencesAction(values);
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setOutcome({ ok: false, text: result.message });
      }
      setOutcome({ ok: true, text: result.message ?? '通知设置已保存。' });
    }),
  );
  const error = formState.errors.emailNotifications?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="通知设置">
      <h2>通知设置</h2>
      {outcome ? <Notice tone={outcome.ok ? 'success' : 'error'}>{outcome.text}</Notice> : null}
      <div className={error ? 'field field-invalid' : 'field'}>
        <label>
          <input type="checkbox" {...register('emailNotifications')} aria-describedby={hintId} /> 接收邮件通知
        </label>
        <p id={hintId} className="field-hint">
          {emailConfigured
            ? '有案例等你审核、你提交的案例被退回或有人给你提意见时，发邮件到你的账号邮箱。邮件只说明是什么事并附后台链接，不含案例标题、正文和意见内容。后台“待办”中的通知不受此设置影响。'
            : '本站尚未配置邮件服务器（CASEBOOK_SMTP_URL），目前不发送任何邮件，此设置在配置后才生效。后台“待办”中的通知照常显示。'}
        </p>
        <div className="field-error" aria-live="polite">
          {error ? <p>{error}</p> : null}
        </div>
      </div>
      <div style={{ marginTop: 10 }}>
        <Button type="submit" variant="primary" pending={pending} pendingText="正在保存…">
          保存通知设置
        </Button>
      </div>
    </form>
  );
}
