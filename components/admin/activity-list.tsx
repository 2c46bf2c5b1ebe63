import Link from 'next/link';
import { formatDateTime } from '@/components/admin/format';
import type { AuditEntryView } from '@/lib/admin/audit-summary';

/**
 * Audit entries as sentences: "张三 提交审核 《标题》", what changed beneath, the time beside. Used
 * by the dashboard and a case's review trail; the entries come named from lib/admin/audit-list.ts.
 */
export function ActivityList({ entries, empty = '还没有任何记录。' }: { entries: AuditEntryView[]; empty?: string }) {
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {entries.map((e) => (
        <li key={e.id}>
          <span>
            {e.actorName} {e.actionLabel}
            {e.target ? <> {e.target.href ? <Link href={e.target.href}>{e.target.label}</Link> : e.target.label}</> : null}
            {e.summary ? (
              <>
                <br />
                <span className="small muted">{e.summary}</span>
              </>
            ) : null}
          </span>
          <time className="muted small nowrap" dateTime={e.at.toISOString()}>
            {formatDateTime(e.at)}
          </time>
        </li>
      ))}
    </ul>
  );
}
