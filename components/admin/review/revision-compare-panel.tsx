import { DiffView } from '@/components/admin/review/diff-view';
import { Notice } from '@/components/ui/notice';
import type { ReviewDetail } from '@/lib/admin/review-detail';

function RevisionSelect({ name, label, revisions, selected }: { name: string; label: string; revisions: ReviewDetail['revisions']; selected: ReviewDetail['compare']['fromId'] }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={selected}>
        {revisions.map((r) => <option key={r.id} value={r.id}>第{r.number}版 · {r.authorName}</option>)}
      </select>
    </div>
  );
}

/** Any two revisions side by side, chosen in the address (?from=&to=) so a comparison can be shared. */
export function RevisionComparePanel({ review }: { review: ReviewDetail }) {
  const { revisions, compare } = review;
  const { fromId, toId, result, labelOf } = compare;
  return (
    <section className="panel" aria-labelledby="diff-title">
      <h2 id="diff-title">版本比较</h2>
      <form method="get" className="toolbar">
        <RevisionSelect name="from" label="从" revisions={revisions} selected={fromId} />
        <RevisionSelect name="to" label="到" revisions={revisions} selected={toId} />
        <button className="btn" type="submit">比较</button>
      </form>
      {result?.ok ? <DiffView diff={result.diff} fromLabel={labelOf(fromId)} toLabel={labelOf(toId)} /> : <p className="muted">只有一个版本，或选择了同一版本。</p>}
      {result && !result.ok ? <Notice tone="error">{result.message}</Notice> : null}
    </section>
  );
}
