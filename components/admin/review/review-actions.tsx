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
  /** Why approving is not possible for this person (e.g. they wrote this revision), if so. */
  approveBlocked: string | null;
  errorCount: number;
}

type Outcome = { ok: true; message?: string } | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

/**
 * Request changes (a comment is required) and approve, each behind a dialog that says what will happen,
 * including any comment typed on the page and not yet sent, which it offers to send first.
 */
export function ReviewActions({ caseId, revisionId, revisionNumber, sections, can, approveBlocked, errorCount }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<'changes' | 'approve' | null>(null);
  const [comment, setComment] = useState('');
  const [section, setSection] = useState('');
  const [error, setError] = useState<{ message: string; field?: string[] } | null>(null);
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
    if (!result.ok) return setError({ message: result.message, field: result.fieldErrors?.comment });
    setDone(result.message ?? '完成。');
    setOpen(null);
    setComment('');
    router.refresh();
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
          <Button variant="danger" onClick={() => show('changes')}>
            退回修改
          </Button>
        ) : null}
        {can.approve ? (
          <Button variant="primary" disabled={approveBlocked !== null} title={approveBlocked ?? undefined} onClick={() => show('approve')}>
            审核通过
          </Button>
        ) : null}
      </div>
      {approveBlocked && can.approve ? <p className="small muted">{approveBlocked}</p> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      <Dialog
        open={open === 'changes'}
        title="退回修改"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button
              variant="danger"
              pending={pending}
              onClick={() => decide(() => requestChangesAction({ caseId, comment, sectionIndex: section === '' ? null : Number(section) }))}
            >
              确认退回
            </Button>
          </>
        }
      >
        <p>案例将退回给编辑，状态变为“需修改”。编辑修改并重新提交后会回到你的待审列表。</p>
        <UnsentDraftsNotice drafts={unsent} send={sendDrafts} onSendChange={setSendDrafts} />
        {error ? <Notice tone="error">{error.message}</Notice> : null}
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
        <Field label="修改意见" required error={error?.field} hint="必填：写明要改什么、为什么。">
          {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} rows={5} />}
        </Field>
      </Dialog>
      <Dialog
        open={open === 'approve'}
        title="审核通过"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="primary" pending={pending} onClick={() => decide(() => approveAction({ caseId, revisionId }))}>
              确认通过第{revisionNumber}版
            </Button>
          </>
        }
      >
        <p>
          你将审核通过<strong>第{revisionNumber}版</strong>。通过后案例可以随所在的一期发布；之后如再修改，需要重新审核。
        </p>
        {errorCount > 0 ? <Notice tone="warning">校对仍报告 {errorCount} 处错误，发布时会被拦下。</Notice> : null}
        <UnsentDraftsNotice drafts={unsent} send={sendDrafts} onSendChange={setSendDrafts} />
        {error ? <Notice tone="error">{error.message}</Notice> : null}
      </Dialog>
    </>
  );
}
