// The proofreader: pure functions from content to findings. Text rules run on every text field
// (title, lead, each section body, an issue's title and foreword); profile rules run on the
// structured facts. Offsets are UTF-16 indexes into the field's text (see types.ts).
import type { CaseContent } from '@/lib/content/model';
import { checkArithmetic } from './arithmetic';
import { crossCheckCases } from './compilation';
import { checkCounters } from './counters';
import { checkDoubledPunctuation, checkDoubledWords } from './doubling';
import { checkEnumerations } from './enumeration';
import { checkFigures } from './figures';
import { checkHalfwidth } from './halfwidth';
import { checkMeasures } from './measures';
import { checkPairs } from './pairs';
import { checkProfileCompleteness, checkProfilePlausibility } from './profile';
import { checkSlots } from './slots';
import { checkDates } from './time';
import type { Field, Finding, Hit } from './types';
import { checkUnits } from './units';

export type { Field, Finding, Fix, RuleId, Severity } from './types';
export { RULE_IDS } from './types';
export { levelOfCode, type PlaceLevel } from './profile';
export { sectionLabelAt, checkSequence } from './enumeration';
export { crossCheckCases, type CaseForCrossCheck } from './compilation';

export const RULE_LABELS: Record<Finding['rule'], string> = {
  'missing-number': '缺少数字',
  'missing-classifier': '缺少量词',
  'implausible-figure': '数字不合理',
  enumeration: '序号错误',
  'doubled-word': '词语重复',
  'doubled-punctuation': '标点重复',
  'unbalanced-pair': '成对标点不全',
  'halfwidth-punctuation': '半角标点',
  'profile-incomplete': '概况不完整',
};

/**
 * Several missing-number checks may catch one gap; keep one finding per overlapping span. Kept
 * findings of one rule never overlap, and they are taken in order of offset, so only the last one
 * kept for the rule can overlap the next: no search through all of them.
 */
function dedupe(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const kept: Hit[] = [];
  const lastKept = new Map<Hit['rule'], number>();
  for (const h of sorted) {
    const at = lastKept.get(h.rule);
    const k = at === undefined ? undefined : kept[at]!;
    const clash = k !== undefined && h.offset < k.offset + Math.max(k.length, 1) && k.offset < h.offset + Math.max(h.length, 1);
    if (!clash) {
      lastKept.set(h.rule, kept.length);
      kept.push(h);
    } else if (k.severity === 'warning' && h.severity === 'error') {
      kept[at!] = h;
    }
  }
  return kept;
}

const locate = (hits: Hit[], field: Field, sectionIndex?: number): Finding[] =>
  hits.map((h) => (field === 'section' && sectionIndex !== undefined ? { ...h, field, sectionIndex } : { ...h, field }));

/** All text rules on one text. Paragraphs are separated by "\n". */
export function checkText(text: string, field: Field, sectionIndex?: number): Finding[] {
  const missing = dedupe([...checkUnits(text), ...checkMeasures(text), ...checkCounters(text), ...checkDates(text), ...checkSlots(text)]);
  const hits = [
    ...missing,
    ...checkFigures(text),
    ...checkArithmetic(text),
    ...checkEnumerations(text),
    ...checkDoubledWords(text),
    ...checkDoubledPunctuation(text),
    ...checkPairs(text),
    ...checkHalfwidth(text),
  ].sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
  return locate(hits, field, sectionIndex);
}

export interface ProofreadOptions {
  /** For the plausibility of the profile year; defaults to the current year. */
  currentYear?: number;
}

/** Profile rules only: completeness and plausibility of the structured facts. */
export function proofreadProfile(content: Pick<CaseContent, 'profile' | 'regions'>, options: ProofreadOptions = {}): Finding[] {
  if (!content.profile) return [];
  const year = options.currentYear ?? new Date().getFullYear();
  return locate(
    [...checkProfileCompleteness(content.profile), ...checkProfilePlausibility(content.profile, content.regions, year)],
    'profile',
  );
}

export function proofreadCase(content: CaseContent, options: ProofreadOptions = {}): Finding[] {
  return [
    ...checkText(content.title, 'title'),
    ...checkText(content.lead, 'lead'),
    ...proofreadProfile(content, options),
    ...content.sections.flatMap((s, i) => checkText(s.body, 'section', i)),
  ];
}

export interface IssueForProofreading {
  title: string;
  foreword: string;
  cases: CaseContent[];
}

export function proofreadIssue(
  issue: IssueForProofreading,
  options: ProofreadOptions = {},
): { issue: Finding[]; cases: Finding[][] } {
  const across = crossCheckCases(issue.cases);
  return {
    issue: [...checkText(issue.title, 'title'), ...checkText(issue.foreword, 'foreword')],
    cases: issue.cases.map((c, i) => [...proofreadCase(c, options), ...across[i]!]),
  };
}

/** Errors block submission and publishing; warnings are advice. */
export function hasBlockingErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Errors before warnings, each in the order they stand in the text: what to show a person first. */
export function errorsFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
}

/** Applies one finding's fix; text is returned unchanged if there is none or it no longer fits. */
export function applyFix(text: string, finding: Finding): string {
  if (!finding.fix) return text;
  const { offset, length } = finding;
  if (offset < 0 || offset + length > text.length) return text;
  return text.slice(0, offset) + finding.fix.replacement + text.slice(offset + length);
}

/**
 * Applies every fix that does not overlap another, right to left so offsets stay valid. The text is
 * assembled once from its pieces: applying fixes one by one would copy it once per fix.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixable = findings.filter((f) => f.fix).sort((a, b) => b.offset - a.offset);
  const pieces: string[] = [];
  let rest = text.length;
  let limit = Number.POSITIVE_INFINITY;
  for (const f of fixable) {
    if (f.offset + f.length > limit) continue;
    limit = f.offset;
    if (f.offset < 0 || f.offset + f.length > rest) continue;
    pieces.push(text.slice(f.offset + f.length, rest), f.fix!.replacement);
    rest = f.offset;
  }
  pieces.push(text.slice(0, rest));
  return pieces.reverse().join('');
}
