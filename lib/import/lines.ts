// Recognising the kinds of line a compilation is made of. Real documents mix full-width and
// half-width punctuation and Chinese and Arabic numbers, so every pattern accepts both.
//
// Lines come from pasted text, so every step here is linear in the line: a pattern only
// recognises the fixed opening of a line (第N期, 典型做法之N, （N）), whose quantifiers range over
// disjoint characters, and the rest of the line is taken with slice and trim, never with `(.*)$`.
// "Whitespace" is JavaScript's `\s` (the same set `trim` removes: spaces, tabs, U+3000, U+00A0,
// U+FEFF, U+2028/U+2029 …); U+0085 is an ordinary character. A line separator inside a line is
// kept as part of its text, like any other character.
import { SECTION_HEADINGS, type SectionKind } from '@/lib/content/model';
import { parseNumeral } from '@/lib/content/numerals';

const NUMERAL = '([0-9０-９]+|[一二两三四五六七八九十百零〇]+)';

/** A bare issue marker such as "01" on its own line, before 第一期. */
const MARKER_RE = /^([0-9０-９]{1,3})$/u;
const ISSUE_HEAD_RE = new RegExp(`^第\\s*${NUMERAL}\\s*期`, 'u');
const CASE_HEAD_RE = new RegExp(`^典型做法之\\s*${NUMERAL}`, 'u');
const SECTION_HEAD_RE = /^[(（]\s*([一二三四五六七八九十百零〇]+)\s*[)）]/u;
const SPACE_RE = /\s/u;

/** Lines of the text with the byte-order mark and CRLF/CR line endings normalised away. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
}

/**
 * The title after 第N期 or 典型做法之N: the head must be followed by the end of the line, a colon
 * or whitespace ("第1期：主题", "第1期 主题"), else the line is not a heading ("第1期的成果").
 * A colon after optional whitespace is dropped.
 */
function titleAfter(text: string, from: number): string | null {
  let i = from;
  while (i < text.length && SPACE_RE.test(text[i]!)) i++;
  if (text[i] === ':' || text[i] === '：') return text.slice(i + 1).trim();
  if (i === from && i < text.length) return null;
  return text.slice(i).trim();
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
  m = ISSUE_HEAD_RE.exec(text);
  const issueTitle = m ? titleAfter(text, m[0].length) : null;
  if (m && issueTitle !== null) return { kind: 'issue', number: parseNumeral(m[1]!), numeral: m[1]!, title: issueTitle };
  m = CASE_HEAD_RE.exec(text);
  const caseTitle = m ? titleAfter(text, m[0].length) : null;
  if (m && caseTitle !== null) return { kind: 'case', position: parseNumeral(m[1]!), numeral: m[1]!, title: caseTitle };
  m = SECTION_HEAD_RE.exec(text);
  if (m) return { kind: 'section', number: parseNumeral(m[1]!), numeral: m[1]!, rest: text.slice(m[0].length).trim() };
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
