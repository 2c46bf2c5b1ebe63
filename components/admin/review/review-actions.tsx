'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { approveAction, requestChangesAction } from '@/lib/actions/reviews';
import { sectionPlace } from '@/lib/content/numerals';
import { useReviewDrafts, type UnsentDraft } from './review-drafts';
import { UnsentDraftsNotice } from './unsent-drafts-notice';

interface Props {
  caseId: number;
  revisionId: number;
  revisionNumber: number;
  sections: { index: number; heading: string }[];
  can: { requestChanges: boolean; approve: boolean };
  /** The stage the case waits at, and the one after it (null: its pass approves the case). */
  stage: { position: number; name: string; nextName: string | null } | null;
  /** Why passing is not possible for this person (they wrote it, passed another stage, not their stage, 校次 missing), if so. */
  approveBlocked: string | null;
  /** Why returning is not possible for this person (not their stage), if so. */
  returnBlocked: string | null;
  /** The stock return reasons a reviewer picks from. */
  reasons: { id: number; label: string }[];
  errorCount: number;
}

/** The stock reason that needs words; the server says the same (lib/validations/case.ts). */
const OTHER = '其他';

type Outcome = { ok: true; message?: string } | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

/**
 * Return (a stock reason is required, words too for 其他) and pass the stage the case waits at
 * (初审通过 …), each behind a dialog that says what will happen, including any comment typed on the
 * page and not yet sent, which it offers to send first.
 */
export function ReviewActions({ caseId, revisionId, revisionNumber, sections, can, stage, approveBlocked, returnBlocked, reasons, errorCount }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<'changes' | 'approve' | null>(null);
  const [comment, setComment] = useState('');
  const [section, setSection] = useState('');
  const [reasonId, setReasonId] = useState<number | null>(null);
  const [error, setError] = useState<{ message: string; field?: string[]; reason?: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const drafts = useReviewDrafts();
  const [unsent, setUnsent] = useState<UnsentDraft[]>([]);
  const [sendDrafts, setSendDrafts] = useState(true);
  const show = (which: 'changes' | 'approve') => {
    setUnsent(drafts?.unsent() ?? []);
    setSendDrafts(true);
    setOpen(which);
  };
  const close = () => (setOpen(null), setError(null));
  const finish = (result: Outcome) => {
    if (!result.ok) return setError({ message: result.message, field: result.fieldErrors?.comment, reason: result.fieldErrors?.reasonId });
    setDone(result.message ?? '完成。');
    setOpen(null);
    setComment('');
    setReasonId(null);
    router.refresh();
  };
  const passLabel = stage ? `${stage.name}通过` : '审核通过';
  const otherChosen = reasons.find((r) => r.id === reasonId)?.label === OTHER;
  // The same rules the server applies, said before the round trip; the server still decides.
  const sendBack = () => {
    if (reasonId === null) return setError({ message: '请选择退回理由。', reason: ['请选择退回理由'] });
    if (otherChosen && !comment.trim()) return setError({ message: '退回理由选择“其他”时，必须写明退回意见。', field: ['选择“其他”时必须写明退回意见'] });
    decide(() => requestChangesAction({ caseId, reasonId, comment, sectionIndex: section === '' ? null : Number(section), stage: stage?.position }));
  };
  // Comments go first: they belong to the revision being decided on, and a failed one stops the decision.
  const decide = (act: () => Promise<Outcome>) =>
    startTransition(async () => {
      if (drafts && sendDrafts && unsent.length > 0) {
        const failure = await drafts.sendAll();
        if (failure) return setError({ message: failure });
        setUnsent([]);
      }
      finish(await act());
    });
  return (
    <>
      <div className="actions">
        {can.requestChanges ? (
          <Button variant="danger" disabled={returnBlocked !== null} title={returnBlocked ?? undefined} onClick={() => show('changes')}>
            退回修改
          </Button>
        ) : null}
        {can.approve ? (
          <Button variant="primary" disabled={approveBlocked !== null} title={approveBlocked ?? undefined} onClick={() => show('approve')}>
            {passLabel}
          </Button>
        ) : null}
      </div>
      {approveBlocked && can.approve ? <p className="small muted">{approveBlocked}</p> : null}
      {returnBlocked && can.requestChanges && returnBlocked !== approveBlocked ? <p className="small muted">{returnBlocked}</p> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      <Dialog
        open={open === 'changes'}
        title="退回修改"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="danger" pending={pending} onClick={sendBack}>
              确认退回
            </Button>
          </>
        }
      >
        <p>
          案例将从{stage ? `“${stage.name}”` : '审核中'}退回给编辑，状态变为“需修改”。编辑修改并重新提交后，按审核流程的设置重新进入审核。
        </p>
        <UnsentDraftsNotice drafts={unsent} send={sendDrafts} onSendChange={setSendDrafts} />
        {error ? <Notice tone="error">{error.message}</Notice> : null}
        <fieldset aria-describedby="return-reason-error">
          <legend>
            退回理由<span className="field-required" aria-hidden="true"> *</span>
          </legend>
          {reasons.map((r) => (
            <label key={r.id} className="choice">
              <input type="radio" name="return-reason" value={r.id} checked={reasonId === r.id} onChange={() => setReasonId(r.id)} required /> {r.label}
            </label>
          ))}
          <div id="return-reason-error" className="field-error" aria-live="polite">
            {(error?.reason ?? []).map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        </fieldset>
        <Field label="针对的段落">
          {(p) => (
            <select {...p} value={section} onChange={(e) => setSection(e.target.value)}>
              <option value="">整篇案例</option>
              <option value="-1">概况与导语</option>
              {sections.map((s) => (
                <option key={s.index} value={s.index}>
                  {sectionPlace(s.index, s.heading)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="退回意见" required={otherChosen} error={error?.field} hint={otherChosen ? '必填：写明要改什么、为什么。' : '写明要改什么、为什么；选择“其他”时必填。'}>
          {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} rows={5} />}
        </Field>
      </Dialog>
      <Dialog
        open={open === 'approve'}
        title={passLabel}
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="primary" pending={pending} onClick={() => decide(() => approveAction({ caseId, revisionId, stage: stage?.position }))}>
              确认通过第{revisionNumber}版
            </Button>
          </>
        }
      >
        <p>
          {stage ? `你将在“${stage.name}”通过` : '你将审核通过'}
          <strong>第{revisionNumber}版</strong>。
          {stage?.nextName
            ? `通过后案例转入“${stage.nextName}”，由其他审核人员继续审核。`
            : '通过后案例审核完成，可以随所在的一期发布；之后如再修改，需要从头重新审核。'}
        </p>
        {errorCount > 0 ? <Notice tone="warning">校对仍报告 {errorCount} 处错误，发布时会被拦下。</Notice> : null}
        <UnsentDraftsNotice drafts={unsent} send={sendDrafts} onSendChange={setSendDrafts} />
        {error ? <Notice tone="error">{error.message}</Notice> : null}
      </Dialog>
    </>
  );
}
