import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { CaseList } from '@/components/site/case-list';
import { THEME_NAMES } from '@/lib/content/themes';
import { getAllCases } from '@/lib/public/read-model';
import { paths } from '@/lib/public/urls';

export const metadata: Metadata = {
  title: '按主题浏览',
  description: '按义务教育、住房保障、就业服务等主题浏览新型城镇化典型做法案例。',
  alternates: { canonical: paths.themes() },
  openGraph: { type: 'website', title: '按主题浏览', url: paths.themes() },
};

export default async function ThemesPage() {
  const cases = await getAllCases();
  const groups = THEME_NAMES.map((name) => ({ name, cases: cases.filter((c) => c.tags.includes(name)) }));
  const withCases = groups.filter((g) => g.cases.length > 0);
  const empty = groups.filter((g) => g.cases.length === 0);
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '主题' }]} />
      <h1>按主题浏览</h1>
      <ul className="theme-index" aria-label="主题索引">
        {withCases.map((g) => (
          <li key={g.name}>
            <a className="tag" href={`#${encodeURIComponent(g.name)}`}>
              {g.name}（{g.cases.length}）
            </a>
          </li>
        ))}
      </ul>
      {withCases.map((g) => (
        <section key={g.name} id={g.name} aria-labelledby={`theme-${g.name}`}>
          <h2 id={`theme-${g.name}`}>{g.name}</h2>
          <CaseList cases={g.cases} withIssue />
        </section>
      ))}
      {empty.length > 0 ? <p className="muted small">暂无案例的主题：{empty.map((g) => g.name).join('、')}。</p> : null}
    </>
  );
}
