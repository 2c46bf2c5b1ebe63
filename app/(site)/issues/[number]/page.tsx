import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Colophon } from '@/components/site/colophon';
import { IssueChart } from '@/components/site/issue-chart';
import { IssueToc } from '@/components/site/issue-toc';
import { JsonLd } from '@/components/site/json-ld';
import { NotFoundPage, notFoundMetadata } from '@/components/site/not-found-page';
import { Paragraphs } from '@/components/site/paragraphs';
import { PdfLink } from '@/components/site/pdf-links';
import { formatDateZh, isoDateZh } from '@/lib/public/format';
import { issueJsonLd } from '@/lib/public/jsonld';
import { getIssueByNumber, getIssueNeighbours, getIssuePdf, getRenumberedIssue } from '@/lib/public/read-model';
import { parseId, paths } from '@/lib/public/urls';

type Props = { params: Promise<{ number: string }> };

// Rendered on first request, then served from cache until the next publish (see lib/public/cache.ts).
export function generateStaticParams(): { number: string }[] {
  return [];
}

/** The published issue, or null for a 404 (unknown and unpublished alike). */
async function load(raw: string) {
  const number = parseId(raw);
  if (number === null) return null;
  const issue = await getIssueByNumber(number);
  if (issue) return issue;
  // A published link must survive renumbering: the old number answers with a permanent redirect.
  const moved = await getRenumberedIssue(number);
  if (moved !== null) permanentRedirect(paths.issue(moved));
  return null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load((await params).number);
  if (!issue) return notFoundMetadata;
  const title = `${issue.label}：${issue.title}`;
  const description = issue.foreword.trim().slice(0, 120) || `${title}，收录${issue.caseCount}个典型做法：${issue.cases.map((c) => c.title).join('；')}`.slice(0, 160);
  const url = paths.issue(issue.number);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'article', title, description, url, publishedTime: issue.publishedAt },
    twitter: { card: 'summary', title, description },
  };
}

export default async function IssuePage({ params }: Props) {
  const issue = await load((await params).number);
  if (!issue) return <NotFoundPage />;
  const [{ newer, older }, pdf] = await Promise.all([getIssueNeighbours(issue.number), getIssuePdf(issue.issueId)]);
  return (
    <article>
      <JsonLd data={issueJsonLd(issue)} />
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { href: paths.issues(), label: '往期' }, { label: issue.shortLabel }]} />
      <p className="kicker">{issue.label}</p>
      <h1>{issue.title}</h1>
      <p className="meta">
        <span>
          <time dateTime={isoDateZh(issue.publishedAt)}>{formatDateZh(issue.publishedAt)}</time>发布
        </span>
        <span>{issue.caseCount}个典型做法</span>
      </p>
      <PdfLink pdf={pdf} of="本期" />
      {issue.foreword.trim() ? (
        <div className="foreword">
          <p className="foreword__label">编者按</p>
          <Paragraphs text={issue.foreword} />
        </div>
      ) : null}

      <section aria-labelledby="toc-title">
        <h2 id="toc-title">目录</h2>
        <IssueToc cases={issue.cases} />
      </section>

      <IssueChart cases={issue.cases} />

      <Colophon colophon={issue.colophon} />

      <nav className="pager" aria-label="前后期">
        {older ? (
          <a href={paths.issue(older.number)} rel="prev">
            <span className="pager__dir">上一期</span>
            <span className="pager__title">
              {older.label}：{older.title}
            </span>
          </a>
        ) : null}
        {newer ? (
          <a className="pager__next" href={paths.issue(newer.number)} rel="next">
            <span className="pager__dir">下一期</span>
            <span className="pager__title">
              {newer.label}：{newer.title}
            </span>
          </a>
        ) : null}
      </nav>
    </article>
  );
}
