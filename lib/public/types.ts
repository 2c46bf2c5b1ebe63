// What the public site shows, as plain JSON-safe data: these values pass through Next's data cache
// (which serializes them) and the JSON API unchanged, so dates are ISO strings, never Date objects.
import type { CaseSection, Profile } from '@/lib/content/model';

export interface PublicIssueSummary {
  issueId: number;
  number: number;
  title: string;
  publishedAt: string;
  caseCount: number;
}

export interface PublicCaseSummary {
  caseId: number;
  issueId: number;
  issueNumber: number;
  issueTitle: string;
  position: number;
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

export interface PublicIssue extends PublicIssueSummary {
  foreword: string;
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
