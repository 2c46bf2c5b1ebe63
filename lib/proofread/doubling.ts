// Doubled words ("培训培训") and doubled punctuation ("，，", "。、"). Chinese reduplicates
// freely (常常, 看看, 清清楚楚, 一步一步), so a doubled word must be two characters or more,
// must not start with a numeral, and must not be one of the few verbs doubled on purpose.
import { isHan } from './chars';
import type { Hit } from './types';
import { wordAt } from './words';

/** ABAB forms that are deliberate: tentative verbs and sounds. */
const ALLOWED_ABAB = new Set([
  '研究', '讨论', '商量', '考虑', '学习', '休息', '锻炼', '活动', '了解', '打扫', '收拾', '整理', '检查',
  '介绍', '交流', '比较', '联系', '准备', '体验', '琢磨', '合计', '总结', '清理', '调整', '打听', '溜达',
  '热闹', '高兴', '凉快', '暖和', '轻松', '放松', '什么', '多少', '这样', '那样', '哈哈', '呵呵', '嘻嘻',
  '雪白', '通红', '冰凉', '笔直', '滚烫',
]);
const NUMERAL_START = '一二两三四五六七八九十几每半';
/** After a doubled verb, these say it is tentative (研究研究再说, 帮我们协调协调。). */
const TENTATIVE_AFTER = /^(?:[，,。；;：:！!？?…”’」』）)\s]|$|[吧了啊呢嘛再看])/u;
/**
 * Function words that are never doubled, with the contexts where the pair is fine: 的的确确,
 * 目的的实现, 不了了之, 为了了解. (是是, 在在, 及及 are left out: 现在在, 以及及时 are fine.)
 */
const DOUBLED_FUNCTION_WORDS: readonly { pair: string; fine: RegExp }[] = [
  { pair: '的的', fine: /^[目标有]的的|的的确/u },
  { pair: '了了', fine: /^[不明为除到]了了|了了[解结断却]/u },
];

function doubled(offset: number, unit: string, length: number, severity: Hit['severity'] = 'error'): Hit {
  return {
    rule: 'doubled-word',
    severity,
    offset,
    length,
    message:
      severity === 'error'
        ? `「${unit}」重复了一次（「${unit}${unit}」），应删去一个。`
        : `「${unit}${unit}」可能是口语中的动词重叠，也可能多复制了一遍，请确认。`,
    fix: { replacement: unit },
  };
}

const HAN_WORD = /^\p{Script=Han}+$/u;
const PASTE_GAP = ' \u00a0\u3000';

export function checkDoubledWords(text: string): Hit[] {
  const out: Hit[] = [];
  let i = 0;
  outer: while (i < text.length) {
    // Cheap tests first: most positions start no word, or are not followed by a copy of one.
    if (!isHan(String.fromCodePoint(text.codePointAt(i)!))) {
      i++;
      continue;
    }
    for (const len of [6, 5, 4, 3, 2]) {
      if (i + 2 * len > text.length) continue;
      // "培训 培训": a space left between the copies by the paste.
      let copy = i + len;
      while (copy < text.length && PASTE_GAP.includes(text[copy]!)) copy++;
      if (text[copy] !== text[i]) continue;
      const unit = text.slice(i, i + len);
      if (!text.startsWith(unit, copy) || !HAN_WORD.test(unit)) continue;
      const gap = copy - i - len;
      if (new Set(unit).size === 1 || NUMERAL_START.includes(unit[0]!) || ALLOWED_ABAB.has(unit)) continue;
      const tentative = len === 2 && gap === 0 && TENTATIVE_AFTER.test(text.slice(i + 2 * len));
      // 退税缓税缓费 reads 退税 + 缓税 + 缓费: a pair the dictionary does not know as a word, between
      // two more characters, may be a chain of words sharing characters rather than a copy.
      const unknownPair = len === 2 && gap === 0 && isHan(text[i - 1]) && isHan(text[i + 4]) && wordAt(text, i)[1] === i + 1;
      out.push(doubled(i, unit, 2 * len + gap, tentative || unknownPair ? 'warning' : 'error'));
      i += 2 * len + gap;
      continue outer;
    }
    i++;
  }
  // The words found above do not overlap and stand in order, so one forward walk per pair
  // finds the word covering k (a text of 的的的… would otherwise search all of them each time).
  const words = out.length;
  for (const { pair, fine } of DOUBLED_FUNCTION_WORDS) {
    let w = 0;
    for (let k = text.indexOf(pair); k >= 0; k = text.indexOf(pair, k + 2)) {
      if (fine.test(text.slice(Math.max(0, k - 1), k + 3))) continue;
      while (w < words && out[w]!.offset + out[w]!.length <= k) w++;
      if (w < words && out[w]!.offset <= k) continue;
      out.push(doubled(k, pair[0]!, 2));
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const CLAUSE_PUNCT = '，,。、；;：:';

export function checkDoubledPunctuation(text: string): Hit[] {
  const out: Hit[] = [];
  const re = new RegExp(`[${CLAUSE_PUNCT}](?:[ \\t　]*[${CLAUSE_PUNCT}])+`, 'gu');
  for (const m of text.matchAll(re)) {
    const marks = m[0].replace(/[ \t　]/gu, '');
    const same = new Set(marks).size === 1;
    out.push({
      rule: 'doubled-punctuation',
      severity: 'error',
      offset: m.index,
      length: m[0].length,
      message: same
        ? `标点「${marks[0]}」重复，应只保留一个。`
        : `标点「${marks}」连用，中间可能缺少文字或多出一个标点，请核对。`,
      ...(same ? { fix: { replacement: marks[0]! } } : {}),
    });
  }
  return out;
}
