import { caseLabel } from '@/lib/content/numerals';
import { placeLabel } from '@/lib/public/format';
import type { PublicCaseSummary } from '@/lib/public/types';
import { paths } from '@/lib/public/urls';

/**
 * Cases as a table of contents: 典型做法之N · title · place. `withIssue` adds the issue for lists
 * that cross issues (regions, themes, related cases).
 */
export function CaseList({ cases, withIssue = false }: { cases: PublicCaseSummary[]; withIssue?: boolean }) {
  if (cases.length === 0) return <p className="muted">暂无案例。</p>;
  return (
    <ol className={withIssue ? 'case-list case-list--cross' : 'case-list'}>
      {cases.map((c) => (
        <li key={c.caseId} className="case-list__item">
          <span className="case-list__label">
            {withIssue ? `${c.issueShortLabel} · ` : ''}
            {caseLabel(c.position)}
          </span>
          <a className="case-list__title" href={paths.case(c.caseId)}>
            {c.title}
          </a>
          <span className="case-list__place">{placeLabel(c.regions)}</span>
        </li>
      ))}
    </ol>
  );
}
