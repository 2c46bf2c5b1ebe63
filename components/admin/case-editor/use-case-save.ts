'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { applyFieldErrors } from '@/components/admin/form-errors';
import { createCaseAction, saveCaseAction, submitCaseAction, withdrawCaseAction } from '@/lib/actions/cases';
import { contentOf, type CaseFormValues } from '@/lib/admin/case-form';
import type { CaseStatus } from '@/lib/content/model';
import type { Conflict, Failure } from '@/lib/services/result';

/** A refusal because the case changed since this page loaded, and what the editor was doing. */
export type EditorConflict = { message: string; conflict: Conflict; attempted: 'save' | 'submit' | 'withdraw' };

export type EditorMessage = { tone: 'success' | 'error' | 'info'; text: string; details?: string[] } | null;

/** Saving, submitting and withdrawing, each sending the version the editor is based on, every outcome reported. */
export function useCaseSave(form: UseFormReturn<CaseFormValues>, init: { caseId: number | null; version: number | null; revisionNumber?: number | null; status: CaseStatus | null }) {
  const router = useRouter();
  const [version, setVersionState] = useState(init.version);
  // Read by submit right after a save in the same click, before React has re-rendered with the new state.
  const versionRef = useRef(init.version);
  const setVersion = (v: number) => {
    versionRef.current = v;
    setVersionState(v);
  };
  // An existing case always arrives with its version; 0 is never one, so the server would refuse rather than guess.
  const basedOn = (caseId: number) => ({ caseId, baseVersion: versionRef.current ?? 0 });
  // 第N版 is what people see; the version above only guards against overwriting and is never shown.
  const [revisionNumber, setRevisionNumber] = useState(init.revisionNumber ?? null);
  const [status, setStatus] = useState(init.status);
  const [message, setMessage] = useState<EditorMessage>(null);
  const [conflict, setConflict] = useState<EditorConflict | null>(null);
  const [pending, startTransition] = useTransition();
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);

  const showFailure = (result: Failure, attempted: EditorConflict['attempted'] = 'save') => {
    if (result.conflict) setConflict({ message: result.message, conflict: result.conflict, attempted });
    // The actions take `{ content: values, … }`, so the server's paths start with `content.`.
    applyFieldErrors(form, result, 'content.');
    setMessage({ tone: 'error', text: result.message, details: result.details });
  };

  /** Saves; resolves true when the content on the server now matches the form. */
  const save = async (values: CaseFormValues, how: 'manual' | 'auto' = 'manual'): Promise<boolean> => {
    const content = contentOf(values);
    if (init.caseId === null) {
      const result = await createCaseAction({ content });
      if (!result.ok) return showFailure(result), false;
      form.reset(values);
      router.replace(`/admin/cases/${result.caseId}?created=1`);
      return true;
    }
    const result = await saveCaseAction({ ...basedOn(init.caseId), content });
    if (!result.ok) return showFailure(result), false;
    setVersion(result.version);
    if (result.revisionNumber !== null) setRevisionNumber(result.revisionNumber);
    setStatus(result.status);
    setLastSavedAt(new Date());
    form.reset(values, { keepValues: true });
    setMessage(how === 'auto' ? { tone: 'info', text: `已自动保存。${result.message ?? ''}` } : { tone: 'success', text: result.message ?? '已保存。' });
    return true;
  };

  const run = (work: () => Promise<unknown>) => startTransition(async () => void (await work()));

  const submit = () =>
    run(async () => {
      if (init.caseId === null) return;
      if (form.formState.isDirty) {
        let saved = false;
        await form.handleSubmit(async (v) => void (saved = await save(v)))();
        if (!saved) return;
      }
      const result = await submitCaseAction(basedOn(init.caseId));
      if (!result.ok) return showFailure(result, 'submit');
      setVersion(result.version);
      setStatus(result.status);
      setMessage({ tone: 'success', text: result.message ?? '已提交审核。' });
      router.refresh();
    });

  const withdraw = () =>
    run(async () => {
      if (init.caseId === null) return;
      const result = await withdrawCaseAction(basedOn(init.caseId));
      if (!result.ok) return showFailure(result, 'withdraw');
      setVersion(result.version);
      setStatus(result.status);
      setMessage({ tone: 'success', text: result.message ?? '已撤回。' });
      router.refresh();
    });

  return { version, revisionNumber, status, message, setMessage, conflict, setConflict, pending, run, save, submit, withdraw, lastSavedAt };
}
