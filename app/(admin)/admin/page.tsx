import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { formatDateTime } from '@/components/admin/format';
import { ActivityList } from '@/components/admin/activity-list';
import { IssueStatusBadge } from '@/components/admin/status-badge';
import { Notice } from '@/components/ui/notice';
import { loadDashboard } from '@/lib/admin/dashboard';
import { describeSnapshotStatus, readSnapshotStatus } from '@/lib/static/status';
import { requirePageActor } from '@/lib/admin/session';
import { can, ACTION_LABELS, ACTIONS, type Action } from '@/lib/workflow';
import { issueLabel } from '@/lib/content/numerals';

export const metadata: Metadata = { title: '工作台' };

type CaseBox = { rows: { id: number; title: string; updatedAt: Date }[]; total: number };

function CaseList({ title, box, moreHref, empty }: { title: string; box: CaseBox; moreHref: string; empty: string }) {
  return (
    <section className="panel" aria-labelledby={`box-${title}`}>
      <h2 id={`box-${title}`}>
        {title} <span className="muted">（{box.total}）</span>
      </h2>
      {box.rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {box.rows.map((c) => (
            <li key={c.id}>
              <Link href={`/admin/cases/${c.id}`}>{c.title}</Link>
              <span className="muted small nowrap">{formatDateTime(c.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {box.total > box.rows.length ? <Link href={moreHref}>查看全部 {box.total} 个 →</Link> : null}
    </section>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const actor = await requirePageActor('/admin');
  const { denied } = await searchParams;
  const d = await loadDashboard(await getDb(), actor);
  // Shown only where static publishing is on (CASEBOOK_STATIC_DIR).
  const staticSite = await readSnapshotStatus();
  const staticLine = staticSite ? describeSnapshotStatus(staticSite.status, formatDateTime) : null;
  const deniedLabel = denied && (ACTIONS as readonly string[]).includes(denied) ? ACTION_LABELS[denied as Action] : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>工作台</h1>
          <p className="sub">{actor.name}，你好。这里是你接下来要处理的事。</p>
        </div>
        {can(actor.role, 'case.create') ? (
          <Link className="btn btn-primary" href="/admin/cases/new">
            新建案例
          </Link>
        ) : null}
      </div>
      {deniedLabel ? <Notice tone="error">你没有“{deniedLabel}”的权限，已回到工作台。</Notice> : null}
      {staticLine ? <Notice tone={staticLine.tone}>{staticLine.text}</Notice> : null}
      {d.pendingCorrections > 0 ? (
        <Notice tone="warning">
          <Link href="/admin/cases?corrections=1">待更正 {d.pendingCorrections} 篇</Link>
          ：这些案例已经发布，公众看到的文字里有校对错误。改正后经审核通过，发布更正（附更正说明）即可。
        </Notice>
      ) : null}
      <div className="grid-3">
        {can(actor.role, 'case.edit') ? (
          <>
            <CaseList title="我的草稿" box={d.myDrafts} moreHref={`/admin/cases?status=draft&author=${actor.id}`} empty="没有草稿。" />
            <CaseList title="退回给我修改" box={d.myChanges} moreHref={`/admin/cases?status=changes_requested&author=${actor.id}`} empty="没有需要修改的案例。" />
          </>
        ) : null}
        <CaseList title="等待审核" box={d.awaitingReview} moreHref="/admin/cases?status=in_review" empty="没有待审核的案例。" />
      </div>
      <div className="grid-2">
        <section className="panel" aria-labelledby="issues-title">
          <h2 id="issues-title">各期进度</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">期</th>
                <th scope="col">状态</th>
                <th scope="col" className="num">已通过 / 案例</th>
                <th scope="col">定时</th>
              </tr>
            </thead>
            <tbody>
              {d.issues.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link href={`/admin/issues/${i.id}`}>{issueLabel(i.number)}</Link> <span className="small muted">{i.title}</span>
                  </td>
                  <td>
                    <IssueStatusBadge status={i.status} />
                  </td>
                  <td className="num">
                    {i.ready} / {i.total} {i.total > 0 && i.ready === i.total ? <span aria-label="可以发布">✓</span> : null}
                  </td>
                  <td className="small nowrap">{i.scheduledAt ? formatDateTime(i.scheduledAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.issues.length === 0 ? <p className="muted">还没有任何一期。</p> : null}
        </section>
        <section className="panel" aria-labelledby="activity-title">
          <h2 id="activity-title">最近动态</h2>
          <ActivityList entries={d.activity} empty="还没有编辑动态。" />
          <Link href="/admin/audit">全部操作日志 →</Link>
        </section>
      </div>
    </>
  );
}
