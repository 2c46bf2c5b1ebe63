'use client';
import { useFormContext, useWatch } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { numberOrNull, withoutUnstated, type CaseFormValues } from '@/lib/admin/case-form';
import { POPULATION_SCOPES, PROFILE_FACT_LABELS, type ProfileFactKey } from '@/lib/content/model';
import { unstatedFactMessage, unstatedFacts } from '@/lib/proofread/profile';

const NUMBER_FIELDS = [
  { name: 'profile.year', label: '年份', unit: '年', step: '1' },
  { name: 'profile.landAreaKm2', label: '国土面积', unit: '平方公里', step: 'any' },
  { name: 'profile.urbanizationRatePct', label: '常住人口城镇化率', unit: '%', step: 'any' },
  { name: 'profile.gdpYi', label: '地区生产总值', unit: '亿元', step: 'any' },
  { name: 'profile.budgetRevenueYi', label: '一般公共预算收入', unit: '亿元', step: 'any' },
] as const;

/**
 * The structured facts; units are fixed so figures are comparable, and an empty field means "not
 * known". A fact the source named without its figure is required until filled in or removed.
 */
export function ProfileFields({ sentence }: { sentence: string }) {
  const { register, formState, setValue, getValues, control } = useFormContext<CaseFormValues>();
  const errors = formState.errors.profile;
  const numberInput = (name: (typeof NUMBER_FIELDS)[number]['name'] | 'profile.population.value') => register(name, { setValueAs: numberOrNull });
  const profile = useWatch({ control, name: 'profile' });
  const owed = new Set(profile ? unstatedFacts(profile) : []);
  const remove = (key: ProfileFactKey) =>
    setValue('profile.unstated', withoutUnstated(getValues('profile.unstated'), key), { shouldDirty: true });
  const errorsOf = (key: ProfileFactKey, schemaError: string | undefined) =>
    [schemaError, owed.has(key) ? unstatedFactMessage(key) : undefined].filter((e): e is string => Boolean(e));
  const removeButton = (key: ProfileFactKey) =>
    owed.has(key) ? (
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => remove(key)}>
        删除此项（{PROFILE_FACT_LABELS[key]}）
      </button>
    ) : null;
  return (
    <>
      <div className="form-row">
        {NUMBER_FIELDS.map((f) => {
          const key = f.name.split('.')[1] as 'year' | Exclude<ProfileFactKey, 'population'>;
          if (key === 'year') {
            return (
              <Field key={f.name} label={`${f.label}（${f.unit}）`} error={errors?.year?.message}>
                {(p) => <input {...p} {...numberInput(f.name)} type="number" inputMode="decimal" step={f.step} />}
              </Field>
            );
          }
          return (
            <Field key={f.name} label={`${f.label}（${f.unit}）`} error={errorsOf(key, errors?.[key]?.message)} required={owed.has(key)}>
              {(p) => (
                <>
                  <input {...p} {...numberInput(f.name)} type="number" inputMode="decimal" step={f.step} />
                  {removeButton(key)}
                </>
              )}
            </Field>
          );
        })}
        <Field label="人口统计范围" error={errors?.population?.scope?.message}>
          {(p) => (
            <select {...p} {...register('profile.population.scope')}>
              {POPULATION_SCOPES.map((s) => (
                <option key={s} value={s}>
                  {s}常住人口
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="常住人口（万人）" error={errorsOf('population', errors?.population?.value?.message)} required={owed.has('population')}>
          {(p) => (
            <>
              <input {...p} {...numberInput('profile.population.value')} type="number" inputMode="decimal" step="any" />
              {removeButton('population')}
            </>
          )}
        </Field>
      </div>
      <p className="small" aria-live="polite" style={{ marginTop: 8 }}>
        <span className="muted">读者看到的概况句：</span>
        {sentence || <span className="muted">（填写数字后在此生成）</span>}
      </p>
    </>
  );
}
