'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { saveReturnReasonsAction } from '@/lib/actions/settings';
import { MAX_RETURN_REASONS, returnReasonsFormSchema } from '@/lib/validations/stages';

type Values = z.input<typeof returnReasonsFormSchema>;
type Output = z.output<typeof returnReasonsFormSchema>;

interface Props {
  reasons: { id: number; label: string; active: boolean; uses: number }[];
  base: string;
}

/** The stock return reasons: renamed, reordered, turned off, added; a reason a return used is never deleted. */
export function ReviewReasonsForm({ reasons, base: initialBase }: Props) {
  const router = useRouter();
  const [base, setBase] = useState(initialBase);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const usesOf = new Map(reasons.map((r) => [r.id, r.uses]));
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(returnReasonsFormSchema),
    defaultValues: { reasons: reasons.map(({ id, label, active }) => ({ id, label, active })) },
  });
  const { register, control, handleSubmit, formState, watch } = form;
  const list = useFieldArray({ control, name: 'reasons', keyName: 'key' });
  const errors = formState.errors.reasons;
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await saveReturnReasonsAction({ base, reasons: values.reasons });
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setMessage({ tone: 'error', text: result.message });
      }
      setBase(result.base);
      setMessage({ tone: 'success', text: result.message ?? '已保存。' });
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="退回理由">
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
      {errors?.root?.message || errors?.message ? <Notice tone="error">{errors.root?.message ?? errors.message}</Notice> : null}
      <ol className="plain-list">
        {list.fields.map((field, i) => {
          const id = watch(`reasons.${i}.id`);
          const uses = id === null || id === undefined ? 0 : (usesOf.get(id) ?? 0);
          return (
            <li key={field.key}>
              <div className="form-row" style={{ flex: 1 }}>
                <Field label={`第${i + 1}个理由`} required error={errors?.[i]?.label?.message} hint={uses > 0 ? `已用于${uses}次退回，只能停用，不能删除。` : undefined}>
                  {(p) => <input {...p} {...register(`reasons.${i}.label`)} type="text" maxLength={30} autoComplete="off" />}
                </Field>
                <div className="field">
                  <label>
                    <input type="checkbox" {...register(`reasons.${i}.active`)} /> 启用
                  </label>
                </div>
              </div>
              <div className="actions">
                {i > 0 ? (
                  <Button size="sm" onClick={() => list.move(i, i - 1)} aria-label={`上移第${i + 1}个理由`}>
                    上移
                  </Button>
                ) : null}
                <Button size="sm" variant="danger" disabled={uses > 0} onClick={() => list.remove(i)} aria-label={`删除第${i + 1}个理由`}>
                  删除
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="actions" style={{ marginTop: 8 }}>
        {list.fields.length < MAX_RETURN_REASONS ? <Button onClick={() => list.append({ id: null, label: '', active: true })}>添加理由</Button> : null}
        <Button type="submit" variant="primary" pending={pending} pendingText="正在保存…">
          保存退回理由
        </Button>
      </div>
      <p className="small muted">审核人员退回案例时必须选择一个启用的理由；选择“其他”时还必须写明意见。改名不影响已有的退回记录。</p>
    </form>
  );
}
