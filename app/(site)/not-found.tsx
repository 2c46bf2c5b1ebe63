import { NotFoundBody } from '@/components/site/not-found-body';

// notFound() inside the public site renders here, within the site's own frame.
export default function SiteNotFound() {
  return <NotFoundBody />;
}
