// Missing numbers before counters (个, 家, 名, 人 …). A counter is only suspect where grammar
// wants a number in front of it: after 近/超过/达 ("近人次", "超过名"), after a verb that
// takes a count ("开行列", "就业人。"), at the end of a clause ("安置点个、"), or inside a phrase
// where it makes no word on either side ("方案项改革", "增加个义务教育阶段学位").
import { endsWithAny, isClauseEnd, isClauseStart, isHan, isNumber } from './chars';
import { COUNTERS, COUNT_VERBS, QUANTITY_CUES } from './lexicon';
import { missingNumberMessage } from './units';
import type { Hit } from './types';

/** Counters checked at the end of a clause; 户, 台, 条 … end too many ordinary nouns to be safe. */
const CLAUSE_FINAL = new Set(['人', '名', '个', '家', '项', '件', '张', '套', '列', '辆', '所']);
/** Counters that may not stand between two characters they form no word with. */
const MID_PHRASE = new Set(['个', '项', '名']);
/** Counters that may not open a clause unless they start a word (家庭, 项目). */
const CLAUSE_INITIAL = new Set(['个', '项', '家']);
/** Counters that also count people after a person noun: 老年人（N）名, 失能老人（N）人. */
const PERSON_COUNTERS = new Set(['人', '名', '个']);
/** Counters judged after a count verb even when more text follows ("增加个义务教育阶段学位"). */
const VERB_OBJECT_COUNTERS = new Set(['个', '项', '名', '家', '件', '套', '张']);
/** Verbs that are also the first half of a noun with 人/户 (投资人, 低收入户) are left out. */
const COUNTER_VERBS = COUNT_VERBS.filter((v) => !['收入', '总值', '投资', '接收', '服务', '保障'].includes(v));

const isMagnitude = (c: string | undefined): boolean => c !== undefined && '万亿千百十'.includes(c);

/** "老人", "老年人", "工人": text just before `end` is a noun for people. */
function endsWithPersonNoun(text: string, end: number): boolean {
  const prev = text[end - 2];
  return text[end - 1] === '人' && prev !== undefined && isHan(prev) && COUNTERS['人']!.before.includes(prev);
}

function hit(offset: number, length: number, counter: string): Hit {
  return { rule: 'missing-number', severity: 'error', offset, length, message: missingNumberMessage(counter) };
}

function checkCounterAt(text: string, i: number): Hit | null {
  const c = text[i]!;
  const words = COUNTERS[c]!;
  const p = text[i - 1];
  const n = text[i + 1];
  if (isNumber(p) || isMagnitude(p)) return null;

  // 多/余 before a counter stand for "more than N" and need the N.
  if (p === '多' || p === '余') {
    const q = text[i - 2];
    if (isNumber(q) || isMagnitude(q)) return null;
    if (p === '余') return null; // the 余 rule in units.ts reports it
    // "多家合作机构" is a vague quantity and fine; "开设专业多个，" has lost its number.
    if (isClauseEnd(n) && c !== '人' && CLAUSE_FINAL.has(c)) return hit(i - 1, 2, `多${c}`);
    return null;
  }
  const formsWordAfter = n !== undefined && words.after.includes(n);
  if (formsWordAfter) return null;

  if (PERSON_COUNTERS.has(c) && isClauseEnd(n) && endsWithPersonNoun(text, i)) return hit(i, 1, c);
  // "实现项事项" has lost a number, but "实现人与自然和谐" and "安置户" have not: before other
  // words only the counters that never start a phrase of their own are judged.
  if (endsWithAny(text, i, COUNTER_VERBS) !== null && (isClauseEnd(n) || (isHan(n) && VERB_OBJECT_COUNTERS.has(c)))) {
    return hit(i, 1, c);
  }

  const formsWordBefore = p !== undefined && words.before.includes(p);
  if (formsWordBefore) return null;
  if (endsWithAny(text, i, QUANTITY_CUES) !== null) return hit(i, 1, c);
  // "育婴员、电工等（N）期培训": a count is due after the 等 that closes a list ("张三等人" is fine).
  if (p === '等' && c !== '人' && isHan(n)) return hit(i, 1, c);
  if (CLAUSE_FINAL.has(c) && isHan(p) && isClauseEnd(n)) return hit(i, 1, c);
  if (MID_PHRASE.has(c) && isHan(p) && isHan(n)) return hit(i, 1, c);
  if (CLAUSE_INITIAL.has(c) && isClauseStart(p) && isHan(n)) return hit(i, 1, c);
  return null;
}

export function checkCounters(text: string): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!(c in COUNTERS)) continue;
    // 人次, 列次 … are units, checked in units.ts.
    if (text[i + 1] === '次' && (c === '人' || c === '列' || c === '户')) continue;
    const h = checkCounterAt(text, i);
    if (h) out.push(h);
  }
  return out;
}
