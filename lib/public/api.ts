// The read-only JSON API's shapes: published data plus the labels and URLs readers see, so a client
// needs neither our numbering rules nor our region table.
import { caseLabel, sectionLabel } from '@/lib/content/numerals';
import { tocGroups } from '@/lib/content/toc';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { formatDateZh, isoDateZh, placeLabel, placeShortName } from './format';
import type { PublicPdf } from './editions';
import type { PublicCase, PublicCaseSummary, PublicCorrection, PublicIssue, PublicIssueSummary } from './types';
import { absolute, paths } from './urls';

export function apiIssueSummary(i: PublicIssueSummary) {
  return {
    number: i.number,
    year: i.year,
    yearNumber: i.yearNumber,
    label: i.label,
    title: i.title,
    publishedAt: i.publishedAt,
    caseCount: i.caseCount,
    url: absolute(paths.issue(i.number)),
    api: absolute(`/api/public/issues/${i.number}`),
  };
}

export function apiCaseSummary(c: PublicCaseSummary) {
  return {
    id: c.caseId,
    issue: { number: c.issueNumber, year: c.issueYear, yearNumber: c.issueYearNumber, label: c.issueLabel, title: c.issueTitle },
    position: c.position,
    label: caseLabel(c.position),
    /** The 栏目 it is listed under in its issue, or null. */
    sectionTitle: c.sectionTitle,
    title: c.title,
    regions: c.regions,
    place: placeLabel(c.regions),
    provinces: c.provinces,
    tags: c.tags,
    publishedAt: c.publishedAt,
    url: absolute(paths.case(c.caseId)),
    api: absolute(`/api/public/cases/${c.caseId}`),
  };
}

/** "2026年11月30日更正：……", as the case page and the API say it (the date in China time). */
export function correctionLine(c: PublicCorrection): string {
  return `${formatDateZh(c.correctedAt)}更正：${c.note}`;
}

export function apiCorrection(c: PublicCorrection) {
  return { date: isoDateZh(c.correctedAt), correctedAt: c.correctedAt, note: c.note, text: correctionLine(c) };
}

/** A PDF edition as the API lists it: its absolute address, size in bytes and pages; null when not (yet) made. */
export function apiPdf(pdf: PublicPdf | null) {
  return pdf ? { url: absolute(pdf.url), size: pdf.size, pages: pdf.pages } : null;
}

export function apiCase(c: PublicCase, corrections: readonly PublicCorrection[] = [], pdf: PublicPdf | null = null) {
  return {
    ...apiCaseSummary(c),
    profile: c.profile,
    profileSentence: c.profile ? renderProfileSentence(c.profile, placeShortName(c.regions)) : '',
    lead: c.lead,
    sections: c.sections.map((s, i) => ({ label: sectionLabel(i), kind: s.kind, heading: s.heading, body: s.body })),
    /** 更正说明, oldest first; empty when the case was never corrected. */
    corrections: corrections.map(apiCorrection),
    pdf: apiPdf(pdf),
  };
}

export function apiIssue(i: PublicIssue, pdf: PublicPdf | null = null) {
  return {
    ...apiIssueSummary(i),
    foreword: i.foreword,
    /** The 栏目 in contents order with their cases' ids; empty when the issue has none. */
    sections: tocGroups(i.cases).flatMap((g) => (g.title === null ? [] : [{ title: g.title, caseIds: g.cases.map((c) => c.caseId) }])),
    /** The 版权页, or null when the site shows none. */
    colophon: i.colophon,
    cases: i.cases.map(apiCaseSummary),
    pdf: apiPdf(pdf),
  };
}

/** Public, read-only, same for everyone: any site may read it. */
export const API_HEADERS = { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' } as const;

export function apiNotFound() {
  return Response.json({ error: 'not_found', message: '未找到或尚未发布' }, { status: 404, headers: API_HEADERS });
}
