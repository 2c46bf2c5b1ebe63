'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { bulkMoveToIssueAction, bulkSubmitAction } from '@/lib/actions/cases';
import type { CaseFilterOptions } from '@/lib/admin/case-list';
import { issueLabel } from '@/lib/content/numerals';

interface Props {
  /** Each selected case with the version its row last showed: a case changed since is refused, not submitted unseen. */
  selected: { caseId: number; baseVersion: number }[];
  issues: CaseFilterOptions['issues'];
  permissions: { submit: boolean; arrange: boolean };
  onDone: () => void;
}

/** What can be done with the selected rows: only the actions this user's role allows are shown. */
export function BulkBar({ selected, issues, permissions, onDone }: Props) {
  const selectedIds = selected.map((s) => s.caseId);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [issueId, setIssueId] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const run = (action: () => Promise<{ ok: true; message?: string } | { ok: false; message: string }>) =>
    startTransition(async () => {
      const result = await action();
      setMessage({ tone: result.ok ? 'success' : 'error', text: result.message ?? '' });
      if (result.ok) {
        onDone();
        router.refresh();
      }
    });
  return (
    <>
      {selectedIds.length > 0 ? (
      <div className="bulkbar" role="region" aria-label="批量操作">
        <strong>已选 {selectedIds.length} 个</strong>
        {permissions.submit ? (
          <Button size="sm" pending={pending} onClick={() => run(() => bulkSubmitAction({ cases: selected }))}>
            提交审核
          </Button>
        ) : null}
        {permissions.arrange ? (
          <>
            <label className="actions">
              <span className="sr-only">编入哪一期</span>
              <select value={issueId} onChange={(e) => setIssueId(e.target.value)} style={{ width: 'auto' }}>
                <option value="">选择一期…</option>
                {issues.map((i) => (
                  <option key={i.id} value={i.id}>
                    {issueLabel(i.number)} {i.title.slice(0, 16)}
                  </option>
                ))}
              </select>
            </label>
            <Button size="sm" disabled={!issueId} pending={pending} onClick={() => run(() => bulkMoveToIssueAction({ issueId: Number(issueId), caseIds: selectedIds }))}>
              编入该期
            </Button>
          </>
        ) : null}
        <a className="btn btn-sm" href={`/admin/cases/export?ids=${selectedIds.join(',')}`} download>
          导出 JSON
        </a>
      </div>
      ) : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </>
  );
}
