import { caseMetaFields } from '@/lib/public/case-meta';
import type { PublicCase } from '@/lib/public/types';

// A case page's own <head> tags, as the framework writes them from caseMetadata() for the fields
// it sets (caseMetaFields): the title through the site's template, the description, keywords,
// canonical address, OpenGraph and Twitter. The snapshot puts them into a page the app rendered,
// after checking its output against the app's own pages (../case-pages.ts), so a difference (a
// field added to caseMetadata, a framework upgrade) makes it fetch the pages instead.

/** React's escaping of text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/["'&<>]/gu, (ch) => ({ '"': '&quot;', "'": '&#x27;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);
}

function meta(key: 'name' | 'property', value: string, content: string | undefined | null): string {
  return content ? `<meta ${key}="${value}" content="${escapeHtml(content)}"/>` : '';
}

export function caseHead(c: PublicCase, siteUrl: string): string {
  const f = caseMetaFields(c);
  // Joined under the site URL's own path, as the framework resolves it against metadataBase.
  const absolute = (p: string) => new URL(`${siteUrl.replace(/\/+$/u, '')}${p}`).toString();
  return [
    `<title>${escapeHtml(f.documentTitle)}</title>`,
    meta('name', 'description', f.description),
    f.keywords.length > 0 ? meta('name', 'keywords', f.keywords.join(',')) : '',
    f.canonical ? `<link rel="canonical" href="${escapeHtml(absolute(f.canonical))}"/>` : '',
    meta('property', 'og:title', f.openGraph.title),
    meta('property', 'og:description', f.openGraph.description),
    meta('property', 'og:url', f.openGraph.url ? absolute(f.openGraph.url) : ''),
    meta('property', 'og:type', f.openGraph.type),
    meta('property', 'article:published_time', f.openGraph.publishedTime),
    meta('property', 'article:section', f.openGraph.section),
    ...f.openGraph.tags.map((t) => meta('property', 'article:tag', t)),
    meta('name', 'twitter:card', f.twitter.card),
    meta('name', 'twitter:title', f.twitter.title),
    meta('name', 'twitter:description', f.twitter.description),
  ].join('');
}
