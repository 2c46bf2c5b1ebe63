import { NotFoundBody } from '@/components/site/not-found-body';
import { notFoundMetadata } from '@/components/site/not-found-page';

export const metadata = notFoundMetadata;

// A notFound() raised inside the public site renders here, within the site's own frame. The site's
// pages do not raise it for missing content (see components/site/not-found-page.tsx).
export default function SiteNotFound() {
  return <NotFoundBody />;
}
