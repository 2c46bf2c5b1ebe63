import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { CaseList } from '@/components/site/case-list';
import { getThemeOverview } from '@/lib/public/read-model';
import { paths } from '@/lib/public/urls';

export const metadata: Metadata = {
  title: '按主题浏览',
  description: '按义务教育、住房保障、就业服务等主题浏览新型城镇化典型做法案例。',
  alternates: { canonical: paths.themes() },
  openGraph: { type: 'website', title: '按主题浏览', url: paths.themes() },
};

/** Every theme with its number of cases and its newest few; each theme's page lists the rest. */
export default async function ThemesPage() {
  const themes = await getThemeOverview();
  const withCases = themes.filter((t) => t.total > 0);
  const empty = themes.filter((t) => t.total === 0);
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '主题' }]} />
      <h1>按主题浏览</h1>
      <ul className="theme-index" aria-label="主题索引">
        {withCases.map((t) => (
          <li key={t.name}>
            <a className="tag" href={paths.theme(t.name)}>{`${t.name}（${t.total}）`}</a>
          </li>
        ))}
      </ul>
      {withCases.map((t) => {
        const headingId = `theme-${t.slug}`;
        // The name as id keeps the old in-page addresses (/themes#义务教育) landing on the theme.
        return (
          <section key={t.name} id={t.name} aria-labelledby={headingId}>
            <h2 id={headingId}>{t.name}</h2>
            <CaseList cases={t.cases} withIssue />
            <p>
              <a href={paths.theme(t.name)}>
                {`查看全部${t.total}个案例`}
                <span className="visually-hidden">{`（${t.name}）`}</span>
              </a>
            </p>
          </section>
        );
      })}
      {empty.length > 0 ? <p className="muted small">暂无案例的主题：{empty.map((t) => t.name).join('、')}。</p> : null}
    </>
  );
}
