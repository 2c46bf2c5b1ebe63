import type { Metadata } from 'next';
import { CaseList } from '@/components/site/case-list';
import { IssueArchive, casesByIssue } from '@/components/site/issue-archive';
import { JsonLd } from '@/components/site/json-ld';
import { formatDateZh, isoDateZh } from '@/lib/public/format';
import { getCasesOfNewestIssues, getIssues } from '@/lib/public/read-model';
import { SITE_DESCRIPTION, SITE_NAME, paths, siteUrl } from '@/lib/public/urls';

export const metadata: Metadata = {
  title: { absolute: `${SITE_NAME} · 新型城镇化典型做法` },
  description: SITE_DESCRIPTION,
  alternates: { canonical: paths.home(), types: { 'application/atom+xml': paths.feed() } },
  openGraph: { type: 'website', title: SITE_NAME, description: SITE_DESCRIPTION, url: paths.home() },
};

/** Issues in the archive that list their cases; older ones show only their row. */
const ARCHIVE_WITH_CASES = 6;

export default async function HomePage() {
  // The cases of the issues that list theirs: the newest and ARCHIVE_WITH_CASES before it.
  const [issues, cases] = await Promise.all([getIssues(), getCasesOfNewestIssues(1 + ARCHIVE_WITH_CASES)]);
  const byIssue = casesByIssue(cases);
  const [latest, ...older] = issues;

  if (!latest) {
    return (
      <>
        <h1>{SITE_NAME}</h1>
        <p className="notice">尚无已发布的期刊，敬请关注。</p>
      </>
    );
  }
  return (
    <>
      <JsonLd data={{ '@context': 'https://schema.org', '@type': 'Periodical', name: SITE_NAME, url: siteUrl(), inLanguage: 'zh-CN', description: SITE_DESCRIPTION }} />
      <h1 className="visually-hidden">{SITE_NAME}</h1>
      <section className="lead-issue" aria-labelledby="latest-title">
        <p className="kicker">最新一期 · {latest.label}</p>
        <div className="lead-issue__head">
          <h2 id="latest-title" style={{ margin: '0.25rem 0' }}>
            <a href={paths.issue(latest.number)} style={{ color: 'inherit', textDecoration: 'none' }}>
              {latest.title}
            </a>
          </h2>
          <span className="muted small">
            <time dateTime={isoDateZh(latest.publishedAt)}>{formatDateZh(latest.publishedAt)}</time>发布 · {latest.caseCount}个案例
          </span>
        </div>
        <CaseList cases={byIssue.get(latest.issueId) ?? []} />
        <p style={{ marginTop: '1rem' }}>
          <a href={paths.issue(latest.number)}>阅读{latest.shortLabel}全文</a>
        </p>
      </section>

      <section id="archive" aria-labelledby="archive-title">
        <h2 id="archive-title">往期</h2>
        {older.length === 0 ? <p className="muted">暂无往期。</p> : null}
        <IssueArchive issues={older} casesByIssue={byIssue} withCases={ARCHIVE_WITH_CASES} />
        {older.length > 0 ? (
          <p>
            <a href={paths.issues()}>全部往期</a>
          </p>
        ) : null}
      </section>
    </>
  );
}
