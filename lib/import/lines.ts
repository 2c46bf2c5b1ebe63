// Recognising the kinds of line a compilation is made of. Real documents mix full-width and
// half-width punctuation and Chinese and Arabic numbers, so every pattern accepts both.
import { SECTION_HEADINGS, type SectionKind } from '@/lib/content/model';
import { parseNumeral } from '@/lib/content/numerals';

const NUMERAL = '([0-9０-９]+|[一二两三四五六七八九十百零〇]+)';
const COLON = '\\s*(?:[:：]\\s*|\\s+|$)';

/** A bare issue marker such as "01" on its own line, before 第一期. */
const MARKER_RE = /^([0-9０-９]{1,3})$/u;
const ISSUE_RE = new RegExp(`^第\\s*${NUMERAL}\\s*期${COLON}(.*)$`, 'u');
const CASE_RE = new RegExp(`^典型做法之\\s*${NUMERAL}${COLON}(.*)$`, 'u');
const SECTION_RE = /^[(（]\s*([一二三四五六七八九十百零〇]+)\s*[)）]\s*(.*)$/u;

/** Lines of the text with the byte-order mark and CRLF/CR line endings normalised away. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
}

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'marker'; number: number }
  | { kind: 'issue'; number: number | null; numeral: string; title: string }
  | { kind: 'case'; position: number | null; numeral: string; title: string }
  | { kind: 'section'; number: number | null; numeral: string; rest: string }
  | { kind: 'text'; text: string };

export function classifyLine(line: string): LineKind {
  const text = line.trim();
  if (text === '') return { kind: 'blank' };
  let m = MARKER_RE.exec(text);
  if (m) return { kind: 'marker', number: parseNumeral(m[1]!) ?? 0 };
  m = ISSUE_RE.exec(text);
  if (m) return { kind: 'issue', number: parseNumeral(m[1]!), numeral: m[1]!, title: m[2]!.trim() };
  m = CASE_RE.exec(text);
  if (m) return { kind: 'case', position: parseNumeral(m[1]!), numeral: m[1]!, title: m[2]!.trim() };
  m = SECTION_RE.exec(text);
  if (m) return { kind: 'section', number: parseNumeral(m[1]!), numeral: m[1]!, rest: m[2]!.trim() };
  return { kind: 'text', text };
}

/**
 * "主要做法。一是……" → heading "主要做法", body "一是……". The heading ends at the first 。 (or a
 * half-width full stop that is not a decimal point); without one the whole line is the heading
 * and the body follows on the next lines.
 */
export function splitSectionHeading(rest: string): { heading: string; body: string } {
  const stop = /。|(?<!\d)[.．]|[.．](?!\d)/u.exec(rest);
  if (!stop) return { heading: rest.replace(/[:：]$/u, '').trim(), body: '' };
  return {
    heading: rest.slice(0, stop.index).replace(/[:：]$/u, '').trim(),
    body: rest.slice(stop.index + stop[0].length).trim(),
  };
}

const KIND_BY_HEADING = new Map<string, SectionKind>(
  (Object.entries(SECTION_HEADINGS) as [Exclude<SectionKind, 'custom'>, string][]).map(([k, h]) => [h, k]),
);

/** The kind a heading names; anything else is a custom heading, kept verbatim. */
export function sectionKindOf(heading: string): SectionKind {
  return KIND_BY_HEADING.get(heading) ?? 'custom';
}
