import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { IssueArchive, casesByIssue } from '@/components/site/issue-archive';
import { getAllCases, getIssues } from '@/lib/public/read-model';
import { paths } from '@/lib/public/urls';

export const metadata: Metadata = {
  title: '往期',
  description: '全部已发布的各期案例期刊：主题、发布日期和所收案例。',
  alternates: { canonical: paths.issues() },
  openGraph: { type: 'website', title: '往期', url: paths.issues() },
};

/** Every published issue, newest first, each with its cases. */
export default async function IssuesPage() {
  const [issues, cases] = await Promise.all([getIssues(), getAllCases()]);
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '往期' }]} />
      <h1>往期</h1>
      {issues.length === 0 ? (
        <p className="notice">尚无已发布的期刊，敬请关注。</p>
      ) : (
        <IssueArchive issues={issues} casesByIssue={casesByIssue(cases)} withCases={issues.length} />
      )}
    </>
  );
}
