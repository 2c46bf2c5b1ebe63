import { checkText, type Finding, type RuleId } from '@/lib/proofread';

/** Findings of one rule on a text, as the flagged substrings (plus where they are). */
export function flagged(text: string, rule: RuleId): { span: string; offset: number; finding: Finding }[] {
  return checkText(text, 'section', 0)
    .filter((f) => f.rule === rule)
    .map((f) => ({ span: text.slice(f.offset, f.offset + f.length), offset: f.offset, finding: f }));
}

/** Where the proofreader puts lost-number errors in a text, as [start, end) offsets. */
export const errorsAt = (text: string) =>
  flagged(text, 'missing-number')
    .filter((f) => f.finding.severity === 'error')
    .map((f) => [f.offset, f.offset + f.span.length] as const);

/** The sentence with its number, the number to delete: the hole must draw an error that touches it. */
export function holeCaught(intact: string, number: string): boolean {
  const at = intact.indexOf(number);
  const text = intact.slice(0, at) + intact.slice(at + number.length);
  return errorsAt(text).some(([start, end]) => start <= at && end >= at);
}

/** As holeCaught, for the nth occurrence (0-based) of a number that occurs more than once. */
export function nthHoleCaught(intact: string, number: string, nth: number): boolean {
  let at = intact.indexOf(number);
  for (let k = 0; k < nth; k++) at = intact.indexOf(number, at + 1);
  const text = intact.slice(0, at) + intact.slice(at + number.length);
  return errorsAt(text).some(([start, end]) => start <= at && end >= at);
}
