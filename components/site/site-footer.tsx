import { SITE_NAME, paths } from '@/lib/public/urls';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          {SITE_NAME} · 本站仅刊载已正式发布的案例。
        </p>
        <p>
          <a href="/about">关于本刊</a> · <a href={paths.feed()}>订阅（Atom）</a> · <a href="/sitemap.xml">站点地图</a> · <a href="/api/public/issues">数据接口</a>
        </p>
      </div>
    </footer>
  );
}
