import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { formatDateTime } from '@/components/admin/format';
import type { AuditEntryView } from '@/lib/admin/audit-summary';
import { auditActionNames, listAuditEntries, parseAuditFilters, serializeAuditFilters } from '@/lib/admin/audit-list';
import { caseFilterOptions } from '@/lib/admin/case-list';
import { requirePageActor } from '@/lib/admin/session';
import { AUDIT_TARGET_LABELS, auditActionLabel } from '@/lib/audit/actions';

export const metadata: Metadata = { title: '操作日志' };

function TargetCell({ target }: { target: AuditEntryView['target'] }) {
  if (!target) return '—';
  return target.href ? <Link href={target.href}>{target.label}</Link> : target.label;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseAuditFilters(await searchParams);
  const actor = await requirePageActor(`/admin/audit?${serializeAuditFilters(filters)}`);
  const db = await getDb();
  const [{ rows, hasNext }, actions, { users }] = await Promise.all([listAuditEntries(db, actor, filters), auditActionNames(db, actor), caseFilterOptions(db)]);
  const pageHref = (page: number) => `/admin/audit?${serializeAuditFilters({ ...filters, page })}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>操作日志</h1>
          <p className="sub">每一次修改都在同一事务中记下：谁、何时、做了什么、改动前后。</p>
        </div>
      </div>
      {/* A plain GET form: the filters live in the URL and work without JavaScript. */}
      <form className="toolbar" method="get" aria-label="筛选日志">
        <div className="field">
          <label className="field-label" htmlFor="audit-user">操作人</label>
          <select id="audit-user" name="user" defaultValue={filters.actorId ?? ''}>
            <option value="">全部</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="audit-action">操作</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">全部</option>
            {actions.map((a) => (
              <option key={a} value={a}>{auditActionLabel(a)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="audit-type">对象类型</label>
          <select id="audit-type" name="targetType" defaultValue={filters.targetType ?? ''}>
            <option value="">全部</option>
            {Object.entries(AUDIT_TARGET_LABELS).map(([k, v]) => (
              <option key={k} value={k}>{v}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="audit-target">对象编号</label>
          <input id="audit-target" name="targetId" type="text" defaultValue={filters.targetId ?? ''} inputMode="numeric" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="audit-from">自</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="audit-to">至</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="actions">
          <button className="btn btn-primary" type="submit">筛选</button>
          <Link className="btn btn-ghost" href="/admin/audit">清除</Link>
        </div>
      </form>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="sr-only">操作日志，最新的在前</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">改动</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDateTime(r.at)}</td>
                <td className="nowrap">{r.actorName}</td>
                <td className="nowrap">{r.actionLabel}</td>
                <td>
                  <TargetCell target={r.target} />
                </td>
                <td className="small muted">{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="empty">没有符合条件的记录。</p> : null}
      </div>
      <nav className="a-pager" aria-label="分页">
        <div className="actions">
          {filters.page > 1 ? <Link className="btn btn-sm" href={pageHref(filters.page - 1)}>上一页</Link> : null}
          <span>第 {filters.page} 页</span>
          {hasNext ? <Link className="btn btn-sm" href={pageHref(filters.page + 1)}>下一页</Link> : null}
        </div>
      </nav>
    </>
  );
}
