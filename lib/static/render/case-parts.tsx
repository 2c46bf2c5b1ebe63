import { renderToString } from 'react-dom/server';
import { CaseArticle } from '@/components/site/case-article';
import type { CasePageData } from '@/lib/public/case-page-data';
import { caseHead } from './case-head';

// The two parts of a case page that differ from case to case: its head tags and its article, the
// latter drawn by the page's own component. renderToString writes what the app's server rendering
// writes for the same elements (text separators included); the frame around them comes from a page
// the app rendered (../case-pages.ts).

export interface CaseParts {
  head: string;
  article: string;
}

export function renderCaseParts(data: CasePageData, siteUrl: string): CaseParts {
  return { head: caseHead(data.case, siteUrl), article: renderToString(<CaseArticle data={data} />) };
}
