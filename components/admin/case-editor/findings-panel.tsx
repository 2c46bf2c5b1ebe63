'use client';
import { SeverityBadge } from '@/components/admin/status-badge';
import { Button } from '@/components/ui/button';
import { errorsFirst, RULE_LABELS, type Finding } from '@/lib/proofread';
import type { CaseContent } from '@/lib/content/model';
import { sectionPlace } from '@/lib/content/numerals';

interface Props {
  findings: Finding[];
  content: CaseContent;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  /**
   * Set when the text shown is the published one (its 第N版, null if unknown): its errors are listed
   * as 待更正, already public and to be corrected, not as errors that stop a publish.
   */
  publicRevision?: number | null;
}

function where(f: Finding, content: CaseContent): string {
  if (f.field === 'section') return f.sectionIndex !== undefined ? sectionPlace(f.sectionIndex, content.sections[f.sectionIndex]?.heading) : '正文';
  return { title: '标题', lead: '导语', profile: '概况', foreword: '编者按', section: '正文' }[f.field];
}

function excerpt(f: Finding, content: CaseContent): string {
  const text = f.field === 'title' ? content.title : f.field === 'lead' ? content.lead : f.field === 'section' ? content.sections[f.sectionIndex ?? 0]?.body ?? '' : '';
  return text.slice(Math.max(0, f.offset - 6), f.offset + f.length + 6);
}

/** The proofreader's findings as the editor types: errors block submitting, warnings advise. */
export function FindingsPanel({ findings, content, onJump, onFix, publicRevision }: Props) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const corrections = publicRevision !== undefined && errors > 0;
  return (
    <section className="panel" aria-labelledby="findings-title">
      <h2 id="findings-title">
        {corrections ? '待更正' : '校对'} <span className="muted small">错误 {errors} · 提醒 {findings.length - errors}</span>
      </h2>
      {corrections ? (
        <p className="small">
          这些错误已随{publicRevision === null ? '已发布的版本' : `已发布的第${publicRevision}版`}公开。改正后保存、提交审核；审核通过后由审核人员发布更正，案例页会附上更正说明。
        </p>
      ) : null}
      {findings.length === 0 ? <p className="muted">没有发现问题。</p> : null}
      <ul className="plain-list" style={{ maxHeight: 420, overflowY: 'auto' }}>
        {errorsFirst(findings).slice(0, 200).map((f, i) => (
          <li key={`${f.field}-${f.sectionIndex}-${f.offset}-${f.rule}-${i}`} style={{ display: 'block' }}>
            <div>
              <SeverityBadge severity={f.severity} />{' '}
              <strong className="small">{RULE_LABELS[f.rule]}</strong> <span className="small muted">{where(f, content)}</span>
            </div>
            <div className="small">{f.message}</div>
            {f.field !== 'profile' ? <div className="small muted">“…{excerpt(f, content)}…”</div> : null}
            <div className="actions" style={{ marginTop: 2 }}>
              {f.field !== 'profile' ? (
                <Button size="sm" variant="ghost" onClick={() => onJump(f)}>
                  定位
                </Button>
              ) : null}
              {f.fix ? (
                <Button size="sm" onClick={() => onFix(f)}>
                  改为“{f.fix.replacement}”
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
