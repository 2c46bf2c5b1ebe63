import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { formatDateTime } from '@/components/admin/format';
import { NotificationList, type NotificationView } from '@/components/admin/todo/notification-list';
import { TodoCases, TodoComments, TodoIssues } from '@/components/admin/todo/todo-sections';
import { requirePageActor } from '@/lib/admin/session';
import { workPath } from '@/lib/notify/messages';
import { isNotificationKind } from '@/lib/notify/kinds';
import { COUNT_CAP, loadTodo, type TodoNotification } from '@/lib/services/todo';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '待办' };

function hrefOf(n: TodoNotification): string | null {
  if (n.caseId !== null) return isNotificationKind(n.kind) ? workPath(n.kind, n.caseId) : `/admin/cases/${n.caseId}`;
  return n.issueId !== null ? `/admin/issues/${n.issueId}` : null;
}

export default async function TodoPage() {
  const actor = await requirePageActor('/admin/todo');
  const result = await loadTodo(await getDb(), actor);
  if (!result.ok) redirect('/admin?denied=case.read');
  const { todo } = result;
  const notifications: NotificationView[] = todo.notifications.items.map((n) => ({
    id: n.id,
    message: n.message,
    href: hrefOf(n),
    at: formatDateTime(n.createdAt),
    read: n.readAt !== null,
  }));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>待办</h1>
          <p className="sub">等你审核的案例、退回给你的案例、给你的意见、你设定的定时发布，以及最近的通知。</p>
        </div>
      </div>
      {todo.stages.length > 0 ? (
        <div className="grid-3">
          {todo.stages.map((s) => (
            <TodoCases
              key={s.stage}
              id={`todo-stage-${s.stage}`}
              title={`待我审核（${s.name}）`}
              total={s.total}
              cases={s.cases}
              hrefOf="review"
              empty={`没有等你${s.name}的案例。`}
              more={{ href: '/admin/cases?status=in_review', text: `在案例列表中查看全部待审核案例 →` }}
            />
          ))}
        </div>
      ) : null}
      <div className="grid-3">
        {can(actor.role, 'case.submit') ? (
          <TodoCases
            id="todo-returned"
            title="退回给我"
            total={todo.returned.total}
            cases={todo.returned.cases}
            hrefOf="edit"
            empty="没有退回给你修改的案例。"
            more={{ href: '/admin/cases?status=changes_requested', text: '在案例列表中查看全部需修改的案例 →' }}
          />
        ) : null}
        <TodoComments total={todo.comments.total} items={todo.comments.items} />
        {can(actor.role, 'issue.schedule') ? <TodoIssues total={todo.scheduled.total} issues={todo.scheduled.issues} /> : null}
      </div>
      <NotificationList items={notifications} unread={todo.notifications.unread} unreadText={todo.notifications.unread > COUNT_CAP ? `${COUNT_CAP}+` : String(todo.notifications.unread)} />
    </>
  );
}
