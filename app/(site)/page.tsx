import { listPublishedIssuesWithCases } from '@/lib/public/read-model';
import { caseLabel, issueLabel } from '@/lib/content/numerals';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const issues = await listPublishedIssuesWithCases();
  return (
    <main style={{ maxWidth: 880, margin: '0 auto', padding: '2rem 1rem' }}>
      <h1>案例期刊</h1>
      {issues.length === 0 ? <p>尚无已发布的期刊。</p> : null}
      {issues.map((issue) => (
        <section key={issue.issueId} aria-labelledby={`issue-${issue.issueId}`}>
          <h2 id={`issue-${issue.issueId}`}>
            {issueLabel(issue.number)}：{issue.title}
          </h2>
          <ol style={{ listStyle: 'none', paddingLeft: 0 }}>
            {issue.cases.map((c) => (
              <li key={c.caseId}>
                {caseLabel(c.position)}：{c.title}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
