'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import type { MarkNotificationsReadInput } from '@/lib/validations/notifications';

export interface NotificationView {
  id: number;
  message: string;
  /** Where the work is; null when the case or issue is gone. */
  href: string | null;
  at: string;
  read: boolean;
}

/** The latest notifications, newest first; each can be marked read, or all at once. */
export function NotificationList({ items, unread, unreadText }: { items: NotificationView[]; unread: number; unreadText: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<number | 'all' | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const mark = (input: MarkNotificationsReadInput) => {
    setBusy('all' in input ? 'all' : input.notificationId);
    startTransition(async () => {
      const result = await markNotificationsReadAction(input);
      setOutcome(result.ok ? null : { ok: false, text: result.message });
      setBusy(null);
      if (result.ok) router.refresh();
    });
  };
  return (
    <section className="panel" aria-labelledby="todo-notifications">
      <div className="page-header" style={{ marginBottom: 8 }}>
        <h2 id="todo-notifications">
          通知 <span className="muted">（未读 {unreadText}）</span>
        </h2>
        {unread > 0 ? (
          <Button size="sm" onClick={() => mark({ all: true })} pending={pending && busy === 'all'} pendingText="正在标记…">
            全部标为已读
          </Button>
        ) : null}
      </div>
      {outcome ? <Notice tone="error">{outcome.text}</Notice> : null}
      {items.length === 0 ? (
        <p className="muted">还没有通知。有案例等你审核、案例被退回给你或有人给你提意见时，会在这里告诉你。</p>
      ) : (
        <ul className="plain-list">
          {items.map((n) => (
            <li key={n.id}>
              <span>
                {n.read ? null : <span className="a-badge badge-in_review">未读</span>} {n.href ? <Link href={n.href}>{n.message}</Link> : n.message}
                <br />
                <span className="muted small">{n.at}</span>
              </span>
              {n.read ? null : (
                <Button size="sm" variant="ghost" onClick={() => mark({ notificationId: n.id })} pending={pending && busy === n.id} aria-label={`将“${n.message}”标为已读`}>
                  标为已读
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
