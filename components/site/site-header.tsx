import { SITE_NAME, paths } from '@/lib/public/urls';

const NAV = [
  { href: paths.home(), label: '首页' },
  { href: paths.issues(), label: '往期' },
  { href: paths.regions(), label: '地区' },
  { href: paths.themes(), label: '主题' },
  { href: paths.search(), label: '检索' },
] as const;

/** The masthead: name, sections, and a search box that is a plain GET form (no client script). */
export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <div className="site-header__inner">
        <a className="site-title" href={paths.home()}>
          <span className="site-title__name">{SITE_NAME}</span>
          <span className="site-title__sub">新型城镇化典型做法</span>
        </a>
        <form className="site-search" action={paths.search()} method="get" role="search">
          <label className="visually-hidden" htmlFor="site-search-q">
            检索案例
          </label>
          <input id="site-search-q" name="q" type="search" placeholder="检索案例，如：公积金" maxLength={1000} />
          <button type="submit">检索</button>
        </form>
      </div>
      <nav className="site-nav" aria-label="主导航">
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
