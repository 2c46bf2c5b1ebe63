// An issue laid out as the seed compilation is: "01", 第一期：主题, 典型做法之N：标题, the profile
// sentence (or the lead), then （一）标题。正文. The Word export and the text export both come from
// these blocks, and the compilation parser reads them back to the same content.
import type { ImportIssue } from '@/lib/import/types';
import { issueLabel, sectionLabel, caseLabel } from '@/lib/content/numerals';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { placeNameOf } from './place-name';

export type ExportBlock =
  | { kind: 'marker'; text: string }
  | { kind: 'issue'; text: string }
  | { kind: 'foreword'; text: string }
  | { kind: 'case'; text: string }
  | { kind: 'profile'; text: string }
  | { kind: 'lead'; text: string }
  | { kind: 'section'; label: string; heading: string; body: string }
  | { kind: 'paragraph'; text: string };

export interface ExportIssue extends ImportIssue {
  foreword?: string;
}

function paragraphs(text: string): string[] {
  return text.split('\n').map((p) => p.trim()).filter(Boolean);
}

export function compilationBlocks(issues: readonly ExportIssue[]): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  for (const issue of issues) {
    blocks.push({ kind: 'marker', text: String(issue.number).padStart(2, '0') });
    blocks.push({ kind: 'issue', text: `${issueLabel(issue.number)}：${issue.title}` });
    // The foreword is not part of the importer's shape; Word readers see it, the JSON carries it apart.
    for (const p of paragraphs(issue.foreword ?? '')) blocks.push({ kind: 'foreword', text: p });
    for (const c of issue.cases) {
      blocks.push({ kind: 'case', text: `${caseLabel(c.position)}：${c.title}` });
      // Facts the source named without a figure go out as they came in, so a re-import keeps them owed.
      const sentence = c.profile ? renderProfileSentence(c.profile, placeNameOf(c.regions), { withUnstated: true }) : '';
      if (sentence) blocks.push({ kind: 'profile', text: sentence });
      for (const p of paragraphs(c.lead)) blocks.push({ kind: 'lead', text: p });
      c.sections.forEach((s, i) => {
        const [first = '', ...rest] = paragraphs(s.body);
        blocks.push({ kind: 'section', label: sectionLabel(i), heading: s.heading, body: first });
        for (const p of rest) blocks.push({ kind: 'paragraph', text: p });
      });
    }
  }
  return blocks;
}

/** The compilation as plain text, one block per line. */
export function compilationText(issues: readonly ExportIssue[]): string {
  return `${compilationBlocks(issues)
    .filter((b) => b.kind !== 'foreword')
    .map((b) => (b.kind === 'section' ? `${b.label}${b.heading}。${b.body}` : b.text))
    .join('\n')}\n`;
}
