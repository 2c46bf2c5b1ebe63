import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { formatDateTime } from '@/components/admin/format';
import { IssueFieldsForm } from '@/components/admin/issues/issue-fields-form';
import { IssueStatusBadge } from '@/components/admin/status-badge';
import { listIssuesWithReadiness } from '@/lib/admin/issue-detail';
import { requirePageActor } from '@/lib/admin/session';
import { issueLabel } from '@/lib/content/numerals';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '期刊' };

export default async function IssuesPage() {
  const actor = await requirePageActor('/admin/issues');
  const rows = await listIssuesWithReadiness(await getDb(), actor);
  const next = (rows[0]?.number ?? 0) + 1;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>期刊</h1>
          <p className="sub">每一期的案例、审核进度和发布状态。</p>
        </div>
      </div>
      <div className="review-grid">
        <div className="table-wrap">
          <table className="data-table">
            <caption className="sr-only">各期列表</caption>
            <thead>
              <tr>
                <th scope="col">期</th>
                <th scope="col">主题</th>
                <th scope="col">状态</th>
                <th scope="col" className="num">已通过 / 案例</th>
                <th scope="col">发布 / 定时</th>
                <th scope="col">导出</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">
                    <Link href={`/admin/issues/${i.id}`}>{issueLabel(i.number)}</Link>
                  </td>
                  <td>{i.title}</td>
                  <td>
                    <IssueStatusBadge status={i.status} />
                  </td>
                  <td className="num">
                    {i.ready} / {i.total}
                  </td>
                  <td className="small nowrap">{i.publishedAt ? formatDateTime(i.publishedAt) : i.scheduledAt ? `定于 ${formatDateTime(i.scheduledAt)}` : '—'}</td>
                  <td className="nowrap small">
                    <a href={`/admin/issues/${i.id}/export/docx`}>Word</a> · <a href={`/admin/issues/${i.id}/export/json`}>JSON</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="empty">还没有任何一期。</p> : null}
        </div>
        {can(actor.role, 'issue.create') ? (
          <div className="panel">
            <IssueFieldsForm suggestedNumber={next} />
          </div>
        ) : null}
      </div>
    </>
  );
}
