// Enumerations must count up without repeats or gaps: 一是/二是/三是 and 第一、第二 and (1)(2)
// inside a text, and section labels (一)(二) at the start of its paragraphs. A count may start
// over at 一 (a new list), so only repeats, gaps and steps backwards are errors.
import { parseNumeral } from '@/lib/content/numerals';
import { isClauseStart } from './chars';
import type { Hit } from './types';

interface Marker {
  value: number;
  offset: number;
  length: number;
  /** How the marker for a given number is written, for the message. */
  spell: (n: number) => string;
}

const CN = '一二三四五六七八九十';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const toCn = (n: number): string => {
  if (n <= 10) return CN[n - 1] ?? String(n);
  return n < 20 ? `十${CN[n - 11] ?? ''}` : String(n);
};

/**
 * Checks one family of markers. A list may begin again at 1 (a new list in the same text).
 * `mustStartAtOne`: warn when the first marker is not 1 (off for labels of a single paragraph,
 * whose predecessors may live in another field). `mayRestart`: a second list may begin at 1
 * (true for 一是…; false for section labels, which number a text only once).
 */
export function checkSequence(markers: Marker[], what: string, mustStartAtOne = true, mayRestart = true): Hit[] {
  const out: Hit[] = [];
  let prev = 0;
  for (const m of markers) {
    const n = m.value;
    const label = m.spell(n);
    let message: string | null = null;
    // A list has two items or more, so 一是 right after 一是 is a repeat, not a new list.
    if (n === 1 && (prev === 0 || (mayRestart && prev > 1))) message = null;
    else if (prev === 0 && !mustStartAtOne) message = null;
    else if (prev === 0) {
      message = `${what}从「${label}」开始，前面没有「${m.spell(1)}」，请检查是否有遗漏。`;
    } else if (n === prev) {
      message = `${what}「${label}」重复出现，后一个应为「${m.spell(prev + 1)}」。`;
    } else if (n > prev + 1) {
      message = `${what}从「${m.spell(prev)}」跳到「${label}」，缺少「${m.spell(prev + 1)}」。`;
    } else if (n < prev) {
      message = `${what}顺序颠倒：「${m.spell(prev)}」之后出现「${label}」。`;
    }
    if (message) {
      out.push({
        rule: 'enumeration',
        severity: prev === 0 && n !== 1 ? 'warning' : 'error',
        offset: m.offset,
        length: m.length,
        message,
      });
    }
    prev = n;
  }
  return out;
}

function collect(text: string, re: RegExp, spell: (n: number) => string, clauseStart: boolean): Marker[] {
  const markers: Marker[] = [];
  for (const m of text.matchAll(re)) {
    if (clauseStart && !isClauseStart(text[m.index - 1])) continue;
    const value = m[1] !== undefined ? parseNumeral(m[1]) : CIRCLED.indexOf(m[0]) + 1;
    if (value === null || value < 1) continue;
    markers.push({ value, offset: m.index, length: m[0].length, spell });
  }
  return markers;
}

/** Section labels (一)(二) at paragraph starts, as they arrive in pasted or imported text. */
export function sectionLabelAt(paragraph: string): { value: number; length: number } | null {
  const m = /^\s*[(（]([一二三四五六七八九十]{1,3})[)）]/u.exec(paragraph);
  const value = m ? parseNumeral(m[1]!) : null;
  return m && value !== null ? { value, length: m[0].length } : null;
}

export function checkEnumerations(text: string): Hit[] {
  const out: Hit[] = [];
  // "统一是", "之一是" are not markers: a marker opens a clause.
  out.push(...checkSequence(collect(text, /([一二三四五六七八九十]{1,3})是/gu, (n) => `${toCn(n)}是`, true), '列举'));
  out.push(...checkSequence(collect(text, /第([一二三四五六七八九十]{1,3})(?=[,，、:：])/gu, (n) => `第${toCn(n)}`, true), '列举'));
  out.push(...checkSequence(collect(text, /[(（]([0-9]{1,2})[)）]/gu, (n) => `（${n}）`, false), '编号'));
  out.push(...checkSequence(collect(text, new RegExp(`[${CIRCLED}]`, 'gu'), (n) => CIRCLED[n - 1] ?? String(n), false), '编号'));

  const labels: Marker[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const label = sectionLabelAt(paragraph);
    if (label) labels.push({ value: label.value, offset, length: label.length, spell: (n) => `（${toCn(n)}）` });
    offset += paragraph.length + 1;
  }
  out.push(...checkSequence(labels, '段落序号', false, false));
  return out;
}
