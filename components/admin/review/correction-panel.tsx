'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatDateTime } from '@/components/admin/format';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { publishCorrectionAction } from '@/lib/actions/cases';
import { MAX_CORRECTION_NOTE_LENGTH } from '@/lib/validations/correction';

export interface CorrectionPanelProps {
  caseId: number;
  /** The 第N版 readers see now. */
  publishedNumber: number | null;
  /** Proofreading errors left in the public text (待更正). */
  publishedErrors: number;
  /** An approved revision waiting to replace the public text; changed: whether readers would see a difference. */
  pending: { revisionId: number; fromNumber: number; toNumber: number; changed: boolean } | null;
  history: { id: number; fromNumber: number; toNumber: number; note: string; publishedAt: string; publishedByName: string | null }[];
  canPublish: boolean;
}

/**
 * 更正: where a published case stands with its corrections, and 发布更正 for the person who publishes.
 * A change of the public text goes out with a 更正说明 the publisher writes; readers see it, dated, on
 * the case page.
 */
export function CorrectionPanel({ caseId, publishedNumber, publishedErrors, pending, history, canPublish }: CorrectionPanelProps) {
  const router = useRouter();
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; field?: string[]; details?: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const publish = () =>
    startTransition(async () => {
      if (!pending) return;
      const result = await publishCorrectionAction({ caseId, revisionId: pending.revisionId, note });
      if (!result.ok) return setError({ message: result.message, field: result.fieldErrors?.note, details: result.details });
      setError(null);
      setNote('');
      setDone(result.message);
      router.refresh();
    });
  const shown = publishedNumber === null ? '已发布的版本' : `第${publishedNumber}版`;
  return (
    <section className="panel" aria-labelledby="correction-title">
      <h2 id="correction-title">更正</h2>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {publishedErrors > 0 && !pending ? (
        <p className="small">
          公众看到的{shown}有 {publishedErrors} 处校对错误待更正。编辑改正并提交审核，审核通过后在这里发布更正。
        </p>
      ) : null}
      {pending ? (
        <>
          <p className="small">
            公众看到的是第{pending.fromNumber}版，第{pending.toNumber}版已审核通过，尚未发布。
            {pending.changed ? '发布时须写更正说明，读者会在案例页看到它和更正日期。' : '两版公开的文字相同，发布无需更正说明。'}
          </p>
          {canPublish ? (
            <>
              {error ? (
                <Notice tone="error">
                  {error.message}
                  {error.details?.length ? (
                    <ul className="small">
                      {error.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  ) : null}
                </Notice>
              ) : null}
              {pending.changed ? (
                <Field label="更正说明" required error={error?.field} hint={`读者看到的一段话，不超过${MAX_CORRECTION_NOTE_LENGTH}字，如：将“每人每年元”更正为“每人每年1200元”。`}>
                  {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={MAX_CORRECTION_NOTE_LENGTH} />}
                </Field>
              ) : null}
              <Button variant="primary" pending={busy} pendingText="正在发布…" onClick={publish}>
                {pending.changed ? '发布更正' : `发布第${pending.toNumber}版`}
              </Button>
              <p className="small muted">只发布本案例；本期其他案例和本期信息不受影响。</p>
            </>
          ) : (
            <p className="small muted">更正由审核人员发布。</p>
          )}
        </>
      ) : null}
      {history.length > 0 ? (
        <>
          <h3 className="small">已发布的更正</h3>
          <ul className="small">
            {history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.publishedAt)} · 第{h.fromNumber}版 → 第{h.toNumber}版 · {h.publishedByName ?? '系统'}：{h.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
