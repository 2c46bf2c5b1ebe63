// Counts read from the sentence around a counter rather than from its neighbours: a member of a
// list or a pair ("旅行社126家，星级饭店（62）家"), a stock after 共有 or 其中, a rate per head
// (每千人拥有…（126）户), a count per unit of area, and a counter fused with its noun into a word
// (招聘会（36）场 reads 会场). Each looks a bounded number of characters back or ahead: linear.
import { endsWithAny, isClauseEnd, isDigit, isHan, isNumber } from './chars';
import { COUNTERS, OBJECT_COUNTERS } from './lexicon';
import type { Hit } from './types';
import { missingNumberHit as hit } from './units';


const isMagnitude = (c: string | undefined): boolean => c !== undefined && '万亿千百十多余'.includes(c);

/** Verbs whose object is an event, not a venue: 举办招聘会（36）场 is no 会场. */
const EVENT_VERBS = ['举办', '召开', '组织', '开展', '举行'];
/** Verbs whose object is a building, not a household: 改造农村危房（3862）户 is no 危房户. */
const BUILDING_VERBS = ['改造', '新建', '改建', '建设', '修缮', '加固', '拆除'];

/**
 * A counter fused with the noun before it into a word (会场, 危房户), at the end of a clause whose
 * verb cannot take that word: "举办线上线下招聘会（36）场，", "改造农村户厕（3200）户。".
 */
function fusedCounterSlot(text: string, i: number): Hit | null {
  const c = text[i]!;
  const p = text[i - 1];
  if (!isClauseEnd(text[i + 1])) return null;
  const verbs = c === '场' && p === '会' ? EVENT_VERBS : c === '户' && (p === '房' || p === '厕') ? BUILDING_VERBS : null;
  if (verbs === null) return null;
  // 召开大会的会场: after 的 the word is the head noun, not the verb's object.
  for (let k = i - 2; k >= 0 && k >= i - 14 && !isClauseEnd(text[k]); k--) {
    if (isNumber(text[k]) || text[k] === '的') return null;
    if (endsWithAny(text, k + 1, verbs) !== null) return hit(i, 1, c);
  }
  return null;
}

/** Per-unit phrases a figure follows: "人口密度为每平方公里（1260）人". */
const PER_UNIT = ['每平方公里', '每平方千米', '每公顷', '每平方米', '每亩'];

/**
 * "共有旅行社126家，星级饭店（62）家。": a list of counts in which one member, a short noun and the
 * same counter as the member before it, lost its figure. A clause with 为/是 in it describes
 * ("选聘专家12名，均为知名专家") and is left alone.
 */
function listMemberSlot(text: string, i: number): Hit | null {
  const c = text[i]!;
  if (!isClauseEnd(text[i + 1]) || !OBJECT_COUNTERS.has(c) || c === '户' || !isHan(text[i - 1])) return null;
  let k = i - 1;
  while (k >= 0 && i - k <= STOCK_REACH && isHan(text[k]) && !isNumber(text[k]) && !isMagnitude(text[k]) && !'为是的'.includes(text[k]!)) k--;
  const mark = text[k];
  if (k === i - 1 || i - k > STOCK_REACH || (mark !== '，' && mark !== '、' && mark !== ',')) return null;
  // The member before: a figure, maybe a magnitude, then the same counter.
  return text[k - 1] === c && (isDigit(text[k - 2]) || isMagnitude(text[k - 2])) ? hit(i, 1, c) : null;
}

/**
 * "建成安置房（1200）套和860套": a pair or list of counts in the same counter, whose first member
 * lost its figure.
 */
function pairSlot(text: string, i: number): Hit | null {
  const c = text[i]!;
  const p = text[i - 1];
  if (!'和与及、'.includes(text[i + 1] ?? '\u0000') || !isDigit(text[i + 2]) || !isHan(p) || isNumber(p) || isMagnitude(p)) return null;
  let k = i + 2;
  while (k < text.length && k < i + 16 && (isDigit(text[k]) || text[k] === '.' || isMagnitude(text[k]))) k++;
  return text[k] === c ? hit(i, 1, c) : null;
}

/** Stock cues before a counted noun: "全市共有星级饭店（62）家。". */
const STOCK_CUES = ['共有', '现有', '共计', '合计', '总计'];
/** A rate per head: "每千人拥有市场主体（126）户", where households and people are counted too. */
const PER_HEAD = /每[十百千万]?(?:人口|人|名|户)?[^，。；、]{0,6}拥有$/u;
/** How far back a stock cue is looked for: a short noun phrase. */
const STOCK_REACH = 10;

/** 其中 before a short noun and a counter that ends the clause: "其中中级以上职称（2860）人。". */
const PART_CUES = ['其中'];

/**
 * "全市共有星级饭店（62）家。": after 共有 and a short noun phrase with no figure, a counter that
 * ends the clause counted that noun, even where it makes a word with it (店家). 户 and 人 end too
 * many nouns that are themselves the stock (现有贫困户, 现有残疾人) to be judged so.
 */
function stockSlot(text: string, i: number): Hit | null {
  const c = text[i]!;
  if (!isClauseEnd(text[i + 1]) || !isHan(text[i - 1])) return null;
  // After 其中 people and households are counted too, where the counter makes no word (职称人,
  // not 贫困户); after a rate per head (每千人拥有) any counter is a count.
  const person = c === '人' || c === '户';
  const part = person && !COUNTERS[c]!.before.includes(text[i - 1]!);
  for (let k = i - 1; k >= 0 && k >= i - STOCK_REACH; k--) {
    const ch = text[k]!;
    if (!isHan(ch) || isNumber(ch) || ch === '的') return null;
    const perHead = text.startsWith('拥有', k - 1) && PER_HEAD.test(text.slice(Math.max(0, k - 11), k + 1));
    const cue = perHead
      ? '拥有'
      : endsWithAny(text, k + 1, part ? PART_CUES : person || !OBJECT_COUNTERS.has(c) ? [] : [...STOCK_CUES, ...PART_CUES]);
    if (cue !== null) return k + 1 < i ? hit(i, 1, c) : null;
  }
  return null;
}

/** "人口密度为每平方公里（1260）人": a count after a unit of area with 每 before it. */
function perUnitSlot(text: string, i: number): Hit | null {
  const c = text[i]!;
  if (endsWithAny(text, i, PER_UNIT) === null || COUNTERS[c]!.after.includes(text[i + 1] ?? '\u0000')) return null;
  return hit(i, 1, c);
}

/** The first of these rules that finds the counter at text[i] counting with no figure. */
export function countedSlot(text: string, i: number): Hit | null {
  return perUnitSlot(text, i) ?? stockSlot(text, i) ?? listMemberSlot(text, i) ?? pairSlot(text, i) ?? fusedCounterSlot(text, i);
}
