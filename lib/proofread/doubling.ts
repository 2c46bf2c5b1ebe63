// Doubled words ("培训培训") and doubled punctuation ("，，", "。、"). Chinese reduplicates
// freely (常常, 看看, 清清楚楚, 一步一步), so a doubled word must be two characters or more,
// must not start with a numeral, and must not be one of the few verbs doubled on purpose.
import type { Hit } from './types';

/** ABAB forms that are deliberate: tentative verbs and sounds. */
const ALLOWED_ABAB = new Set([
  '研究', '讨论', '商量', '考虑', '学习', '休息', '锻炼', '活动', '了解', '打扫', '收拾', '整理', '检查',
  '介绍', '交流', '比较', '联系', '准备', '体验', '琢磨', '合计', '总结', '清理', '调整', '打听', '溜达',
  '热闹', '高兴', '凉快', '暖和', '轻松', '放松', '什么', '多少', '这样', '那样', '哈哈', '呵呵', '嘻嘻',
  '雪白', '通红', '冰凉', '笔直', '滚烫',
]);
const NUMERAL_START = '一二两三四五六七八九十几每半';

export function checkDoubledWords(text: string): Hit[] {
  const out: Hit[] = [];
  let i = 0;
  outer: while (i < text.length) {
    for (const len of [4, 3, 2]) {
      const unit = text.slice(i, i + len);
      if (unit.length < len || !/^\p{Script=Han}+$/u.test(unit)) continue;
      if (text.slice(i + len, i + 2 * len) !== unit) continue;
      if (new Set(unit).size === 1 || NUMERAL_START.includes(unit[0]!) || ALLOWED_ABAB.has(unit)) continue;
      out.push({
        rule: 'doubled-word',
        severity: 'error',
        offset: i,
        length: 2 * len,
        message: `「${unit}」重复了一次（「${unit}${unit}」），应删去一个。`,
        fix: { replacement: unit },
      });
      i += 2 * len;
      continue outer;
    }
    i++;
  }
  return out;
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
