import type { Metadata } from 'next';
import { renderThemePage, themeMetadata, type ThemeRouteParams } from '../theme-cases';

type Props = { params: ThemeRouteParams };

// Rendered on first request, then served from cache until the next publish (see lib/public/cache.ts).
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return themeMetadata(params);
}

/** A theme's newest cases: page 1 of its list. */
export default function ThemePage({ params }: Props) {
  return renderThemePage(params);
}
