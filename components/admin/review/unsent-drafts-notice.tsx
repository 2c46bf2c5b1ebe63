'use client';
import { Notice } from '@/components/ui/notice';
import type { UnsentDraft } from './review-drafts';

interface Props {
  drafts: UnsentDraft[];
  send: boolean;
  onSendChange: (send: boolean) => void;
}

const EXCERPT = 40;

/** Tells the reviewer, inside the decision dialog, about comments typed on the page but not sent. */
export function UnsentDraftsNotice({ drafts, send, onSendChange }: Props) {
  if (drafts.length === 0) return null;
  return (
    <Notice tone="warning">
      <p style={{ margin: 0 }}>页面上还有 {drafts.length} 条写好但尚未发表的意见：</p>
      <ul className="small" style={{ margin: '4px 0' }}>
        {drafts.map((d) => (
          <li key={d.key}>
            {d.where}：“{d.body.length > EXCERPT ? `${d.body.slice(0, EXCERPT)}…` : d.body}”
          </li>
        ))}
      </ul>
      <label>
        <input type="checkbox" checked={send} onChange={(e) => onSendChange(e.target.checked)} /> 随本次决定一并发表这些意见
      </label>
      {send ? null : <p className="small" style={{ margin: '4px 0 0' }}>不勾选则只提交决定，这些文字仍留在输入框里，不会发出。</p>}
    </Notice>
  );
}
