import '@/components/site/site.css';
import { NotFoundBody } from '@/components/site/not-found-body';
import { notFoundMetadata } from '@/components/site/not-found-page';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export const metadata = notFoundMetadata;

// URLs that match no route at all: the public frame around the same answer.
export default function NotFound() {
  return (
    <div className="site">
      <SiteHeader />
      <main id="main">
        <NotFoundBody />
      </main>
      <SiteFooter />
    </div>
  );
}
