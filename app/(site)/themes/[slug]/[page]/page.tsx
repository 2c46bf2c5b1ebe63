import type { Metadata } from 'next';
import { renderThemePage, themeMetadata, type ThemeRouteParams } from '../../theme-cases';

type Props = { params: ThemeRouteParams };

export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return themeMetadata(params);
}

/** Page 2 and later of a theme's cases. */
export default function ThemePagedPage({ params }: Props) {
  return renderThemePage(params);
}
