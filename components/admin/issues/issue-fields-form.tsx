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
import { createIssueAction, updateIssueAction } from '@/lib/actions/issues';
import { issueFieldsSchema } from '@/lib/validations/issue';

type Values = z.input<typeof issueFieldsSchema>;
type Output = z.output<typeof issueFieldsSchema>;

interface Props {
  /** Absent: a new issue. */
  issue?: { id: number; version: number; number: number; title: string; foreword: string; responsibleEditorId: number | null };
  /** Who may be named 责任编辑: active editors and admins. Absent: the field is not offered. */
  editors?: { id: number; name: string }[];
  suggestedNumber?: number;
  disabled?: boolean;
  /** Why the fields cannot be changed now (the issue is scheduled), written beside the save button. */
  lockedReason?: string | null;
}

/** Number, theme and foreword of an issue, with the shared schema on both sides. */
export function IssueFieldsForm({ issue, editors, suggestedNumber, disabled, lockedReason = null }: Props) {
  const router = useRouter();
  const [version, setVersion] = useState(issue?.version ?? 0);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(issueFieldsSchema),
    defaultValues: issue
      ? { number: issue.number, title: issue.title, foreword: issue.foreword, ...(editors ? { responsibleEditorId: issue.responsibleEditorId } : {}) }
      : { number: suggestedNumber ?? 1, title: '', foreword: '' },
  });
  const { register, handleSubmit, formState } = form;
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = issue ? await updateIssueAction({ ...values, issueId: issue.id, baseVersion: version }) : await createIssueAction(values);
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setMessage({ tone: 'error', text: result.message });
      }
      if ('issueId' in result) return router.push(`/admin/issues/${result.issueId}`);
      if ('version' in result) setVersion(result.version);
      form.reset(values);
      setMessage({ tone: 'success', text: result.message ?? '已保存。' });
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={issue ? '本期信息' : '新建一期'}>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <fieldset disabled={disabled || lockedReason !== null} aria-describedby={lockedReason ? 'issue-fields-locked' : undefined}>
        <legend>{issue ? '本期信息' : '新建一期'}</legend>
        <div className="form-row" style={{ gridTemplateColumns: '120px 1fr' }}>
          <Field label="期号" required error={formState.errors.number?.message} hint="总第N期；年份和年内期号在发布时自动得出">
            {(p) => <input {...p} {...register('number')} type="number" min={1} step={1} />}
          </Field>
          <Field label="主题" required error={formState.errors.title?.message}>
            {(p) => <input {...p} {...register('title')} type="text" maxLength={200} />}
          </Field>
        </div>
        <Field label="编者按" hint="可选，显示在本期开头。" error={formState.errors.foreword?.message}>
          {(p) => <textarea {...p} {...register('foreword')} rows={3} />}
        </Field>
        {editors ? (
          <Field label="责任编辑" hint="可选，显示在本期的版权页上。" error={formState.errors.responsibleEditorId?.message}>
            {(p) => (
              <select {...p} {...register('responsibleEditorId', { setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(v)) })}>
                <option value="">不指定</option>
                {editors.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="actions" style={{ marginTop: 8 }}>
          <Button type="submit" variant="primary" pending={pending} pendingText="正在保存…">
            {issue ? '保存本期信息' : '创建'}
          </Button>
          {lockedReason ? (
            <span id="issue-fields-locked" className="small">
              {lockedReason}
            </span>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
