'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { CaseStatusBadge } from '@/components/admin/status-badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { caseFormSchema, contentOf, type CaseFormValues } from '@/lib/admin/case-form';
import { placeNameOf } from '@/lib/admin/place-name';
import type { CaseStatus } from '@/lib/content/model';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { THEME_NAMES } from '@/lib/content/themes';
import { applyFix, hasBlockingErrors, proofreadCase, type Finding } from '@/lib/proofread';
import { CasePreview } from './case-preview';
import { ConflictDialog } from './conflict-dialog';
import { contentAsText } from './content-text';
import { FindingsPanel } from './findings-panel';
import { ProfileFields } from './profile-fields';
import { RegionPicker, type PickedRegion } from './region-picker';
import { SectionsField } from './sections-field';
import { useCaseSave } from './use-case-save';

export interface CaseEditorProps {
  caseId: number | null;
  version: number | null;
  /** 第N版: the number of the saved text being edited, the one every page shows. */
  revisionNumber?: number | null;
  status: CaseStatus | null;
  initial: CaseFormValues;
  initialRegions: PickedRegion[];
  can: { submit: boolean; withdraw: boolean };
  kicker?: string;
  /** Why the content cannot be changed at all right now (its issue is scheduled), or nothing. */
  lockedReason?: string | null;
  /** For a case the public sees: its public 第N版 and the proofreading errors left in it (待更正). */
  publicText?: { revisionNumber: number | null; errors: number } | null;
}

const AUTOSAVE_MS = 4000;

function fieldPath(f: Finding): FieldPath<CaseFormValues> | null {
  if (f.field === 'title') return 'title';
  if (f.field === 'lead') return 'lead';
  if (f.field === 'section' && f.sectionIndex !== undefined) return `sections.${f.sectionIndex}.body`;
  return null;
}

export function CaseEditor({
  caseId,
  version: initialVersion,
  revisionNumber = null,
  status: initialStatus,
  initial,
  initialRegions,
  can,
  kicker,
  lockedReason = null,
  publicText = null,
}: CaseEditorProps) {
  const form = useForm<CaseFormValues>({ resolver: zodResolver(caseFormSchema), defaultValues: initial, mode: 'onBlur' });
  const { register, setValue, getValues, formState, handleSubmit, control } = form;
  const [regions, setRegions] = useState(initialRegions);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [recovered, setRecovered] = useState<string | null>(null);
  // Creating lands here through ?created=1; the notice says it worked, once, and the address is cleaned.
  const searchParams = useSearchParams();
  const [created] = useState(() => searchParams.get('created') === '1');
  const s = useCaseSave(form, { caseId, version: initialVersion, revisionNumber, status: initialStatus });
  const storageKey = `casebook:unsaved:${caseId ?? 'new'}`;

  const watched = useWatch({ control }) as CaseFormValues;
  const content = useMemo(() => contentOf({ ...initial, ...watched, profile: { ...initial.profile, ...watched.profile } }), [watched, initial]);
  // Proofreading runs on a deferred copy so typing stays smooth on long cases.
  const deferred = useDeferredValue(content);
  const findings = useMemo(() => proofreadCase(deferred), [deferred]);
  const sentence = content.profile ? renderProfileSentence(content.profile, placeNameOf(content.regions)) : '';
  const locked = lockedReason !== null;
  const editable = s.status !== 'in_review' && !locked;
  const autosaves = !locked && caseId !== null && (s.status === 'draft' || s.status === 'changes_requested');

  useEffect(() => {
    if (created) window.history.replaceState(null, '', window.location.pathname);
  }, [created]);

  useEffect(() => {
    const kept = sessionStorage.getItem(storageKey);
    if (kept) setRecovered(kept);
  }, [storageKey]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!formState.isDirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [formState.isDirty]);

  // Autosave drafts a few seconds after the last change, only when the form is valid and no conflict is open.
  useEffect(() => {
    if (!autosaves || !formState.isDirty || s.pending || s.conflict) return;
    const timer = setTimeout(() => {
      void form.trigger().then((valid) => {
        if (valid) s.run(() => s.save(getValues(), 'auto'));
      });
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [watched, autosaves, formState.isDirty, s, form, getValues]);

  const onRegions = (next: PickedRegion[]) => {
    setRegions(next);
    setValue('regions', next.map((r) => r.code), { shouldDirty: true, shouldValidate: true });
  };
  const jump = (f: Finding) => {
    const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${f.field === 'section' ? `section-${f.sectionIndex}` : f.field}"]`);
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.offset, f.offset + f.length);
  };
  const fix = (f: Finding) => {
    const path = fieldPath(f);
    if (path) setValue(path, applyFix(String(getValues(path) ?? ''), f), { shouldDirty: true });
  };
  const onSave = handleSubmit((values) => s.run(() => s.save(values)), () => s.setMessage({ tone: 'error', text: '有字段需要修改，请查看标红的提示。' }));
  const blocking = hasBlockingErrors(findings);
  // Until a new revision is saved the text here is the one readers see: its errors are already
  // public, to be corrected, not something that stops a publish.
  const showingPublicText = s.status === 'published' && publicText !== null;

  return (
    <FormProvider {...form}>
      <div className="page-header">
        <div>
          <h1>
            {caseId === null ? '新建案例' : '编辑案例'} {s.status ? <CaseStatusBadge status={s.status} publishedErrors={publicText?.errors} /> : null}
          </h1>
          <p className="sub">
            {kicker}
            {s.revisionNumber !== null ? ` · 第${s.revisionNumber}版` : ''}
            {autosaves ? ' · 草稿会自动保存' : ''}
            {formState.isDirty ? ' · 有未保存的修改' : s.lastSavedAt ? ' · 已保存' : ''}
          </p>
        </div>
        <div className="actions">
          {caseId !== null ? <Link className="btn" href={`/admin/cases/${caseId}/review`}>审核与历史</Link> : null}
          <Button onClick={() => setPreviewOpen(true)}>预览</Button>
          {editable || locked ? (
            <Button
              variant={caseId === null ? 'primary' : 'secondary'}
              pending={s.pending}
              pendingText="正在保存…"
              disabled={locked}
              aria-describedby={locked ? 'case-locked-reason' : undefined}
              onClick={() => void onSave()}
            >
              {caseId === null ? '创建草稿' : '保存'}
            </Button>
          ) : null}
          {caseId !== null && can.submit && (s.status === 'draft' || s.status === 'changes_requested') ? (
            <>
              <Button variant="primary" pending={s.pending} disabled={blocking} aria-describedby={blocking ? 'case-submit-blocked' : undefined} onClick={s.submit}>
                提交审核
              </Button>
              {/* Said beside the button, not in a tooltip: a disabled button cannot be hovered by keyboard or touch. */}
              {blocking ? (
                <span id="case-submit-blocked" className="small field-error">
                  校对发现错误，改正“校对”栏列出的错误后才能提交审核。
                </span>
              ) : null}
            </>
          ) : null}
          {caseId !== null && can.withdraw && s.status === 'in_review' ? (
            <Button pending={s.pending} onClick={s.withdraw}>
              撤回提交
            </Button>
          ) : null}
        </div>
      </div>
      <div aria-live="polite">
        {created && !s.message ? <Notice tone="success">案例已创建，已保存为草稿。可以继续修改，改好后提交审核。</Notice> : null}
        {s.message ? (
          <Notice tone={s.message.tone}>
            {s.message.text}
            {s.message.details?.length ? (
              <ul className="small">
                {s.message.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </div>
      {recovered ? (
        <Notice tone="warning">
          上次因保存冲突而未保存的内容保留在这里，可复制需要的部分：
          <textarea readOnly value={recovered} rows={6} aria-label="上次未保存的内容" />
          <Button size="sm" onClick={() => (sessionStorage.removeItem(storageKey), setRecovered(null))}>
            不再需要，清除
          </Button>
        </Notice>
      ) : null}
      {locked ? (
        <Notice tone="warning">
          <span id="case-locked-reason">{lockedReason}</span>取消排期由审核人员在该期页面操作。
        </Notice>
      ) : !editable ? (
        <Notice tone="info">案例正在审核中，不能修改；如需修改请先撤回提交。</Notice>
      ) : null}
      <div className="editor-grid">
        <form onSubmit={(e) => (e.preventDefault(), void onSave())} aria-label="案例内容" noValidate>
          <fieldset disabled={!editable}>
            <legend>基本信息</legend>
            <Field label="标题" required error={formState.errors.title?.message}>
              {(p) => <input {...p} {...register('title')} type="text" data-field="title" maxLength={200} />}
            </Field>
            <RegionPicker value={regions} onChange={onRegions} error={formState.errors.regions?.message} />
            <fieldset style={{ marginTop: 10 }}>
              <legend>主题</legend>
              <div className="actions">
                {THEME_NAMES.map((t) => (
                  <label key={t} className="small">
                    <input type="checkbox" value={t} {...register('tags')} /> {t}
                  </label>
                ))}
              </div>
            </fieldset>
          </fieldset>
          <fieldset disabled={!editable}>
            <legend>概况</legend>
            <label className="small">
              <input type="checkbox" {...register('hasProfile')} /> 本案例有结构化概况（城市群等无法概括的案例可改用导语）
            </label>
            {watched.hasProfile ? <ProfileFields sentence={sentence} /> : null}
            <Field label="导语" hint="可选。没有概况时写一段导语介绍背景。" error={formState.errors.lead?.message}>
              {(p) => <textarea {...p} {...register('lead')} rows={3} data-field="lead" />}
            </Field>
          </fieldset>
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, background: 'none' }}>
            <SectionsField />
          </fieldset>
        </form>
        <aside aria-label="校对结果">
          <FindingsPanel
            findings={findings}
            content={deferred}
            onJump={jump}
            onFix={fix}
            publicRevision={showingPublicText ? (publicText?.revisionNumber ?? null) : undefined}
          />
        </aside>
      </div>
      <Dialog open={previewOpen} title="预览：读者看到的页面" onClose={() => setPreviewOpen(false)} wide footer={<Button onClick={() => setPreviewOpen(false)}>关闭预览</Button>}>
        <CasePreview content={content} kicker={kicker} />
      </Dialog>
      <ConflictDialog conflict={s.conflict} myText={contentAsText(content)} storageKey={storageKey} onClose={() => s.setConflict(null)} />
    </FormProvider>
  );
}
