// What the public site shows, as plain JSON-safe data: these values pass through Next's data cache
// (which serializes them) and the JSON API unchanged, so dates are ISO strings, never Date objects.
import type { CaseSection, Profile } from '@/lib/content/model';

export interface PublicIssueSummary {
  issueId: number;
  /** The overall number (总第N期), which the issue's address carries. */
  number: number;
  /** The serial year and the number within it, derived at publication. */
  year: number;
  yearNumber: number;
  /** 2025年第3期（总第27期）, in the site's format (lib/content/serial.ts). */
  label: string;
  /** The label for tight places: 2025年第3期. */
  shortLabel: string;
  title: string;
  publishedAt: string;
  caseCount: number;
}

export interface PublicCaseSummary {
  caseId: number;
  issueId: number;
  issueNumber: number;
  issueYear: number;
  issueYearNumber: number;
  issueLabel: string;
  issueShortLabel: string;
  issueTitle: string;
  position: number;
  /** The 栏目 it is listed under in its issue, or null. */
  sectionTitle: string | null;
  title: string;
  regions: string[];
  provinces: string[];
  tags: string[];
  publishedAt: string;
}

export interface PublicCase extends PublicCaseSummary {
  profile: Profile | null;
  lead: string;
  sections: CaseSection[];
}

/** A 更正说明 on a published case: what was corrected, and when it went public. */
export interface PublicCorrection {
  note: string;
  correctedAt: string;
}

/** The 版权页 as published with the issue (see PublishedColophon in db/schema.ts). */
export interface PublicColophon {
  publisher: string;
  responsibleEditor: string | null;
  stages: { name: string; signers: string[] }[];
}

export interface PublicIssue extends PublicIssueSummary {
  foreword: string;
  /** Null when the site shows no colophon. */
  colophon: PublicColophon | null;
  cases: PublicCase[];
}

export interface ProvinceCount {
  code: string;
  count: number;
}

export interface SearchFilters {
  issueNumber: number | null;
  province: string | null;
  page: number;
}

/** A snippet split into plain and matched runs, so the page can mark matches without any HTML. */
export type SnippetPart = { text: string; hit: boolean };

export interface SearchHit extends PublicCaseSummary {
  titleMatch: boolean;
  titleParts: SnippetPart[];
  snippet: SnippetPart[];
}

export interface SearchResult {
  query: string;
  filters: SearchFilters;
  total: number;
  pageSize: number;
  hits: SearchHit[];
  /** Why nothing was searched, when nothing was: the page explains it instead of failing. */
  notice: 'empty' | 'unsearchable' | null;
}
