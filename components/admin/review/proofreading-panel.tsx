import { SeverityBadge } from '@/components/admin/status-badge';
import type { ReviewDetail } from '@/lib/admin/review-detail';
import { RULE_LABELS } from '@/lib/proofread';

/**
 * What the proofreader finds in the current revision, errors first; the first 50 are enough to act on.
 * When that revision is the published one (publicRevision given), its errors are already public and
 * are listed as 待更正.
 */
export function ProofreadingPanel({ findings, publicRevision }: { findings: ReviewDetail['findings']; publicRevision?: number | null }) {
  const corrections = publicRevision !== undefined && findings.some((f) => f.severity === 'error');
  return (
    <section className="panel" aria-labelledby="proof-title">
      <h2 id="proof-title">{corrections ? `待更正（已发布的${publicRevision === null ? '版本' : `第${publicRevision}版`}）` : '校对（当前版本）'}</h2>
      {findings.length === 0 ? <p className="muted">没有发现问题。</p> : null}
      <ul className="small">
        {findings.slice(0, 50).map((f, i) => (
          <li key={i}>
            <SeverityBadge severity={f.severity} /> {RULE_LABELS[f.rule]}：{f.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
