import type { Metadata } from 'next';
import { Breadcrumbs, type Crumb } from '@/components/site/breadcrumbs';
import { CaseList } from '@/components/site/case-list';
import { NotFoundPage, notFoundMetadata } from '@/components/site/not-found-page';
import { themeBySlug } from '@/lib/content/themes';
import { THEME_PAGE_SIZE, themePageCount } from '@/lib/public/queries';
import { getThemeCases } from '@/lib/public/read-model';
import { parseId, paths } from '@/lib/public/urls';

// One page of a theme's cases, newest first. Pages are paths (/themes/<slug>, /themes/<slug>/2), not
// query strings, so the static snapshot writes each one as a file; page 1 has only its short address.

export type ThemeRouteParams = Promise<{ slug: string; page?: string }>;

/** The theme and page a route names, or null for a 404: an unknown slug, /themes/<slug>/1, a page past the last. */
async function load(params: ThemeRouteParams) {
  const { slug, page: rawPage } = await params;
  const theme = themeBySlug(slug);
  const page = rawPage === undefined ? 1 : parseId(rawPage);
  if (!theme || page === null || (rawPage !== undefined && page < 2)) return null;
  const { total, cases } = await getThemeCases(theme.name, (page - 1) * THEME_PAGE_SIZE, THEME_PAGE_SIZE);
  const pages = themePageCount(total);
  if (page > pages) return null;
  return { name: theme.name, page, pages, total, cases };
}

export async function themeMetadata(params: ThemeRouteParams): Promise<Metadata> {
  const found = await load(params);
  if (!found) return notFoundMetadata;
  const { name, page, total } = found;
  const title = page > 1 ? `主题：${name}（第${page}页）` : `主题：${name}`;
  const url = paths.theme(name, page);
  return {
    title,
    description: `“${name}”主题下已发布的新型城镇化典型做法案例，共${total}个，新的在前。`,
    alternates: { canonical: url },
    openGraph: { type: 'website', title, url },
  };
}

/** The page itself, a plain function the routes await. */
export async function renderThemePage(params: ThemeRouteParams) {
  const found = await load(params);
  if (!found) return <NotFoundPage />;
  const { name, page, pages, total, cases } = found;
  const link = (p: number) => paths.theme(name, p);
  const crumbs: Crumb[] = [
    { href: paths.home(), label: '首页' },
    { href: paths.themes(), label: '主题' },
    ...(page > 1 ? [{ href: link(1), label: name }, { label: `第${page}页` }] : [{ label: name }]),
  ];
  return (
    <>
      {/* React hoists these into <head>: the pages of one list, for crawlers and assistive tools. */}
      {page > 1 ? <link rel="prev" href={link(page - 1)} /> : null}
      {page < pages ? <link rel="next" href={link(page + 1)} /> : null}
      <Breadcrumbs items={crumbs} />
      <h1>{name}</h1>
      <p className="muted">
        {total > 0 ? `共${total}个案例，新的在前${pages > 1 ? `；第${page}页，共${pages}页` : ''}。` : '这个主题暂无已发布的案例。'}
      </p>
      {total > 0 ? <CaseList cases={cases} withIssue /> : null}
      {pages > 1 ? (
        <nav className="pager" aria-label="主题案例分页">
          {page > 1 ? (
            <a href={link(page - 1)} rel="prev">
              <span className="pager__dir">上一页</span>
              <span className="pager__title">{`第${page - 1}页`}</span>
            </a>
          ) : null}
          {page < pages ? (
            <a className="pager__next" href={link(page + 1)} rel="next">
              <span className="pager__dir">下一页</span>
              <span className="pager__title">{`第${page + 1}页`}</span>
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
