// What a PDF edition is made from: published data only, already worded as readers see it (labels,
// dates, place names), so the layout code has no rules of its own about numbering or places.
import type { CaseSection, Profile } from '@/lib/content/model';
import type { PublicColophon } from '@/lib/public/types';

export interface EditionCase {
  caseId: number;
  /** 典型做法之N */
  label: string;
  /** The 栏目 it is listed under, if the issue has them. */
  sectionTitle: string | null;
  title: string;
  /** 江苏省南通市海门区 */
  place: string;
  /** 海门区: the profile's subject. */
  placeName: string;
  profile: Profile | null;
  lead: string;
  sections: CaseSection[];
  /** “2026年11月30日更正：……”, oldest first. */
  corrections: string[];
}

export interface EditionIssue {
  /** 案例期刊 */
  publication: string;
  /** 2025年第3期（总第27期） */
  serialLabel: string;
  title: string;
  foreword: string;
  /** 2026年11月25日 */
  publishedDate: string;
  publishedAt: Date;
  colophon: PublicColophon | null;
  cases: EditionCase[];
}

/** A finished PDF. */
export interface PdfFile {
  bytes: Uint8Array;
  pages: number;
}

/**
 * Part of every edition's fingerprint: raise it when the layout changes, and every published issue's
 * PDFs are made again (at the next start or publish) instead of serving the old layout forever.
 */
export const EDITION_LAYOUT_VERSION = 1;
