import { formatDateZh, isoDateZh } from '@/lib/public/format';
import type { PublicCaseSummary, PublicIssueSummary } from '@/lib/public/types';
import { paths } from '@/lib/public/urls';

/** Issues as a grid of cards; the first `withCases` cards also list their cases' titles. */
export function IssueArchive({ issues, casesByIssue, withCases }: { issues: PublicIssueSummary[]; casesByIssue: Map<number, PublicCaseSummary[]>; withCases: number }) {
  return (
    <ol className="archive">
      {issues.map((issue, i) => (
        <li key={issue.issueId} className="archive__item">
          <p className="kicker">{issue.label}</p>
          <h3>
            <a href={paths.issue(issue.number)}>{issue.title}</a>
          </h3>
          <p className="muted small" style={{ margin: 0 }}>
            <time dateTime={isoDateZh(issue.publishedAt)}>{formatDateZh(issue.publishedAt)}</time>
            {` · ${issue.caseCount}个案例`}
          </p>
          {i < withCases ? (
            <ol className="archive__cases">
              {(casesByIssue.get(issue.issueId) ?? []).map((c) => (
                <li key={c.caseId}>
                  <a href={paths.case(c.caseId)}>{c.title}</a>
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The published cases grouped by the issue they belong to, in their order. */
export function casesByIssue(cases: PublicCaseSummary[]): Map<number, PublicCaseSummary[]> {
  const byIssue = new Map<number, PublicCaseSummary[]>();
  for (const c of cases) byIssue.set(c.issueId, [...(byIssue.get(c.issueId) ?? []), c]);
  return byIssue;
}
