// schema.org descriptions for search engines: Article for a case, PublicationIssue within a
// Periodical for an issue. Built from published data only.
import { caseLabel } from '@/lib/content/numerals';
import { placeLabel } from './format';
import type { PublicCase, PublicIssue } from './types';
import { SITE_NAME, absolute, paths, siteUrl } from './urls';

type JsonLd = Record<string, unknown>;

function periodical(): JsonLd {
  return { '@type': 'Periodical', name: SITE_NAME, url: siteUrl() };
}

export function issueJsonLd(issue: PublicIssue): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'PublicationIssue',
    issueNumber: String(issue.number),
    name: `${issue.label}：${issue.title}`,
    datePublished: issue.publishedAt,
    url: absolute(paths.issue(issue.number)),
    inLanguage: 'zh-CN',
    isPartOf: periodical(),
    hasPart: issue.cases.map((c) => ({ '@type': 'Article', headline: c.title, url: absolute(paths.case(c.caseId)) })),
  };
}

export function caseJsonLd(c: PublicCase, description: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: c.title,
    alternativeHeadline: `${c.issueLabel} · ${caseLabel(c.position)}`,
    description,
    datePublished: c.publishedAt,
    inLanguage: 'zh-CN',
    url: absolute(paths.case(c.caseId)),
    mainEntityOfPage: absolute(paths.case(c.caseId)),
    keywords: c.tags.join(','),
    contentLocation: { '@type': 'Place', name: placeLabel(c.regions) },
    publisher: { '@type': 'Organization', name: SITE_NAME },
    isPartOf: {
      '@type': 'PublicationIssue',
      issueNumber: String(c.issueNumber),
      name: `${c.issueLabel}：${c.issueTitle}`,
      url: absolute(paths.issue(c.issueNumber)),
      isPartOf: periodical(),
    },
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so text can never close the tag. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</gu, '\\u003c');
}
