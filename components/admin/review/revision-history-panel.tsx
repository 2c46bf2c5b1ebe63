import { formatDateTime } from '@/components/admin/format';
import { RestoreButton } from '@/components/admin/review/restore-button';
import type { ReviewDetail } from '@/lib/admin/review-detail';

/** Every revision, newest first, each but the current one restorable as a new revision. */
export function RevisionHistoryPanel({ review }: { review: ReviewDetail }) {
  const { detail, revisions, may } = review;
  return (
    <section className="panel" aria-labelledby="revs-title">
      <h2 id="revs-title">版本记录</h2>
      {detail.contentLock && may.edit ? <p className="small muted">{detail.contentLock}</p> : null}
      <ul className="plain-list">
        {revisions.map((r) => (
          <li key={r.id}>
            <span>
              第{r.number}版 · {r.authorName}
              {r.note ? <span className="muted">（{r.note}）</span> : null}
              <br />
              <span className="small muted">{formatDateTime(r.createdAt)}</span>
            </span>
            {r.id !== detail.revision.id && may.restore ? (
              <RestoreButton caseId={detail.case.id} revisionId={r.id} revisionNumber={r.number} baseVersion={detail.case.version} disabled={detail.contentLock !== null} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
