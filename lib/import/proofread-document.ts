import { contentFromParsedCase } from './content';
import type { ParsedDocument } from './types';
import { crossCheckCases, proofreadCase, type Finding } from '@/lib/proofread';

export interface CaseFindings {
  issueNumber: number;
  position: number;
  title: string;
  /** The source line of the part of the case the finding is in (section line, else heading line). */
  findings: (Finding & { line: number })[];
}

/** Runs the proofreader over every case of a parsed compilation, before anything is written. */
export function proofreadDocument(doc: ParsedDocument): CaseFindings[] {
  // The same place's profile figures are compared across every case of the document.
  const across = crossCheckCases(doc.issues.flatMap((issue) => issue.cases));
  let n = 0;
  return doc.issues.flatMap((issue) =>
    issue.cases.map((parsed) => ({
      issueNumber: issue.number,
      position: parsed.position,
      title: parsed.title,
      findings: [...proofreadCase(contentFromParsedCase(parsed)), ...across[n++]!].map((f) => ({
        ...f,
        line: f.field === 'section' && f.sectionIndex !== undefined ? (parsed.sections[f.sectionIndex]?.line ?? parsed.line) : parsed.line,
      })),
    })),
  );
}
