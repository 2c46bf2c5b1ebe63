'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { CaseStatusBadge } from '@/components/admin/status-badge';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { assignSectionAction } from '@/lib/actions/issue-sections';
import { addCaseAction, removeCaseAction, reorderCasesAction } from '@/lib/actions/issues';
import type { IssueDetail } from '@/lib/admin/issue-detail';
import { caseLabel } from '@/lib/content/numerals';

interface Props {
  issueId: number;
  items: IssueDetail['items'];
  candidates: IssueDetail['candidates'];
  /** The issue's 栏目 in order; cases are listed under them (those under none first). */
  sections: IssueDetail['sections'];
  canArrange: boolean;
  /** Why the list cannot be changed now (scheduled or published), or null. */
  lockedReason: string | null;
}

/**
 * The cases of an issue in order, under their 栏目 when the issue has any. Drag a row by its handle,
 * or use 上移/下移 from the keyboard, within its 栏目; choose another 栏目 to move it there (to its
 * end). Every change is saved at once and 典型做法之N follows from it.
 */
export function IssueCases({ issueId, items, candidates, sections, canArrange, lockedReason }: Props) {
  const router = useRouter();
  const [order, setOrder] = useState(items);
  const [dragging, setDragging] = useState<number | null>(null);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => setOrder(items), [items]);
  // Controls stay visible but disabled while the issue is locked, with the reason written beside them.
  const editable = canArrange && lockedReason === null;
  const reasonId = 'issue-cases-locked';
  const lockedProps = editable ? {} : { 'aria-describedby': reasonId };

  const finish = (result: { ok: true; message?: string } | { ok: false; message: string }) => {
    setMessage({ tone: result.ok ? 'success' : 'error', text: result.message ?? '' });
    if (!result.ok) setOrder(items);
    router.refresh();
  };
  const saveOrder = (next: typeof items, announce: string) => {
    setOrder(next);
    startTransition(async () => {
      const result = await reorderCasesAction({ issueId, caseIds: next.map((c) => c.id) });
      finish(result.ok ? { ok: true, message: announce } : result);
    });
  };
  const sameGroup = (a: number, b: number) => order[a]?.sectionId === order[b]?.sectionId;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    if (!sameGroup(from, to)) {
      setMessage({ tone: 'error', text: '案例只能在所属栏目内调整顺序；要换到另一个栏目，请用该案例的“栏目”选择。' });
      return;
    }
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    saveOrder(next, `“${moved!.title}”已移到${caseLabel(to + 1)}。`);
  };

  const row = (c: (typeof order)[number], index: number) => (
    <li
      key={c.id}
      draggable={editable}
      onDragStart={() => setDragging(index)}
      onDragOver={(e) => editable && e.preventDefault()}
      onDrop={() => dragging !== null && move(dragging, index)}
      onDragEnd={() => setDragging(null)}
      className={dragging === index ? 'dragging' : undefined}
    >
      {editable ? <span className="drag-handle" aria-hidden="true" title="拖动以调整顺序">⋮⋮</span> : null}
      <span className="nowrap">{caseLabel(index + 1)}</span>
      <Link href={`/admin/cases/${c.id}`} className="grow">
        {c.title}
      </Link>
      <CaseStatusBadge status={c.status} publishedErrors={c.publishedErrors} />
      {/* A published case's text is the public one: its errors are already out, to be corrected. */}
      {c.errors ? (
        c.status === 'published' ? (
          <span className="a-badge badge-correction">待更正 {c.errors}</span>
        ) : (
          <span className="a-badge badge-changes_requested">校对错误 {c.errors}</span>
        )
      ) : null}
      {canArrange && sections.length > 0 ? (
        <select
          aria-label={`“${c.title}”所属栏目`}
          value={c.sectionId ?? ''}
          disabled={!editable || pending}
          {...lockedProps}
          onChange={(e) =>
            startTransition(async () => finish(await assignSectionAction({ issueId, caseId: c.id, sectionId: e.target.value === '' ? null : Number(e.target.value) })))
          }
        >
          <option value="">未归入栏目</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      ) : null}
      {canArrange ? (
        <span className="actions">
          <Button size="sm" {...lockedProps} disabled={!editable || !sameGroup(index, index - 1) || pending} onClick={() => move(index, index - 1)} aria-label={`上移“${c.title}”`}>
            上移
          </Button>
          <Button size="sm" {...lockedProps} disabled={!editable || !sameGroup(index, index + 1) || pending} onClick={() => move(index, index + 1)} aria-label={`下移“${c.title}”`}>
            下移
          </Button>
          <Button
            size="sm"
            variant="danger"
            {...lockedProps}
            disabled={!editable || pending}
            onClick={() => startTransition(async () => finish(await removeCaseAction({ issueId, caseId: c.id })))}
            aria-label={`从本期移出“${c.title}”`}
          >
            移出
          </Button>
        </span>
      ) : null}
    </li>
  );

  // Runs of cases under one 栏目 (positions follow the contents, so each 栏目's cases are together).
  const groups: { key: string; title: string | null; rows: { c: (typeof order)[number]; index: number }[] }[] = [];
  order.forEach((c, index) => {
    const open = groups.at(-1);
    if (open && index > 0 && sameGroup(index, index - 1)) open.rows.push({ c, index });
    else {
      const title = sections.length === 0 ? null : (sections.find((s) => s.id === c.sectionId)?.title ?? '未归入栏目');
      groups.push({ key: `${c.sectionId ?? 'none'}`, title, rows: [{ c, index }] });
    }
  });

  return (
    <section className="panel" aria-labelledby="issue-cases-title">
      <h2 id="issue-cases-title">本期案例（{order.length}）</h2>
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
      {canArrange && lockedReason ? (
        <p id={reasonId} className="small">
          {lockedReason}
        </p>
      ) : null}
      {groups.map((g) =>
        g.title === null ? (
          <ol key="none" className="issue-case-list">
            {g.rows.map(({ c, index }) => row(c, index))}
          </ol>
        ) : (
          <section key={g.key} aria-label={`栏目：${g.title}`}>
            <h3 style={{ margin: '12px 0 4px', fontSize: '1rem' }}>{g.title}</h3>
            <ol className="issue-case-list">{g.rows.map(({ c, index }) => row(c, index))}</ol>
          </section>
        ),
      )}
      {order.length === 0 ? <p className="muted">本期还没有案例。</p> : null}
      {canArrange ? (
        <div className="toolbar" style={{ marginTop: 10 }}>
          <div className="field grow">
            <label className="field-label" htmlFor="add-case">
              加入案例
            </label>
            <select id="add-case" value={adding} disabled={!editable} {...lockedProps} onChange={(e) => setAdding(e.target.value)}>
              <option value="">选择未编入期刊的案例…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <Button
            disabled={!editable || !adding}
            {...lockedProps}
            pending={pending}
            onClick={() =>
              startTransition(async () => {
                finish(await addCaseAction({ issueId, caseId: Number(adding) }));
                setAdding('');
              })
            }
          >
            加入本期
          </Button>
        </div>
      ) : null}
    </section>
  );
}
