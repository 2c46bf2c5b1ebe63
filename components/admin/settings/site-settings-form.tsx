'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { SiteLabelPreview } from '@/components/admin/settings/site-label-preview';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { saveSiteSettingsAction } from '@/lib/actions/site-settings';
import { MAX_LABEL_FORMAT_LENGTH } from '@/lib/content/serial';
import { MAX_PUBLISHER_NAME_LENGTH, siteSettingsFieldsSchema } from '@/lib/validations/site-settings';

type Values = z.input<typeof siteSettingsFieldsSchema>;
type Output = z.output<typeof siteSettingsFieldsSchema>;

interface Props {
  settings: { issueLabelFormat: string; showColophon: boolean; publisherName: string; version: number };
}

/** 期号格式 with a live preview, and the 版权页 switch and 编印单位; the shared schema on both sides. */
export function SiteSettingsForm({ settings }: Props) {
  const router = useRouter();
  const [version, setVersion] = useState(settings.version);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(siteSettingsFieldsSchema),
    mode: 'onChange',
    // A format can be wrong in several ways at once (an unknown placeholder and no number): say all.
    criteriaMode: 'all',
    defaultValues: { issueLabelFormat: settings.issueLabelFormat, showColophon: settings.showColophon, publisherName: settings.publisherName },
  });
  const { register, handleSubmit, formState, watch } = form;
  const format = watch('issueLabelFormat') ?? '';
  const formatError = formState.errors.issueLabelFormat;
  const formatMessages = formatError?.types
    ? Object.values(formatError.types)
        .flat()
        .filter((m): m is string => typeof m === 'string')
    : formatError?.message?.split('；');
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await saveSiteSettingsAction({ ...values, baseVersion: version });
      if (!result.ok) {
        applyFieldErrors(form, result);
        return setMessage({ tone: 'error', text: result.message });
      }
      setVersion(result.version);
      form.reset(values);
      setMessage({ tone: 'success', text: result.message ?? '已保存。' });
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="期刊设置">
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
      <fieldset>
        <legend>期号</legend>
        <Field
          label="期号格式"
          required
          error={formatMessages}
          hint={`如 {year}年第{yearNumber}期（总第{number}期）。不超过${MAX_LABEL_FORMAT_LENGTH}个字；修改后公众网站上各期的名称立即随之改变，地址不变。`}
        >
          {(p) => <input {...p} {...register('issueLabelFormat')} type="text" maxLength={MAX_LABEL_FORMAT_LENGTH * 2} autoComplete="off" />}
        </Field>
        <SiteLabelPreview format={format} />
      </fieldset>
      <fieldset>
        <legend>版权页</legend>
        <div className="field">
          <label>
            <input type="checkbox" {...register('showColophon')} /> 在每期末尾显示版权页（编印单位、责任编辑和初审、复审、终审人员）
          </label>
          <p className="field-hint">版权页随每期一同发布：修改后，已发布的各期在再次发布时更新。</p>
        </div>
        <Field label="编印单位" hint="显示在版权页上；不填则不显示这一行。" error={formState.errors.publisherName?.message}>
          {(p) => <input {...p} {...register('publisherName')} type="text" maxLength={MAX_PUBLISHER_NAME_LENGTH} />}
        </Field>
      </fieldset>
      <div className="actions" style={{ marginTop: 8 }}>
        <Button type="submit" variant="primary" pending={pending} pendingText="正在保存…">
          保存设置
        </Button>
      </div>
    </form>
  );
}
