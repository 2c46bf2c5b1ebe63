// Shapes produced by the compilation parser. ParsedX carry 1-based source line numbers so every
// warning and later proofreading finding can point at the line; the import JSON drops them.
import type { CaseSection, Profile } from '@/lib/content/model';

export interface ParseWarning {
  /** 1-based line in the source text. */
  line: number;
  /** Chinese, for the editor. */
  message: string;
}

export type ParsedSection = CaseSection & { line: number };

export interface ParsedCase {
  /** N of 典型做法之N, as written. */
  position: number;
  line: number;
  title: string;
  /** GB/T 2260 codes resolved from the title (or, for city clusters, the lead). */
  regions: string[];
  profile: Profile | null;
  lead: string;
  sections: ParsedSection[];
}

export interface ParsedIssue {
  /** N of 第N期. */
  number: number;
  title: string;
  line: number;
  cases: ParsedCase[];
}

export interface ParsedDocument {
  issues: ParsedIssue[];
  /** Sorted by line. */
  warnings: ParseWarning[];
}

/** The documented import JSON: the parsed document without line numbers. */
export interface ImportJson {
  issues: ImportIssue[];
  warnings: ParseWarning[];
}

export interface ImportIssue {
  number: number;
  title: string;
  cases: ImportCase[];
}

export interface ImportCase {
  position: number;
  title: string;
  regions: string[];
  profile: Profile | null;
  lead: string;
  sections: CaseSection[];
}
