import { checkText, type Finding, type RuleId } from '@/lib/proofread';

/** Findings of one rule on a text, as the flagged substrings (plus where they are). */
export function flagged(text: string, rule: RuleId): { span: string; offset: number; finding: Finding }[] {
  return checkText(text, 'section', 0)
    .filter((f) => f.rule === rule)
    .map((f) => ({ span: text.slice(f.offset, f.offset + f.length), offset: f.offset, finding: f }));
}
