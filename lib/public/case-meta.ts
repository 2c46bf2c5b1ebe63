import type { Metadata } from 'next';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { placeShortName } from './format';
import type { PublicCase } from './types';
import { paths, TITLE_TEMPLATE } from './urls';

// What a case page says about itself: the summary its description, JSON-LD and feed share, and its
// metadata. Plain functions of the case, so the app's page and the static snapshot's renderer
// (lib/static/render) give the same answer.

export function caseSummary(c: PublicCase): string {
  const sentence = c.profile ? renderProfileSentence(c.profile, placeShortName(c.regions)) : '';
  const first = c.sections[0]?.body ?? '';
  // By characters, not UTF-16 units: a rare place name's character must not be cut in half.
  return Array.from((sentence || c.lead || first).replace(/\s+/gu, ' ')).slice(0, 150).join('');
}

/** The case page's metadata fields, typed as set: the page's generateMetadata and the snapshot's head writer both read them. */
export function caseMetaFields(c: PublicCase) {
  const description = caseSummary(c);
  const url = paths.case(c.caseId);
  return {
    title: c.title,
    /** The <title>: the site's template filled in literally (a `$&` in a title is text, not a replacement pattern). */
    documentTitle: TITLE_TEMPLATE.replace('%s', () => c.title),
    description,
    keywords: c.tags,
    canonical: url,
    openGraph: { type: 'article' as const, title: c.title, description, url, publishedTime: c.publishedAt, section: `${c.issueLabel}：${c.issueTitle}`, tags: c.tags },
    twitter: { card: 'summary' as const, title: c.title, description },
  };
}

export function caseMetadata(c: PublicCase): Metadata {
  const { canonical, documentTitle, ...rest } = caseMetaFields(c);
  return { ...rest, title: { absolute: documentTitle }, alternates: { canonical } };
}
