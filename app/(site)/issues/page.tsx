import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { IssueArchive } from '@/components/site/issue-archive';
import { getIssueCases, getIssues } from '@/lib/public/read-model';
import { paths } from '@/lib/public/urls';

export const metadata: Metadata = {
  title: '往期',
  description: '全部已发布的各期案例期刊：主题、发布日期和所收案例。',
  alternates: { canonical: paths.issues() },
  openGraph: { type: 'website', title: '往期', url: paths.issues() },
};

/**
 * Issues that also list their cases' titles here. The rest show title, date and count: with a
 * thousand issues, every title of every case would make a page of megabytes nobody can scan.
 */
const ARCHIVE_WITH_CASES = 3;

/** Every published issue, newest first; the newest few with their cases. */
export default async function IssuesPage() {
  const issues = await getIssues();
  const listed = issues.slice(0, ARCHIVE_WITH_CASES);
  const cases = await Promise.all(listed.map((i) => getIssueCases(i.issueId)));
  const casesByIssue = new Map(listed.map((i, at) => [i.issueId, cases[at] ?? []]));
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '往期' }]} />
      <h1>往期</h1>
      {issues.length === 0 ? (
        <p className="notice">尚无已发布的期刊，敬请关注。</p>
      ) : (
        <IssueArchive issues={issues} casesByIssue={casesByIssue} withCases={ARCHIVE_WITH_CASES} />
      )}
    </>
  );
}
