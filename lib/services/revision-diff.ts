import { diffArrays, diffChars, diffLines, type ChangeObject } from 'diff';
import { PROFILE_FACT_LABELS, type CaseContent, type CaseSection, type Profile } from '@/lib/content/model';

// Character-level diff: Chinese has no spaces, so word diffs would compare whole sentences.
// Its cost grows with the length of the texts times the number of edits, so two very different
// long texts would keep the server busy for minutes: past MAX_CHAR_EDITS edits (or the time
// budget of one comparison) a field is compared by paragraph instead, and flagged as coarse.

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldDiff {
  label: string;
  changed: boolean;
  parts: DiffPart[];
  /** True when the texts differ too much for a character diff: parts are whole paragraphs. */
  coarse: boolean;
}

export interface SectionDiff extends FieldDiff {
  /** Indexes in each revision; null where the section exists only on the other side. */
  fromIndex: number | null;
  toIndex: number | null;
}

export interface ContentDiff {
  fields: FieldDiff[];
  sections: SectionDiff[];
}

/** More edits than this read better as whole paragraphs, and cost far more to find. */
export const MAX_CHAR_EDITS = 1000;
const MAX_PARAGRAPH_EDITS = 200;
const MAX_SECTION_EDITS = 100;
/** Time one comparison may spend on character diffs; later fields go by paragraph at once. */
const CHAR_BUDGET_MS = 500;
/** Then on paragraph diffs; later fields are shown as wholly removed and added. */
const PARAGRAPH_BUDGET_MS = 300;

interface Deadline {
  chars: number;
  paragraphs: number;
}

const toParts = (changes: ChangeObject<string>[]): DiffPart[] =>
  changes.map((c) => ({ value: c.value, added: c.added, removed: c.removed }));

/**
 * A lower bound on the edits between two texts, in linear time: every inserted or removed
 * character changes the count of that character on one side by one.
 */
function editLowerBound(before: string, after: string): number {
  const counts = new Map<string, number>();
  for (const c of before) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of after) counts.set(c, (counts.get(c) ?? 0) - 1);
  let bound = 0;
  for (const n of counts.values()) bound += Math.abs(n);
  return bound;
}

function chars(before: string, after: string, deadline: Deadline): { parts: DiffPart[]; coarse: boolean } {
  if (before === after) return { parts: before === '' ? [] : [{ value: before, added: false, removed: false }], coarse: false };
  if (after === '') return { parts: [{ value: before, added: false, removed: true }], coarse: false };
  if (before === '') return { parts: [{ value: after, added: true, removed: false }], coarse: false };
  const charsLeft = deadline.chars - Date.now();
  if (charsLeft > 0 && editLowerBound(before, after) <= MAX_CHAR_EDITS) {
    const exact = diffChars(before, after, { maxEditLength: MAX_CHAR_EDITS, timeout: charsLeft });
    if (exact) return { parts: toParts(exact), coarse: false };
  }
  const paragraphsLeft = deadline.paragraphs - Date.now();
  const paragraphs =
    paragraphsLeft > 0 ? diffLines(before, after, { maxEditLength: MAX_PARAGRAPH_EDITS, timeout: paragraphsLeft }) : undefined;
  const parts = paragraphs
    ? toParts(paragraphs)
    : [
        { value: before, added: false, removed: true },
        { value: after, added: true, removed: false },
      ];
  return { parts, coarse: true };
}

function field(label: string, before: string, after: string, deadline: Deadline): FieldDiff {
  return { label, changed: before !== after, ...chars(before, after, deadline) };
}

function profileText(p: Profile | null): string {
  if (!p) return '';
  const lines = [
    p.year !== null ? `年份：${p.year}年` : '',
    p.landAreaKm2 !== null ? `国土面积：${p.landAreaKm2}平方公里` : '',
    p.population ? `${p.population.scope}常住人口：${p.population.value ?? '未知'}万人` : '',
    p.urbanizationRatePct !== null ? `城镇化率：${p.urbanizationRatePct}%` : '',
    p.gdpYi !== null ? `地区生产总值：${p.gdpYi}亿元` : '',
    p.budgetRevenueYi !== null ? `一般公共预算收入：${p.budgetRevenueYi}亿元` : '',
    // So removing a fact the source named without a figure shows in the comparison.
    p.unstated?.length ? `原文缺数字待补：${p.unstated.map((k) => PROFILE_FACT_LABELS[k]).join('、')}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

/** Sections are matched by heading before their bodies are compared, so inserting one section
 *  does not make every later section look rewritten. */
function sectionDiffs(from: CaseSection[], to: CaseSection[], deadline: Deadline): SectionDiff[] {
  const out: SectionDiff[] = [];
  let i = 0;
  let j = 0;
  const matched = diffArrays(from, to, {
    comparator: (a, b) => a.kind === b.kind && a.heading === b.heading,
    maxEditLength: MAX_SECTION_EDITS,
  });
  // Too many sections inserted and removed to match: every old one removed, every new one added.
  const chunks = matched ?? [
    { value: from, count: from.length, added: false, removed: true },
    { value: to, count: to.length, added: true, removed: false },
  ];
  const coarse = matched === undefined;
  for (const chunk of chunks) {
    for (let k = 0; k < chunk.count; k++) {
      if (chunk.removed) {
        const s = from[i]!;
        out.push({ ...field(s.heading, s.body, '', deadline), changed: true, coarse, fromIndex: i++, toIndex: null });
      } else if (chunk.added) {
        const s = to[j]!;
        out.push({ ...field(s.heading, '', s.body, deadline), changed: true, coarse, fromIndex: null, toIndex: j++ });
      } else {
        const a = from[i]!;
        const b = to[j]!;
        out.push({ ...field(b.heading, a.body, b.body, deadline), fromIndex: i++, toIndex: j++ });
      }
    }
  }
  return out;
}

export function diffContents(from: CaseContent, to: CaseContent): ContentDiff {
  const now = Date.now();
  const deadline = { chars: now + CHAR_BUDGET_MS, paragraphs: now + CHAR_BUDGET_MS + PARAGRAPH_BUDGET_MS };
  return {
    fields: [
      field('标题', from.title, to.title, deadline),
      field('地区', from.regions.join('、'), to.regions.join('、'), deadline),
      field('概况', profileText(from.profile), profileText(to.profile), deadline),
      field('导语', from.lead, to.lead, deadline),
      field('主题', from.tags.join('、'), to.tags.join('、'), deadline),
    ],
    sections: sectionDiffs(from.sections, to.sections, deadline),
  };
}
