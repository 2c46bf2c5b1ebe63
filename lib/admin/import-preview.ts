// What the import screen shows before anything is written: each parsed issue and case with the
// parser's warnings and the proofreader's findings, and why the import would be refused, if it
// would. Pure, so it is tested without a server; the refusal comes from lib/services/import.
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import type { ParsedDocument } from '@/lib/import/types';
import { contentFromParsedCase } from '@/lib/import/content';
import { proofreadCase, RULE_LABELS } from '@/lib/proofread';
import { regionFullName } from '@/lib/regions';
import { placeNameOf } from './place-name';

export interface PreviewFinding {
  severity: 'error' | 'warning';
  rule: string;
  where: string;
  message: string;
  excerpt: string;
}

export interface PreviewCase {
  position: number;
  title: string;
  line: number;
  regions: string[];
  profileSentence: string;
  lead: string;
  sections: { heading: string; chars: number }[];
  tags: string[];
  findings: PreviewFinding[];
}

/** Why confirming would be refused (nothing is written): the editor sees it before confirming. */
export interface ImportRefusal {
  message: string;
  details: string[];
}

export interface ImportPreview {
  issues: { number: number; title: string; line: number; cases: PreviewCase[] }[];
  warnings: { line: number; message: string }[];
  totals: { issues: number; cases: number; errors: number; warnings: number };
  refusal: ImportRefusal | null;
}

export function buildImportPreview(doc: ParsedDocument, refusal: ImportRefusal | null = null): ImportPreview {
  let errors = 0;
  let warnings = 0;
  const issues = doc.issues.map((issue) => ({
    number: issue.number,
    title: issue.title,
    line: issue.line,
    cases: issue.cases.map((parsed): PreviewCase => {
      const content = contentFromParsedCase(parsed);
      const findings = proofreadCase(content).map((f): PreviewFinding => {
        const text = f.field === 'title' ? content.title : f.field === 'lead' ? content.lead : f.field === 'section' ? content.sections[f.sectionIndex ?? 0]?.body ?? '' : '';
        if (f.severity === 'error') errors++;
        else warnings++;
        return {
          severity: f.severity,
          rule: RULE_LABELS[f.rule],
          where: f.field === 'section' ? content.sections[f.sectionIndex ?? 0]?.heading ?? '正文' : { title: '标题', lead: '导语', profile: '概况', foreword: '编者按', section: '正文' }[f.field],
          message: f.message,
          excerpt: text.slice(Math.max(0, f.offset - 8), f.offset + f.length + 8),
        };
      });
      return {
        position: parsed.position,
        title: parsed.title,
        line: parsed.line,
        regions: parsed.regions.map((c) => regionFullName(c) ?? c),
        profileSentence: parsed.profile ? renderProfileSentence(parsed.profile, placeNameOf(parsed.regions)) : '',
        lead: parsed.lead,
        sections: parsed.sections.map((s) => ({ heading: s.heading, chars: s.body.length })),
        tags: content.tags,
        findings: errorsFirst(findings),
      };
    }),
  }));
  return {
    issues,
    warnings: doc.warnings,
    totals: { issues: issues.length, cases: issues.reduce((n, i) => n + i.cases.length, 0), errors, warnings },
    refusal,
  };
}

/** Errors before reminders, each group in the order it was found: what must be fixed is read first. */
export function errorsFirst(findings: PreviewFinding[]): PreviewFinding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
}

/** Where a refused preview says why: beside the field it concerns, or at the top when it concerns none. */
export interface PlacedFailure {
  notice: string | null;
  file: string[];
  text: string[];
}

/** Each reason appears once: a message tied to a field is shown there and not repeated above the form. */
export function placeImportFailure(failure: { message: string; fieldErrors?: Partial<Record<string, string[]>> }): PlacedFailure {
  const file = failure.fieldErrors?.file ?? [];
  const text = failure.fieldErrors?.text ?? [];
  return { notice: file.length + text.length ? null : failure.message, file, text };
}
