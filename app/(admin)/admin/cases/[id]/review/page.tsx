import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { formatDateTime } from '@/components/admin/format';
import { CommentThread, type ThreadComment } from '@/components/admin/review/comment-thread';
import { DiffView } from '@/components/admin/review/diff-view';
import { RestoreButton } from '@/components/admin/review/restore-button';
import { ReviewActions } from '@/components/admin/review/review-actions';
import { CaseStatusBadge, SeverityBadge } from '@/components/admin/status-badge';
import { Notice } from '@/components/ui/notice';
import { AUDIT_ACTION_LABELS, listAuditEntries, parseAuditFilters } from '@/lib/admin/audit-list';
import { loadCaseDetail, parseRouteId } from '@/lib/admin/case-detail';
import { caseFilterOptions } from '@/lib/admin/case-list';
import { placeNameOf } from '@/lib/admin/place-name';
import { requirePageActor } from '@/lib/admin/session';
import { sectionLabel } from '@/lib/content/numerals';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { errorsFirst, proofreadCase, RULE_LABELS } from '@/lib/proofread';
import { listComments } from '@/lib/services/reviews';
import { compareRevisions, listRevisions } from '@/lib/services/revisions';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '审核与历史' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const query = await searchParams;
  const actor = await requirePageActor(`/admin/cases/${raw}/review`);
  const id = parseRouteId(raw);
  if (id === null) notFound();
  const db = await getDb();
  const detail = await loadCaseDetail(db, actor, id);
  if (!detail) notFound();
  const [revisions, comments, { users }, trail] = await Promise.all([
    listRevisions(db, actor, { caseId: id }),
    listComments(db, actor, { caseId: id }),
    caseFilterOptions(db),
    listAuditEntries(db, actor, { ...parseAuditFilters({}), targetType: 'case', targetId: String(id) }),
  ]);
  const revs = revisions.ok ? revisions.revisions : [];
  const current = detail.revision;
  // Default comparison: what changed since the previous revision.
  const toId = Number(query.to) || current.id;
  const fromId = Number(query.from) || revs.find((r) => r.number === current.number - 1)?.id || current.id;
  const compared = fromId !== toId ? await compareRevisions(db, actor, { caseId: id, fromRevisionId: fromId, toRevisionId: toId }) : null;
  const names = new Map(users.map((u) => [u.id, u.name]));
  const numbers = new Map(revs.map((r) => [r.id, r.number]));
  const thread = (sectionIndex: number | null): ThreadComment[] =>
    (comments.ok ? comments.comments : [])
      .filter((c) => c.sectionIndex === sectionIndex)
      .map((c) => ({
        id: c.id,
        parentId: c.parentId,
        authorName: names.get(c.authorId) ?? '—',
        body: c.body,
        createdAt: c.createdAt.toISOString(),
        resolved: c.resolvedAt !== null,
        revisionNumber: numbers.get(c.revisionId) ?? 0,
      }));
  const commentCan = { create: can(actor.role, 'comment.create'), reply: can(actor.role, 'comment.reply'), resolve: can(actor.role, 'comment.resolve') };
  const findings = errorsFirst(proofreadCase(detail.content));
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const inReview = detail.case.status === 'in_review';
  const c = detail.content;
  const sentence = c.profile ? renderProfileSentence(c.profile, placeNameOf(c.regions)) : '';
  const label = (revId: number) => `第${numbers.get(revId) ?? '?'}版`;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {c.title} <CaseStatusBadge status={detail.case.status} />
          </h1>
          <p className="sub">
            {detail.kicker} · 当前第{current.number}版，{names.get(current.authorId) ?? '—'}撰写于{formatDateTime(current.createdAt)}
          </p>
        </div>
        <div className="actions">
          {can(actor.role, 'case.edit') ? (
            <Link className="btn" href={`/admin/cases/${id}`}>
              编辑
            </Link>
          ) : null}
          {/* Always mounted, so its success message survives the refresh that ends the review. */}
          <ReviewActions
            caseId={id}
            revisionId={current.id}
            revisionNumber={current.number}
            sections={c.sections.map((s, index) => ({ index, heading: s.heading }))}
            can={{ requestChanges: inReview && can(actor.role, 'case.requestChanges'), approve: inReview && can(actor.role, 'case.approve') }}
            approveBlocked={
              current.authorId === actor.id
                ? '这一版是你撰写的，需由其他人审核通过。'
                : current.contributorIds.includes(actor.id)
                  ? '这一版含有你撰写、尚未经他人审核的内容（经他人恢复或接着修改），需由其他人审核通过。'
                  : null
            }
            errorCount={errorCount}
          />
        </div>
      </div>
      <div className="review-grid">
        <section className="panel read-only-case" aria-label="当前版本（只读）">
          <h2>概况与导语</h2>
          {sentence ? <p>{sentence}</p> : null}
          {c.lead ? <p style={{ whiteSpace: 'pre-wrap' }}>{c.lead}</p> : null}
          {!sentence && !c.lead ? <p className="muted">（无）</p> : null}
          <CommentThread caseId={id} revisionId={current.id} sectionIndex={-1} label="概况与导语" comments={thread(-1)} can={commentCan} />
          {c.sections.map((s, i) => (
            <div key={i}>
              <h2>
                {sectionLabel(i)}
                {s.heading}
              </h2>
              <p style={{ whiteSpace: 'pre-wrap' }}>{s.body}</p>
              <CommentThread caseId={id} revisionId={current.id} sectionIndex={i} label={`第${i + 1}段“${s.heading}”`} comments={thread(i)} can={commentCan} />
            </div>
          ))}
          <h2>整篇意见</h2>
          <CommentThread caseId={id} revisionId={current.id} sectionIndex={null} label="整篇案例" comments={thread(null)} can={commentCan} />
        </section>
        <div>
          <section className="panel" aria-labelledby="diff-title">
            <h2 id="diff-title">版本比较</h2>
            <form method="get" className="toolbar">
              <div className="field">
                <label className="field-label" htmlFor="from">从</label>
                <select id="from" name="from" defaultValue={fromId}>
                  {revs.map((r) => <option key={r.id} value={r.id}>第{r.number}版 · {r.authorName}</option>)}
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor="to">到</label>
                <select id="to" name="to" defaultValue={toId}>
                  {revs.map((r) => <option key={r.id} value={r.id}>第{r.number}版 · {r.authorName}</option>)}
                </select>
              </div>
              <button className="btn" type="submit">比较</button>
            </form>
            {compared?.ok ? <DiffView diff={compared.diff} fromLabel={label(fromId)} toLabel={label(toId)} /> : <p className="muted">只有一个版本，或选择了同一版本。</p>}
            {compared && !compared.ok ? <Notice tone="error">{compared.message}</Notice> : null}
          </section>
          <section className="panel" aria-labelledby="proof-title">
            <h2 id="proof-title">校对（当前版本）</h2>
            {findings.length === 0 ? <p className="muted">没有发现问题。</p> : null}
            <ul className="small">
              {findings.slice(0, 50).map((f, i) => (
                <li key={i}>
                  <SeverityBadge severity={f.severity} /> {RULE_LABELS[f.rule]}：{f.message}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="revs-title">
            <h2 id="revs-title">版本记录</h2>
            {detail.contentLock && can(actor.role, 'case.edit') ? <p className="small muted">{detail.contentLock}</p> : null}
            <ul className="plain-list">
              {revs.map((r) => (
                <li key={r.id}>
                  <span>
                    第{r.number}版 · {r.authorName}
                    {r.note ? <span className="muted">（{r.note}）</span> : null}
                    <br />
                    <span className="small muted">{formatDateTime(r.createdAt)}</span>
                  </span>
                  {r.id !== current.id && can(actor.role, 'case.edit') && !inReview ? (
                    <RestoreButton caseId={id} revisionId={r.id} revisionNumber={r.number} baseVersion={detail.case.version} disabled={detail.contentLock !== null} />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="trail-title">
            <h2 id="trail-title">操作记录</h2>
            <ul className="plain-list small">
              {trail.rows.map((a) => (
                <li key={a.id}>
                  <span>{a.actorName ?? '系统'} {AUDIT_ACTION_LABELS[a.action] ?? a.action}</span>
                  <span className="muted nowrap">{formatDateTime(a.at)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
