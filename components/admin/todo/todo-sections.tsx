import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/admin/format';
import { issueLabel } from '@/lib/content/numerals';
import { COUNT_CAP, type TodoCase, type TodoComment, type TodoIssue } from '@/lib/services/todo';

// The sections of the 待办 page: each a titled list with its count, its empty state in words, and
// a link from every row to the page where the work is done.

function Section({ id, title, total, shown, more, children }: { id: string; title: string; total: number; shown: number; more?: { href: string; text: string }; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">（{total > COUNT_CAP ? `${COUNT_CAP}+` : total}）</span>
      </h2>
      {children}
      {more && total > shown ? <Link href={more.href}>{more.text}</Link> : null}
    </section>
  );
}

export function TodoCases({ id, title, total, cases, hrefOf, empty, more }: { id: string; title: string; total: number; cases: TodoCase[]; hrefOf: 'review' | 'edit'; empty: string; more?: { href: string; text: string } }) {
  return (
    <Section id={id} title={title} total={total} shown={cases.length} more={more}>
      {cases.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {cases.map((c) => (
            <li key={c.id}>
              <Link href={hrefOf === 'review' ? `/admin/cases/${c.id}/review` : `/admin/cases/${c.id}`}>{c.title}</Link>
              <span className="muted small nowrap">{formatDateTime(c.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function TodoComments({ total, items }: { total: number; items: TodoComment[] }) {
  return (
    <Section id="todo-comments" title="给我的意见" total={total} shown={items.length}>
      {items.length === 0 ? (
        <p className="muted">没有需要你处理的审核意见。</p>
      ) : (
        <ul className="plain-list">
          {items.map((c) => (
            <li key={c.id}>
              <span>
                <Link href={`/admin/cases/${c.caseId}/review`}>《{c.caseTitle}》</Link>
                <br />
                <span className="small">
                  {c.authorName}
                  {c.reply ? '回复' : '提出'}：{clip(c.body)}
                </span>
              </span>
              <span className="muted small nowrap">{formatDateTime(c.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function TodoIssues({ total, issues }: { total: number; issues: TodoIssue[] }) {
  return (
    <Section id="todo-scheduled" title="我设定的定时发布" total={total} shown={issues.length}>
      {issues.length === 0 ? (
        <p className="muted">你没有设定待发布的定时发布。</p>
      ) : (
        <ul className="plain-list">
          {issues.map((i) => (
            <li key={i.id}>
              <span>
                <Link href={`/admin/issues/${i.id}`}>{issueLabel(i.number)}</Link> <span className="small muted">{i.title}</span>
              </span>
              <span className="small nowrap">{i.scheduledAt ? `${formatDateTime(i.scheduledAt)} 发布` : '—'}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
