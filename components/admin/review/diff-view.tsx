import type { ContentDiff, DiffPart } from '@/lib/services/revision-diff';

function Parts({ parts, coarse }: { parts: DiffPart[]; coarse: boolean }) {
  return (
    <p className="diff-text">
      {coarse ? <span className="small muted">差异过大，按段落显示：</span> : null}
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}

/** A character-level comparison, field by field and section by section; unchanged parts fold away. */
export function DiffView({ diff, fromLabel, toLabel }: { diff: ContentDiff; fromLabel: string; toLabel: string }) {
  const changedFields = diff.fields.filter((f) => f.changed);
  const changedSections = diff.sections.filter((s) => s.changed);
  return (
    <div className="diff">
      <p className="small muted">
        从 {fromLabel} 到 {toLabel}：<del>删除</del> <ins>新增</ins>
      </p>
      {changedFields.length + changedSections.length === 0 ? <p className="muted">两个版本内容相同。</p> : null}
      {changedFields.map((f) => (
        <section key={f.label}>
          <h3>{f.label}</h3>
          <Parts parts={f.parts} coarse={f.coarse} />
        </section>
      ))}
      {changedSections.map((s, i) => (
        <section key={`${s.label}-${i}`}>
          <h3>
            段落“{s.label}”{s.fromIndex === null ? '（新增）' : s.toIndex === null ? '（删除）' : ''}
          </h3>
          <Parts parts={s.parts} coarse={s.coarse} />
        </section>
      ))}
    </div>
  );
}
