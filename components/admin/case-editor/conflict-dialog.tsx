'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { formatDateTime } from '@/components/admin/format';
import type { EditorConflict } from './use-case-save';

interface Props {
  conflict: EditorConflict | null;
  myText: string;
  /** Where the text is kept across the reload, per case. */
  storageKey: string;
  onClose: () => void;
}

const TITLES: Record<EditorConflict['attempted'], string> = {
  save: '保存冲突：案例已被他人修改',
  submit: '未能提交审核：案例已被他人修改',
  withdraw: '未能撤回提交：案例已被他人修改',
};

/** A stale save, submit or withdrawal: who changed what since, and the editor's own text kept in reach so nothing is lost. */
export function ConflictDialog({ conflict, myText, storageKey, onClose }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      open={conflict !== null}
      title={TITLES[conflict?.attempted ?? 'save']}
      onClose={onClose}
      wide
      footer={
        <>
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(myText).then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {copied ? '已复制我的内容' : '复制我的内容'}
          </Button>
          <Button
            variant="primary"
            onClick={() => {
              // The editor's text stays in this tab's storage until it is copied back, so reloading loses nothing.
              sessionStorage.setItem(storageKey, myText);
              window.location.reload();
            }}
          >
            载入最新版本
          </Button>
          <Button variant="ghost" onClick={onClose}>
            返回编辑
          </Button>
        </>
      }
    >
      {conflict ? (
        <>
          <p role="alert">{conflict.message}</p>
          {conflict.conflict.changes.length ? (
            <ul>
              {conflict.conflict.changes.map((c, i) => (
                <li key={i}>
                  {formatDateTime(c.at)}，{c.by}
                  {c.action}
                  {c.fields.length ? `：${c.fields.join('、')}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="muted small">
            {conflict.attempted === 'save'
              ? '你的修改没有保存，也没有丢失：可以复制下面的内容，载入最新版本后再把需要的部分改回去。'
              : '案例的状态没有改变。请载入最新版本，看过别人的修改后再决定是否继续。'}
          </p>
          <label className="field-label" htmlFor="conflict-mine">
            我的内容
          </label>
          <textarea id="conflict-mine" readOnly value={myText} rows={10} />
        </>
      ) : null}
    </Dialog>
  );
}
