'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatDateTime } from '@/components/admin/format';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { recordRoundAction } from '@/lib/actions/reviews';
import type { RoundView } from '@/lib/admin/review-stages-view';
import { roundLabel } from '@/lib/workflow/stages';

interface Props {
  caseId: number;
  revisionId: number;
  revisionNumber: number;
  rounds: RoundView[];
  /** The 校次 publishing needs on a revision (the most any stage requires). */
  required: number;
  /** Whether this reader may record a round here at all (permission, the case's state). */
  allowed: boolean;
  /** Why this reader may not record one (they wrote the text), or null. */
  blocked: string | null;
  /** The proofreader's findings now, as the round would store them. */
  errorCount: number;
  warningCount: number;
}

/** 校次 recorded on the current revision (一校 张三 错误0 提醒2), and 记录校次 for the next one. */
export function RoundsPanel({ caseId, revisionId, revisionNumber, rounds, required, allowed, blocked, errorCount, warningCount }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; note?: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const next = roundLabel(rounds.length + 1);
  const close = () => (setOpen(false), setError(null));
  const record = () =>
    startTransition(async () => {
      const result = await recordRoundAction({ caseId, revisionId, note });
      if (!result.ok) return setError({ message: result.message, note: result.fieldErrors?.note });
      setDone(result.message ?? '已记录。');
      setOpen(false);
      setNote('');
      router.refresh();
    });
  return (
    <section className="panel" aria-labelledby="rounds-title">
      <h2 id="rounds-title">校次</h2>
      <p className="small muted">
        第{revisionNumber}版已完成{rounds.length}次校对{required > 0 ? `，发布前需要完成${required}次` : ''}。
      </p>
      {rounds.length > 0 ? (
        <ul className="plain-list" aria-label="已记录的校次">
          {rounds.map((r) => (
            <li key={r.round}>
              <span>
                {r.label} {r.actorName} 错误{r.errors} 提醒{r.warnings}
                {r.note ? <span className="muted">（{r.note}）</span> : null}
                <br />
                <span className="small muted">{formatDateTime(r.at)}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      {allowed ? (
        <>
          <Button disabled={blocked !== null} title={blocked ?? undefined} onClick={() => setOpen(true)}>
            记录校次
          </Button>
          {blocked ? <p className="small muted">{blocked}</p> : null}
        </>
      ) : null}
      <Dialog
        open={open}
        title="记录校次"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="primary" pending={pending} onClick={record}>
              确认记录{next}
            </Button>
          </>
        }
      >
        <p>
          你将把第{revisionNumber}版的<strong>{next}</strong>记在自己名下，并保存校对此刻的结果：错误{errorCount}处、提醒{warningCount}处。
        </p>
        {error ? <Notice tone="error">{error.message}</Notice> : null}
        <Field label="校对说明" error={error?.note} hint="选填，不超过500个字。">
          {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={500} />}
        </Field>
      </Dialog>
    </section>
  );
}
