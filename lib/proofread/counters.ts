// Missing numbers before counters (个, 家, 名, 人, 次, 处 …). A counter is only suspect where
// grammar wants a number in front of it: after a quantity cue ("近人次", "共有家", "超过名"),
// after an ordinal 第 ("第批"), after a verb that takes a count ("开行列", "就业人。"), at the end
// of a clause ("安置点个、", "排查隐患处。"), or inside a phrase where it makes no word on either
// side ("增加个义务教育阶段学位"). A counter inside a dictionary word (受益人, 名为, 个个) is not.
import { endsWithAny, indexBefore, isClauseEnd, isClauseStart, isHan, isNumber } from './chars';
import { COUNTERS, COUNT_VERBS, QUANTITY_CUES, WEAK_AFTER } from './lexicon';
import { missingNumberHit as hit } from './units';
import type { Hit } from './types';
import { insideWord, wordAt, wordSpans } from './words';

/** Counters checked at the end of a clause; 户, 台, 场, 位 … end too many ordinary nouns to be safe. */
const CLAUSE_FINAL = new Set(['名', '个', '家', '项', '件', '张', '套', '列', '辆', '所', '条', '座', '次', '处', '笔', '支', '宗', '艘', '款', '栋', '幢', '趟']);
/** Counters that may not stand between two characters they form no word with. */
const MID_PHRASE = new Set(['个', '项', '名', '条']);
/** Counters that may not open a clause unless they start a word (家庭, 项目). */
const CLAUSE_INITIAL = new Set(['个', '项', '家', '届']);
/** Counters that also count people after a person noun: 老年人（N）名, 失能老人（N）人. */
const PERSON_COUNTERS = new Set(['人', '名', '个']);
/** Counters judged after a count verb even when more text follows ("增加个义务教育阶段学位"). */
const VERB_OBJECT_COUNTERS = new Set(['个', '项', '名', '家', '件', '套', '张', '处', '笔', '场', '批', '期', '支', '种', '轮']);
/** Counters that make nouns after verbs (受益人, 投资人, 安置户, 帮扶户): their word lists win over the verb. */
const NOUN_MAKING = new Set(['人', '户']);
/** Counters an ordinal 第 stands before: 第（N）批, 第（N）届. */
const ORDINAL_AFTER = '批届期次轮个名位家项年季阶章条款部篇集场天站号';
/** Characters before 第 that make a word with it: 次第, 门第, 宅第. */
const ORDINAL_WORDS = '次门宅府及落等';

const isMagnitude = (c: string | undefined): boolean => c !== undefined && '万亿千百十'.includes(c);

/** "老人", "老年人", "工人": text just before `end` is a noun for people. */
function endsWithPersonNoun(text: string, end: number): boolean {
  const prev = text[end - 2];
  return text[end - 1] === '人' && prev !== undefined && isHan(prev) && COUNTERS['人']!.before.includes(prev);
}


/** A count ends at text[k]: at a clause end, or before a second counter in brackets ("来访（862）件（次）"). */
function endsCount(text: string, k: number): boolean {
  if (isClauseEnd(text[k])) return true;
  return (text[k] === '（' || text[k] === '(') && (text[k + 1] ?? '') in COUNTERS && (text[k + 2] === '）' || text[k + 2] === ')');
}

/** The character after the counter opens a word of its own (中心, 医院, 优秀), not 个中, 家医, 名优. */
export function opensWeakWord(text: string, i: number): boolean {
  const n = text[i + 1];
  if (n === undefined || !(WEAK_AFTER[text[i]!] ?? '').includes(n)) return false;
  const [start, end] = wordAt(text, i + 1);
  return start === i + 1 && end - start > 1;
}

function checkCounterAt(text: string, i: number): Hit | null {
  const c = text[i]!;
  const words = COUNTERS[c]!;
  const p = text[indexBefore(text, i)];
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
  const formsWordAfter = n !== undefined && words.after.includes(n) && !opensWeakWord(text, i);
  if (formsWordAfter) return null;
  const formsWordBefore = p !== undefined && words.before.includes(p);

  if (PERSON_COUNTERS.has(c) && isClauseEnd(n) && endsWithPersonNoun(text, i)) return hit(i, 1, c);
  // 个个, 项项, 条条, 处处: reduplicated counters mean "every one".
  if (text[i - 1] === c || n === c) return null;
  // "实现项事项" has lost a number, but "实现人与自然和谐" has not: before other words only the
  // counters that never start a phrase of their own are judged.
  // A two-character cue (共有, 达到, 超过) outweighs the word the counter could make with its
  // last character (有个, 到家).
  const cue = endsWithAny(text, i, QUANTITY_CUES);
  // 不到位 is "not in place", not "fewer than (N) people".
  if (cue === '不到' && c === '位' && isClauseEnd(n)) return null;
  if (cue !== null && cue.length > 1 && c !== '人') return hit(i, 1, c);
  const verb = endsWithAny(text, i, COUNT_VERBS);
  const objectFollows = isHan(n) || (n !== undefined && '“‘《「'.includes(n));
  if (verb !== null && (isClauseEnd(n) || (objectFollows && VERB_OBJECT_COUNTERS.has(c)))) {
    const noun = NOUN_MAKING.has(c) && (formsWordBefore || wordSpans(text, i - verb.length, i));
    if (!noun) return hit(i, 1, c);
  }
  if (formsWordBefore) return null;
  if (cue !== null) return hit(i, 1, c);
  // The dictionary reads the counter as part of a longer word: 名为, 受益人, 到处.
  if (insideWord(text, i)) return null;
  // "育婴员、电工等（N）期培训": a count is due after the 等 that closes a list ("张三等人" is fine).
  if (p === '等' && c !== '人' && isHan(n)) return hit(i, 1, c);
  if (CLAUSE_FINAL.has(c) && isHan(p) && endsCount(text, i + 1)) return hit(i, 1, c);
  // 出了名的: a counter before 的 is an adjective's, not a count's.
  if (MID_PHRASE.has(c) && isHan(p) && isHan(n) && n !== '的') return hit(i, 1, c);
  if (CLAUSE_INITIAL.has(c) && isClauseStart(p) && isHan(n)) return hit(i, 1, c);
  return null;
}

/** "第批", "第届": an ordinal whose number was lost. */
function checkOrdinals(text: string, out: Hit[]): void {
  for (let i = text.indexOf('第'); i >= 0; i = text.indexOf('第', i + 1)) {
    const n = text[i + 1];
    if (ORDINAL_WORDS.includes(text[i - 1] ?? '\u0000')) continue;
    // "居全省第（2）。": a rank that ends its clause lost its number.
    if (isClauseEnd(n) && isHan(text[i - 1])) {
      out.push({ ...hit(i, 1, '第'), message: '「第」后缺少序数（如「第2」）：数字很可能在复制粘贴时丢失，发布前必须补全。' });
      continue;
    }
    if (n === undefined || !ORDINAL_AFTER.includes(n)) continue;
    out.push({ ...hit(i, 2, `第${n}`), message: `「第${n}」缺少序数（如「第3${n}」）：数字很可能在复制粘贴时丢失，发布前必须补全。` });
  }
  // "国发〔2023〕（12）号", "国发〔（2023）〕12号": a document number lost its year or its serial.
  for (let i = text.indexOf('〔'); i >= 0; i = text.indexOf('〔', i + 1)) {
    if (text[i + 1] === '〕') out.push({ ...hit(i, 2, '〔〕'), message: '文号「〔〕」中缺少年份（如「〔2023〕」），发布前必须补全。' });
    else {
      // A year is four figures: look no further, so a run of 〔 stays linear.
      let close = i + 1;
      while (close < text.length && close <= i + 6 && text[close] !== '〕') close++;
      if (text[close] === '〕' && text[close + 1] === '号') {
        out.push({ ...hit(close + 1, 1, '号'), message: '文号「〕号」之间缺少序号（如「〔2023〕12号」），发布前必须补全。' });
      }
    }
  }
}

export function checkCounters(text: string): Hit[] {
  const out: Hit[] = [];
  checkOrdinals(text, out);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!(c in COUNTERS) || text[i - 1] === '第') continue;
    // 人次, 列次 … are units, checked in units.ts.
    if (text[i + 1] === '次' && (c === '人' || c === '列' || c === '户')) continue;
    if (c === '次' && '人列户车班架辆艘'.includes(text[i - 1] ?? '')) continue;
    const h = checkCounterAt(text, i);
    if (h) out.push(h);
  }
  return out;
}
