import { formatDateTime } from '@/components/admin/format';
import type { StageDecisionView } from '@/lib/admin/review-stages-view';

/** Every stage decision on the case, newest first: who passed or returned which revision, when, and why. */
export function StageDecisionsPanel({ decisions }: { decisions: StageDecisionView[] }) {
  return (
    <section className="panel" aria-labelledby="stage-decisions-title">
      <h2 id="stage-decisions-title">审核记录</h2>
      {decisions.length === 0 ? (
        <p className="small muted">还没有审核环节的决定。</p>
      ) : (
        <ul className="plain-list">
          {decisions.map((d) => (
            <li key={d.id}>
              <span>
                第{d.revisionNumber}版 · {d.stageName}
                {d.decision === 'pass' ? '通过' : '退回'} · {d.actorName}
                {d.decision === 'return' ? (
                  <>
                    <br />
                    退回理由：{d.reasonLabel}
                    {d.comment ? `。${d.comment}` : ''}
                  </>
                ) : null}
                <br />
                <span className="small muted">{formatDateTime(d.at)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
