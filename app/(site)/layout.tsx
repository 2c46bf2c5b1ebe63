import '@/components/site/site.css';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

// Every public page is cached whole (ISR) and dropped on publish (lib/public/cache.ts). The
// 60-second revalidation is a backstop and the CDN's s-maxage; correctness does not depend on it.
export const revalidate = 60;

// The public reader site's frame. No session, no client script: every page here is the same for
// every reader, so it can be cached whole.
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="site">
      <SiteHeader />
      <main id="main">{children}</main>
      <SiteFooter />
    </div>
  );
}
