'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { saveReviewStagesAction } from '@/lib/actions/settings';
import { ROLE_LABELS } from '@/lib/content/model';
import { STAGE_ROLES, stagesFormSchema } from '@/lib/validations/stages';
import { MAX_REQUIRED_ROUNDS, MAX_STAGES } from '@/lib/workflow/stages';

type Values = z.input<typeof stagesFormSchema>;
type Output = z.output<typeof stagesFormSchema>;

interface Props {
  stages: Output['stages'];
  /** The fingerprint of the saved stages this form began from. */
  base: string;
  candidates: { id: number; name: string; email: string; role: 'reviewer' | 'admin' }[];
}

const DEFAULT_NAMES = ['初审', '复审', '终审'];

/** One to three stages, each with its roles, its named people, its 校次 and where a return restarts. */
export function ReviewStagesForm({ stages, base: initialBase, candidates }: Props) {
  const router = useRouter();
  const [base, setBase] = useState(initialBase);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string; details?: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(stagesFormSchema), defaultValues: { stages } });
  const { register, control, handleSubmit, formState, watch } = form;
  const list = useFieldArray({ control, name: 'stages' });
  const firstName = watch('stages.0.name') || '第一个环节';
  const errors = formState.errors.stages;
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await saveReviewStagesAction({ base, stages: values.stages });
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setMessage({ tone: 'error', text: result.message, details: result.details });
      }
      setBase(result.base);
      form.reset(values);
      setMessage({ tone: 'success', text: result.message ?? '已保存。' });
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="审核环节">
      <div aria-live="polite">
        {message ? (
          <Notice tone={message.tone}>
            {message.text}
            {message.details?.length ? (
              <ul>
                {message.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </div>
      {errors?.root?.message || errors?.message ? <Notice tone="error">{errors.root?.message ?? errors.message}</Notice> : null}
      {list.fields.map((field, i) => {
        const e = errors?.[i];
        return (
          <fieldset key={field.id}>
            <legend>第{i + 1}个环节</legend>
            <div className="form-row">
              <Field label="名称" required error={e?.name?.message}>
                {(p) => <input {...p} {...register(`stages.${i}.name`)} type="text" maxLength={20} autoComplete="off" />}
              </Field>
              <Field label="要求的校次" error={e?.requiredRounds?.message} hint={`本环节通过前，这一版须完成的校对次数（0–${MAX_REQUIRED_ROUNDS}）。`}>
                {(p) => <input {...p} {...register(`stages.${i}.requiredRounds`)} type="number" min={0} max={MAX_REQUIRED_ROUNDS} step={1} />}
              </Field>
            </div>
            <fieldset aria-describedby={`stage-${i}-roles-error`}>
              <legend>负责的角色</legend>
              {STAGE_ROLES.map((role) => (
                <label key={role} className="choice">
                  <input type="checkbox" value={role} {...register(`stages.${i}.roles`)} /> {ROLE_LABELS[role]}
                </label>
              ))}
              <div id={`stage-${i}-roles-error`} className="field-error" aria-live="polite">
                {e?.roles?.message ? <p>{e.roles.message}</p> : null}
              </div>
            </fieldset>
            <Field
              label="指定人员"
              error={e?.userIds?.message ?? e?.userIds?.root?.message}
              hint="除上面的角色外，这些人也可以在本环节审核。按住 Ctrl（Mac 上为 ⌘）可多选。"
            >
              {(p) => (
                <Controller
                  control={control}
                  name={`stages.${i}.userIds`}
                  render={({ field: f }) => (
                    <select
                      {...p}
                      multiple
                      size={Math.min(6, Math.max(3, candidates.length))}
                      value={(f.value ?? []).map(String)}
                      onChange={(ev) => f.onChange(Array.from(ev.target.selectedOptions).map((o) => Number(o.value)))}
                      onBlur={f.onBlur}
                    >
                      {candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}（{ROLE_LABELS[c.role]}，{c.email}）
                        </option>
                      ))}
                    </select>
                  )}
                />
              )}
            </Field>
            <div className="field">
              <label>
                <input type="checkbox" {...register(`stages.${i}.returnRestarts`)} /> 退回后从{i === 0 ? '本环节' : firstName}重新开始
              </label>
              <p className="field-hint">不勾选时，编辑修改后重新提交，案例直接回到退回它的这一环节。</p>
            </div>
            <div className="actions">
              {i > 0 ? (
                <Button size="sm" onClick={() => list.move(i, i - 1)}>
                  上移
                </Button>
              ) : null}
              {list.fields.length > 1 ? (
                <Button size="sm" variant="danger" onClick={() => list.remove(i)}>
                  删除这一环节
                </Button>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <div className="actions" style={{ marginTop: 8 }}>
        {list.fields.length < MAX_STAGES ? (
          <Button
            onClick={() =>
              list.append({ name: DEFAULT_NAMES[list.fields.length] ?? '', roles: ['reviewer', 'admin'], userIds: [], requiredRounds: 0, returnRestarts: true })
            }
          >
            添加环节
          </Button>
        ) : null}
        <Button type="submit" variant="primary" pending={pending} pendingText="正在保存…">
          保存审核流程
        </Button>
      </div>
      <p className="small muted">
        至少一个、至多{MAX_STAGES}个环节。正在某个环节等待审核的案例，不能删除那个环节。发布一期时，每个案例须完成各环节中要求最多的校次。
      </p>
    </form>
  );
}
