import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Highlighted } from '@/components/site/highlighted';
import { caseLabel } from '@/lib/content/numerals';
import { placeLabel, provinceName } from '@/lib/public/format';
import { getIssues, getProvinceCounts, searchCases } from '@/lib/public/read-model';
import { parseSearchParams } from '@/lib/public/search';
import { paths } from '@/lib/public/urls';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseSearchParams(await searchParams);
  return {
    title: query ? `检索：${query.slice(0, 30)}` : '检索',
    alternates: { canonical: paths.search() },
    // Result pages are endless variations of the same content: keep them out of search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const { query, filters } = parseSearchParams(await searchParams);
  const [result, issues, provinces] = await Promise.all([searchCases(query, filters), getIssues(), getProvinceCounts()]);
  const pages = Math.ceil(result.total / Math.max(1, result.pageSize));
  const link = (page: number) => paths.search({ q: query, issue: filters.issueNumber, province: filters.province, page });
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '检索' }]} />
      <h1>检索案例</h1>
      <form className="search-form" action={paths.search()} method="get" role="search" aria-label="检索案例">
        <label className="search-form__q">
          关键词
          <input name="q" type="search" defaultValue={query} maxLength={1000} placeholder="如：随迁子女、住房公积金" />
        </label>
        <label>
          期次
          <select name="issue" defaultValue={filters.issueNumber ? String(filters.issueNumber) : ''}>
            <option value="">全部期次</option>
            {issues.map((i) => (
              <option key={i.issueId} value={i.number}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          省份
          <select name="province" defaultValue={filters.province ?? ''}>
            <option value="">全部省份</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {provinceName(p.code)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">检索</button>
      </form>

      {result.notice === 'empty' ? <p className="notice">请输入关键词，例如“教育”“住房”“公积金”，或选择期次、省份浏览。</p> : null}
      {result.notice === 'unsearchable' ? <p className="notice">检索词中没有可检索的文字，请换用中文词语或数字。</p> : null}
      {result.notice === null ? (
        <p aria-live="polite" role="status">
          {result.total > 0 ? `共找到${result.total}个案例${pages > 1 ? `，第${filters.page}页，共${pages}页` : ''}。标题中出现检索词的案例排在前面。` : '没有找到相符的案例。请尝试更短的词语，或取消期次、省份筛选。'}
        </p>
      ) : null}

      <ol className="results">
        {result.hits.map((hit) => (
          <li key={hit.caseId} className="result">
            <h2 className="result__title">
              <a href={paths.case(hit.caseId)}>
                <Highlighted parts={hit.titleParts} />
              </a>
              {hit.titleMatch ? <span className="badge">标题</span> : null}
            </h2>
            <p className="result__meta">
              {hit.issueLabel} · {caseLabel(hit.position)} · {placeLabel(hit.regions)}
            </p>
            <p className="result__snippet">
              <Highlighted parts={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>

      {pages > 1 ? (
        <nav className="pager" aria-label="检索结果分页">
          {filters.page > 1 ? (
            <a href={link(filters.page - 1)} rel="prev">
              <span className="pager__dir">上一页</span>
            </a>
          ) : null}
          {filters.page < pages ? (
            <a className="pager__next" href={link(filters.page + 1)} rel="next">
              <span className="pager__dir">下一页</span>
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
