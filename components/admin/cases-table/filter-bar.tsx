'use client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { DEFAULT_CASE_TABLE_STATE, hasCaseFilters, type CaseTableState } from '@/lib/admin/case-table-state';
import type { CaseFilterOptions } from '@/lib/admin/case-list';
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseStatus } from '@/lib/content/model';
import type { ProvinceOption } from '@/lib/regions';
import { issueLabel } from '@/lib/content/numerals';

interface Props {
  state: CaseTableState;
  issues: CaseFilterOptions['issues'];
  users: CaseFilterOptions['users'];
  provinces: ProvinceOption[];
  themes: string[];
  navigate: (patch: Partial<CaseTableState>) => void;
}

/** Search and filters. Selects apply at once; the search box and dates apply on Enter or 筛选. */
export function FilterBar({ state, issues, users, provinces, themes, navigate }: Props) {
  const [q, setQ] = useState(state.q);
  const [from, setFrom] = useState(state.updatedFrom ?? '');
  const [to, setTo] = useState(state.updatedTo ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ q: q.trim(), updatedFrom: from || null, updatedTo: to || null });
  };
  const statusValue = state.statuses.length === 1 ? state.statuses[0]! : state.statuses.length > 1 ? 'multi' : '';
  const idOrNull = (v: string) => (v ? Number(v) : null);
  return (
    <form className="toolbar" role="search" aria-label="筛选案例" onSubmit={submit}>
      <Field label="搜索" className="grow">
        {(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="标题或正文，如：教育、住房公积金" maxLength={100} />}
      </Field>
      <Field label="状态">
        {(p) => (
          <select {...p} value={statusValue} onChange={(e) => navigate({ statuses: e.target.value ? [e.target.value as CaseStatus] : [] })}>
            <option value="">全部</option>
            {statusValue === 'multi' ? <option value="multi">{state.statuses.map((s) => CASE_STATUS_LABELS[s]).join('、')}</option> : null}
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="期">
        {(p) => (
          <select {...p} value={state.issue === null ? '' : String(state.issue)} onChange={(e) => navigate({ issue: e.target.value === 'none' ? 'none' : idOrNull(e.target.value) })}>
            <option value="">全部</option>
            <option value="none">未编入期刊</option>
            {issues.map((i) => (
              <option key={i.id} value={i.id}>
                {issueLabel(i.number)} {i.title.slice(0, 14)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="省份">
        {(p) => (
          <select {...p} value={state.province ?? ''} onChange={(e) => navigate({ province: e.target.value || null })}>
            <option value="">全部</option>
            {provinces.map((pr) => (
              <option key={pr.code} value={pr.code}>
                {pr.shortName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="主题">
        {(p) => (
          <select {...p} value={state.theme ?? ''} onChange={(e) => navigate({ theme: e.target.value || null })}>
            <option value="">全部</option>
            {themes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="作者">
        {(p) => (
          <select {...p} value={state.authorId ?? ''} onChange={(e) => navigate({ authorId: idOrNull(e.target.value) })}>
            <option value="">全部</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="审核人">
        {(p) => (
          <select {...p} value={state.reviewerId ?? ''} onChange={(e) => navigate({ reviewerId: idOrNull(e.target.value) })}>
            <option value="">全部</option>
            {users.filter((u) => u.role !== 'editor').map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="只看待更正">
        {(p) => <input {...p} type="checkbox" checked={state.corrections} onChange={(e) => navigate({ corrections: e.target.checked })} />}
      </Field>
      <Field label="更新自">
        {(p) => <input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label="更新至">
        {(p) => <input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <div className="actions">
        <Button type="submit" variant="primary">
          筛选
        </Button>
        {hasCaseFilters(state) ? (
          <Button
            variant="ghost"
            onClick={() => {
              setQ('');
              setFrom('');
              setTo('');
              const { sort, pageSize, hidden } = state;
              navigate({ ...DEFAULT_CASE_TABLE_STATE, sort, pageSize, hidden });
            }}
          >
            清除筛选
          </Button>
        ) : null}
      </div>
    </form>
  );
}
