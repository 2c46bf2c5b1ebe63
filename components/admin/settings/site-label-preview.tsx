import { labelFormatProblems, LABEL_PLACEHOLDERS, serialLabel, shortSerialLabel } from '@/lib/content/serial';

/** Two sample issues, so that the preview shows both the year and the overall number moving. */
const SAMPLES = [
  { year: 2025, yearNumber: 3, number: 27 },
  { year: 2026, yearNumber: 1, number: 31 },
];

/**
 * How issues will be named with the format being typed, updated as the person types; a format that
 * cannot be used says why instead. Pure presentation: the form passes the current value.
 */
export function SiteLabelPreview({ format }: { format: string }) {
  const problems = labelFormatProblems(format.trim());
  return (
    <section className="panel" aria-live="polite" aria-labelledby="label-preview-title">
      <h3 id="label-preview-title" style={{ marginTop: 0 }}>
        预览
      </h3>
      {problems.length > 0 ? (
        <p className="small">格式有误，暂无法预览。</p>
      ) : (
        <ul>
          {SAMPLES.map((n) => (
            <li key={n.number}>
              <strong>{serialLabel(n, format.trim())}</strong>
              <span className="muted small">　紧凑处显示为：{shortSerialLabel(n, format.trim())}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        可用占位符：
        {Object.entries(LABEL_PLACEHOLDERS).map(([name, meaning], i) => (
          <span key={name}>
            {i > 0 ? '、' : ''}
            <code>{`{${name}}`}</code>（{meaning}）
          </span>
        ))}
        。年份取首次发布时的年份，年内期号按总期号在当年已发布各期中的顺序确定，均在发布时自动得出，不需要填写。
      </p>
    </section>
  );
}
