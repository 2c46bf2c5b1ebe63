import { paths } from '@/lib/public/urls';

/** The 404 page's heading, also its title (see not-found-page.tsx). */
export const NOT_FOUND_TITLE = '页面不存在';

// One answer for "never existed" and "not published (yet or any more)": a 404 reveals nothing.
export function NotFoundBody() {
  return (
    <div className="error-page">
      <p className="error-page__code">404</p>
      <h1>{NOT_FOUND_TITLE}</h1>
      <p>您访问的页面不存在，或尚未发布。请检查网址，或从以下入口继续浏览：</p>
      <ul>
        <li>
          <a href={paths.home()}>返回首页</a>
        </li>
        <li>
          <a href={paths.search()}>检索案例</a>
        </li>
        <li>
          <a href={paths.regions()}>按地区浏览</a>
        </li>
      </ul>
    </div>
  );
}
