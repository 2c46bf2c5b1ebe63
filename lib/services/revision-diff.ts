import { diffArrays, diffChars } from 'diff';
import type { CaseContent, CaseSection, Profile } from '@/lib/content/model';

// Character-level diff: Chinese has no spaces, so word diffs would compare whole sentences.

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldDiff {
  label: string;
  changed: boolean;
  parts: DiffPart[];
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

function chars(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
}

function field(label: string, before: string, after: string): FieldDiff {
  return { label, changed: before !== after, parts: chars(before, after) };
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
  ];
  return lines.filter(Boolean).join('\n');
}

/** Sections are matched by heading before their bodies are compared, so inserting one section
 *  does not make every later section look rewritten. */
function sectionDiffs(from: CaseSection[], to: CaseSection[]): SectionDiff[] {
  const out: SectionDiff[] = [];
  let i = 0;
  let j = 0;
  const chunks = diffArrays(from, to, { comparator: (a, b) => a.kind === b.kind && a.heading === b.heading });
  for (const chunk of chunks) {
    for (let k = 0; k < chunk.count; k++) {
      if (chunk.removed) {
        const s = from[i]!;
        out.push({ ...field(s.heading, s.body, ''), changed: true, fromIndex: i++, toIndex: null });
      } else if (chunk.added) {
        const s = to[j]!;
        out.push({ ...field(s.heading, '', s.body), changed: true, fromIndex: null, toIndex: j++ });
      } else {
        const a = from[i]!;
        const b = to[j]!;
        out.push({ ...field(b.heading, a.body, b.body), fromIndex: i++, toIndex: j++ });
      }
    }
  }
  return out;
}

export function diffContents(from: CaseContent, to: CaseContent): ContentDiff {
  return {
    fields: [
      field('标题', from.title, to.title),
      field('地区', from.regions.join('、'), to.regions.join('、')),
      field('概况', profileText(from.profile), profileText(to.profile)),
      field('导语', from.lead, to.lead),
      field('主题', from.tags.join('、'), to.tags.join('、')),
    ],
    sections: sectionDiffs(from.sections, to.sections),
  };
}
