import { SeverityBadge } from '@/components/admin/status-badge';
import type { ImportPreview } from '@/lib/admin/import-preview';
import { issueLabel } from '@/lib/content/numerals';

/** The parsed document as it will be written, with the parser's warnings and the proofreader's findings. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { totals } = preview;
  return (
    <>
      <p className="muted">
        解析提示 {preview.warnings.length} 条；校对发现错误 {totals.errors} 处、提醒 {totals.warnings} 处。错误不妨碍导入为草稿，但提交审核前必须改正。
      </p>
      {preview.warnings.length > 0 ? (
        <details open={preview.warnings.length <= 12}>
          <summary>
            <strong>解析提示（{preview.warnings.length} 条）</strong>
          </summary>
          <ul className="small">
            {preview.warnings.map((w, i) => (
              <li key={i}>
                第 {w.line} 行：{w.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.issues.map((issue) => (
        <div key={issue.number} style={{ marginTop: 12 }}>
          <h3 style={{ fontSize: 15, margin: '8px 0' }}>
            {issueLabel(issue.number)}：{issue.title} <span className="muted small">（第 {issue.line} 行，{issue.cases.length} 个案例）</span>
          </h3>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">标题与概况</th>
                  <th scope="col">地区</th>
                  <th scope="col">段落</th>
                  <th scope="col">校对</th>
                </tr>
              </thead>
              <tbody>
                {issue.cases.map((c) => {
                  const errors = c.findings.filter((f) => f.severity === 'error');
                  return (
                    <tr key={c.position}>
                      <td className="nowrap">之{c.position}</td>
                      <td>
                        <strong>{c.title}</strong>
                        <div className="small muted">{c.profileSentence || c.lead.slice(0, 80) || '（无概况）'}</div>
                        {c.tags.length ? (
                          <div>
                            {c.tags.map((t) => (
                              <span key={t} className="a-tag">
                                {t}
                              </span>
                            ))}
                          </div>
                        ) : null}
                      </td>
                      <td className="small">{c.regions.join('、') || <span className="a-badge badge-changes_requested">未识别</span>}</td>
                      <td className="small nowrap">{c.sections.map((s) => s.heading).join(' / ')}</td>
                      <td className="small">
                        {c.findings.length === 0 ? (
                          <span className="muted">无</span>
                        ) : (
                          <details open={errors.length > 0}>
                            <summary>
                              {errors.length ? <span className="a-badge badge-changes_requested">错误 {errors.length}</span> : null}{' '}
                              {c.findings.length - errors.length ? <span className="a-badge badge-draft">提醒 {c.findings.length - errors.length}</span> : null}
                            </summary>
                            {/* Errors come first (the preview sorts them); each line says its severity in a badge of its own colour. */}
                            <ul aria-label={`之${c.position}的校对结果`}>
                              {c.findings.map((f, i) => (
                                <li key={i}>
                                  <SeverityBadge severity={f.severity} /> {f.where}·{f.rule}：{f.message} <span className="muted">“…{f.excerpt}…”</span>
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}
