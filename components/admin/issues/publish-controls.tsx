'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatDateTime } from '@/components/admin/format';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { publishIssueAction, scheduleIssueAction, unpublishIssueAction, unscheduleIssueAction } from '@/lib/actions/issues';
import type { IssueStatus } from '@/lib/content/model';
import { MAX_CORRECTION_NOTE_LENGTH } from '@/lib/validations/correction';

type Kind = 'publish' | 'schedule' | 'unschedule' | 'unpublish';

interface Props {
  issueId: number;
  label: string;
  status: IssueStatus;
  scheduledAt: string | null;
  caseCount: number;
  ready: boolean;
  /** Why the issue cannot be published yet, written beside the buttons; null when ready. */
  notReadyReason: string | null;
  /** Edits to a published issue's number, theme or foreword that readers do not see yet. */
  unpublishedFields: string[];
  /** Published cases whose public text this publish would change: each needs a 更正说明. */
  corrections?: { caseId: number; name: string; fromNumber: number; toNumber: number }[];
  can: { publish: boolean; unpublish: boolean; schedule: boolean };
}

type Outcome = { ok: true; message?: string } | { ok: false; message: string; details?: string[]; fieldErrors?: Partial<Record<string, string[]>> };

/** Publish now, schedule, unschedule, unpublish: each confirmed in a dialog that says what will happen. */
export function PublishControls({ issueId, label, status, scheduledAt, caseCount, ready, notReadyReason, unpublishedFields, corrections = [], can }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<Kind | null>(null);
  const [when, setWhen] = useState('');
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Outcome>) =>
    startTransition(async () => {
      const result = await work();
      setOutcome(result);
      if (result.ok) {
        setOpen(null);
        router.refresh();
      }
    });
  const texts: Record<Kind, { title: string; body: string; confirm: string }> = {
    publish: {
      title: `发布${label}`,
      body: `${label}及其 ${caseCount} 个案例将立即出现在公众网站上，并进入订阅源。只有全部案例都已审核通过才能发布，否则什么都不会发布。${
        unpublishedFields.length ? `本期信息的修改（${unpublishedFields.join('、')}）也将一并发布。` : ''
      }`,
      confirm: '确认立即发布',
    },
    schedule: {
      title: `定时发布${label}`,
      body: '到了设定的时间，系统会自动发布本期（仅发布一次）。排期期间本期信息、本期案例及其内容都不能修改，要修改须先取消定时。',
      confirm: '确认定时发布',
    },
    unschedule: { title: '取消定时发布', body: `${label}将不再自动发布，回到未发布状态，编辑可以再修改本期信息和案例。`, confirm: '确认取消' },
    unpublish: { title: `撤回发布${label}`, body: `${label}及其全部案例将立即从公众网站撤下（已有的链接会显示“未找到”）。案例内容和审核状态保留，可以再次发布。`, confirm: '确认撤回' },
  };
  const action: Record<Kind, () => Promise<Outcome>> = {
    publish: () => publishIssueAction({ issueId, corrections: corrections.map((c) => ({ caseId: c.caseId, note: notes[c.caseId] ?? '' })) }),
    schedule: () => scheduleIssueAction({ issueId, scheduledAt: when ? new Date(when).toISOString() : '' }),
    unschedule: () => unscheduleIssueAction({ issueId }),
    unpublish: () => unpublishIssueAction({ issueId }),
  };
  const show = (k: Kind) => (setOutcome(null), setOpen(k));
  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">发布</h2>
      <p className="small">
        {status === 'published' ? '本期已发布。' : status === 'scheduled' && scheduledAt ? `定于 ${formatDateTime(scheduledAt)} 自动发布。` : '本期尚未发布。'}
      </p>
      {status === 'scheduled' ? <p className="small">排期期间本期信息、本期案例及其内容都不能修改；要修改须先取消定时。</p> : null}
      {status === 'published' && unpublishedFields.length ? (
        <p className="small">本期信息有尚未发布的修改：{unpublishedFields.join('、')}。读者看到的仍是原来的内容，重新发布后才会更新。</p>
      ) : null}
      {outcome && !open ? (
        <Notice tone={outcome.ok ? 'success' : 'error'}>
          {outcome.message}
          {!outcome.ok && outcome.details?.length ? <ul className="small">{outcome.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <div className="actions">
        {can.publish ? (
          <Button variant="primary" disabled={!ready} aria-describedby={ready ? undefined : 'publish-not-ready'} onClick={() => show('publish')}>
            {status === 'published' ? '重新发布' : '立即发布'}
          </Button>
        ) : null}
        {can.schedule && status !== 'published' ? (
          <Button disabled={!ready} aria-describedby={ready ? undefined : 'publish-not-ready'} onClick={() => show('schedule')}>
            {status === 'scheduled' ? '修改发布时间' : '定时发布'}
          </Button>
        ) : null}
        {can.schedule && status === 'scheduled' ? <Button onClick={() => show('unschedule')}>取消定时</Button> : null}
        {can.unpublish && status === 'published' ? (
          <Button variant="danger" onClick={() => show('unpublish')}>
            撤回发布
          </Button>
        ) : null}
      </div>
      {!ready && notReadyReason && (can.publish || can.schedule) ? (
        <p id="publish-not-ready" className="small">
          暂不能发布：{notReadyReason}
        </p>
      ) : null}
      {!can.publish && !can.schedule ? <p className="small muted">发布和取消定时由审核人员操作。</p> : null}
      {open ? (
        <Dialog
          open
          title={texts[open].title}
          onClose={() => setOpen(null)}
          footer={
            <>
              <Button onClick={() => setOpen(null)}>取消</Button>
              <Button variant={open === 'unpublish' ? 'danger' : 'primary'} pending={pending} disabled={open === 'schedule' && !when} onClick={() => run(action[open])}>
                {texts[open].confirm}
              </Button>
            </>
          }
        >
          <p>{texts[open].body}</p>
          {open === 'schedule' ? (
            <Field label="发布时间（北京时间）" required error={outcome && !outcome.ok ? outcome.fieldErrors?.scheduledAt : undefined}>
              {(p) => <input {...p} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />}
            </Field>
          ) : null}
          {open === 'publish' && corrections.length > 0 ? (
            <fieldset>
              <legend>更正说明</legend>
              <p className="small">以下已发布的案例改动了公开的文字，读者会在案例页看到更正日期和这里写的说明。</p>
              {corrections.map((c, i) => (
                <Field
                  key={c.caseId}
                  label={`${c.name}（第${c.fromNumber}版 → 第${c.toNumber}版）`}
                  required
                  error={outcome && !outcome.ok ? outcome.fieldErrors?.[`corrections.${i}.note`] : undefined}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      maxLength={MAX_CORRECTION_NOTE_LENGTH}
                      value={notes[c.caseId] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [c.caseId]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
            </fieldset>
          ) : null}
          {outcome && !outcome.ok ? (
            <Notice tone="error">
              {outcome.message}
              {outcome.details?.length ? <ul className="small">{outcome.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
            </Notice>
          ) : null}
        </Dialog>
      ) : null}
    </section>
  );
}
