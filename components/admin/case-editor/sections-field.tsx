'use client';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { headingForKind, type CaseFormValues } from '@/lib/admin/case-form';
import { SECTION_HEADINGS, SECTION_KINDS, type SectionKind } from '@/lib/content/model';
import { sectionLabel, sectionPlace } from '@/lib/content/numerals';

const KIND_LABELS: Record<SectionKind, string> = { ...SECTION_HEADINGS, custom: '自定义标题' };

/** The ordered sections; （一）（二） come from the order, never typed. */
export function SectionsField() {
  const { control, register, setValue, getValues, watch, formState } = useFormContext<CaseFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'sections' });
  const errors = formState.errors.sections;
  return (
    <fieldset>
      <legend>正文段落</legend>
      {errors?.root?.message || errors?.message ? <p className="field-error">{errors.root?.message ?? errors.message}</p> : null}
      {fields.map((field, index) => {
        const kind = watch(`sections.${index}.kind`);
        const e = errors?.[index];
        // Named as the page heading reads, （二）主要成效, the one way sections are named everywhere.
        const place = sectionPlace(index, watch(`sections.${index}.heading`));
        return (
          <div key={field.id} className="panel" style={{ background: '#fbfcfd' }} role="group" aria-label={place}>
            <div className="toolbar" style={{ marginBottom: 6 }}>
              <strong aria-hidden="true">{sectionLabel(index)}</strong>
              <Field label="段落类型">
                {(p) => (
                  <select
                    {...p}
                    {...register(`sections.${index}.kind`, {
                      onChange: (ev: { target: { value: string } }) => {
                        const next = ev.target.value as SectionKind;
                        setValue(`sections.${index}.heading`, headingForKind(next, getValues(`sections.${index}.heading`)), { shouldDirty: true });
                      },
                    })}
                  >
                    {SECTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {kind === 'custom' ? (
                <Field label="标题" className="grow" error={e?.heading?.message}>
                  {(p) => <input {...p} {...register(`sections.${index}.heading`)} type="text" maxLength={50} />}
                </Field>
              ) : null}
              <div className="actions" style={{ marginLeft: 'auto' }}>
                <Button size="sm" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`${place}上移`}>
                  上移
                </Button>
                <Button size="sm" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={`${place}下移`}>
                  下移
                </Button>
                <Button size="sm" variant="danger" disabled={fields.length === 1} onClick={() => remove(index)} aria-label={`删除${place}`}>
                  删除
                </Button>
              </div>
            </div>
            <Field label={`${sectionLabel(index)}${kind === 'custom' ? '' : SECTION_HEADINGS[kind as Exclude<SectionKind, 'custom'>]}正文`} error={e?.body?.message} hint="纯文本，每段一行。">
              {(p) => <textarea {...p} {...register(`sections.${index}.body`)} rows={6} data-field={`section-${index}`} />}
            </Field>
          </div>
        );
      })}
      <Button onClick={() => append({ kind: 'custom', heading: '', body: '' })}>添加段落</Button>{' '}
      <Button onClick={() => append({ kind: 'problem', heading: SECTION_HEADINGS.problem, body: '' })}>添加“存在问题”</Button>{' '}
      <Button onClick={() => append({ kind: 'next', heading: SECTION_HEADINGS.next, body: '' })}>添加“下一步考虑”</Button>
    </fieldset>
  );
}
