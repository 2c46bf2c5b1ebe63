// Missing numbers before units that never stand alone (平方公里, %, 人次), before magnitudes
// (万人, 亿元), before 元, and an approximating 余 with nothing to approximate ("余万人").
import { endsWithAny, indexBefore, isClauseEnd, isHan, isNumber, numeralRunStart, runHasNumber, statesNumber } from './chars';
import { CHANGE_VERBS, COUNTERS, COUNT_VERBS, MAGNITUDE_WORDS, QUANTITY_CUES } from './lexicon';
import type { Hit } from './types';
import { inPlaceName, insideWord } from './words';

export const missingNumberMessage = (unit: string): string =>
  `「${unit}」前缺少数字：数字很可能在复制粘贴时丢失，发布前必须补全。`;

const hit = (offset: number, length: number, unit: string, severity: Hit['severity'] = 'error'): Hit => ({
  rule: 'missing-number',
  severity,
  offset,
  length,
  message:
    severity === 'error'
      ? missingNumberMessage(unit)
      : `「${unit}」前没有具体数字：若原文有数字（如「近3000万元」）请补全，若本意是约数可忽略。`,
});

/** Units that are meaningless without a number. `allow`: characters that may stand before them. */
const STRICT_UNITS: readonly { unit: string; allow: string }[] = [
  { unit: '平方公里', allow: '每' },
  { unit: '平方千米', allow: '每' },
  { unit: '平方米', allow: '每/' },
  { unit: '微克', allow: '' },
  { unit: '毫克', allow: '' },
  { unit: '个百分点', allow: '' },
  { unit: '周岁', allow: '' },
  { unit: '%', allow: '' },
  { unit: '％', allow: '' },
  { unit: '‰', allow: '' },
];

/** Person-time style units; as nouns ("服务人次同比增长") they are fine, as a bare count they are not. */
const TIME_UNITS = ['人次', '列次', '架次', '户次', '车次', '班次'] as const;
/** Of those, the ones that are ordinary nouns too, so only a cue or a count verb convicts them. */
const NOUN_LIKE_TIME_UNITS = new Set(['车次', '班次']);

/** What may follow 万/亿 as the unit of a figure. */
const MAGNITUDE_UNITS = [
  '平方公里', '平方米', '立方米', '千瓦时', '千瓦', '吨公里', '标准箱', '美元', '欧元', '港元', '日元', '英镑',
  '辆次', '架次', '列次', '户次', '人次', '公里', '元', '人', '名', '个', '家', '户', '套', '张', '件', '吨', '亩', '辆',
  '条', '座', '台', '项', '册', '头', '只', '公顷', '小时', '次', '处', '笔', '余',
];

/**
 * Cues that make a bare 万 a possible round figure (近万, 破万, 突破万人, 过万亿): a warning, not an
 * error. A bare 亿 after them (近亿元, 突破亿元) is reported as an error: sums that large are stated.
 */
const ROUND_CUES = ['突破', '近', '逾', '过', '超', '破'];

/**
 * A bare 万/亿 before 元 that names a class or a rate, not a lost figure: 亿元以上项目, 万元以下,
 * 亿元级, 万元地区生产总值能耗, 万元GDP.
 */
const CLASS_AFTER_YUAN = ['以上', '以下', '级', '地区生产总值', '生产总值', 'GDP', '工业增加值', '产值'];
/** Idioms in MAGNITUDE_WORDS that are figures after all when followed so: 万千瓦, 存栏万头。 */
const IDIOM_UNLESS: Readonly<Record<string, (next: string | undefined) => boolean>> = {
  万千: (next) => next === '瓦',
  万头: (next) => isClauseEnd(next),
};

/** Units 万 makes a scale of before a noun: 万亩茶园, 万人大会, 万吨级, 万元户. */
const DESCRIPTIVE_UNITS = ['亩', '人', '吨', '元', '户'];

/** text[i] stands inside a short quotation (a slogan or a name): an opening “ at most 12 characters back. */
function inShortQuote(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    if (text[k] === '”' || text[k] === '。') return false;
    if (text[k] === '“') return true;
  }
  return false;
}

/** Words ending in 余 that are not "more than N": 其余, 剩余, 业余 … */
const YU_WORDS = '其多剩业富盈结残节空课闲之有茶饭零宽';
/** Words with 元 that are not the currency: 单元, 多元, 美元, 元旦 … */
const YUAN_BEFORE = '单多美欧日港韩澳台公纪状乾坤次本开上中下贞汉改新体卢英加币兆千百十两几数余元宋金';
const YUAN_AFTER = '旦素件首宵老帅年气凶宝月代朝曲谋阳江数宇器音明';

function maskedRanges(text: string): boolean[] {
  const masked = new Array<boolean>(text.length).fill(false);
  for (const w of MAGNITUDE_WORDS) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      if (IDIOM_UNLESS[w]?.(text[i + w.length])) continue;
      for (let k = i; k < i + w.length; k++) masked[k] = true;
    }
  }
  return masked;
}

function checkStrictUnits(text: string, out: Hit[]): void {
  for (const { unit, allow } of STRICT_UNITS) {
    for (let i = text.indexOf(unit); i >= 0; i = text.indexOf(unit, i + unit.length)) {
      const start = numeralRunStart(text, i);
      if (runHasNumber(text, start, i)) continue;
      const before = text[start - 1];
      if (start === i && before !== undefined && allow.includes(before)) continue;
      // 万/亿 without a number is reported once, by the magnitude rule.
      if (/[万亿]/u.test(text.slice(start, i))) continue;
      out.push(hit(i, unit.length, unit));
    }
  }
}

function checkTimeUnits(text: string, out: Hit[]): void {
  for (const unit of TIME_UNITS) {
    for (let i = text.indexOf(unit); i >= 0; i = text.indexOf(unit, i + unit.length)) {
      const start = numeralRunStart(text, i);
      if (runHasNumber(text, start, i)) continue;
      const run = text.slice(start, i);
      if (/[万亿]/u.test(run)) continue;
      if (run.includes('余')) continue; // the 余 rule reports it
      const end = isClauseEnd(text[i + unit.length]);
      // "服务人次同比增长" uses 人次 as a noun; after a verb it is a count only at a clause end.
      const cue = endsWithAny(text, start, QUANTITY_CUES) ?? (end ? endsWithAny(text, start, COUNT_VERBS) : null);
      const orphanApprox = run.includes('多');
      const bareCount =
        !NOUN_LIKE_TIME_UNITS.has(unit) && end && !'每按总'.includes(text[start - 1] ?? '');
      if (cue !== null || orphanApprox || bareCount) out.push(hit(start, i - start + unit.length, unit));
    }
  }
}

function checkMagnitudes(text: string, out: Hit[]): void {
  const masked = maskedRanges(text);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c !== '万' && c !== '亿') || masked[i]) continue;
    const b = indexBefore(text, i);
    const p = text[b];
    if (statesNumber(text, b) || (p !== undefined && '万亿千百十'.includes(p))) continue;
    if (p === '余') continue; // the 余 rule reports it
    if (p === '多' && (isNumber(text[i - 2]) || '万亿千百十'.includes(text[i - 2] ?? ''))) continue;
    // 上万, 数万, 几万, 成千上万 are vague on purpose; 建成（2.6）万个 is not.
    if (p !== undefined && ('上几'.includes(p) || (p === '数' && statesNumber(text, b)) || (p === '成' && '千上万'.includes(text[i + 1] ?? '')))) continue;
    if (/[(（]/u.test(text[i + 1] ?? '')) continue; // 万(州)达(州): a place name spelled out
    let j = i;
    // 亿千瓦时 is 亿 + 千瓦时, not 亿千 + 瓦时.
    while (j < text.length && /[万亿千百]/u.test(text[j]!) && !(j > i && MAGNITUDE_UNITS.some((u) => text.startsWith(u, j)))) j++;
    // The unit after the magnitude, through an optional 余: "万人", "万余人".
    if (text[j] === '余') j++;
    // A listed unit, or any one character that ends the clause after it ("万单，", "万株。").
    const unit =
      MAGNITUDE_UNITS.find((u) => u !== '余' && text.startsWith(u, j)) ??
      (isHan(text[j]) && isClauseEnd(text[j + 1]) ? text[j]! : '');
    const k = j + unit.length;
    const label = text.slice(i, k);
    const cue = endsWithAny(text, i, QUANTITY_CUES) ?? endsWithAny(text, i, [...COUNT_VERBS, '收入', '总值', '投资']);
    // Official prose states a figure before 万/亿 and a unit; only a class (亿元以上项目) or a rate (每万人) has none.
    const classOrRate =
      p === '每' ||
      (unit === '元' && CLASS_AFTER_YUAN.some((w) => text.startsWith(w, k))) ||
      endsWithAny(text, i, ['单位为', '单位是', '单位：', '单位:', '单位']) !== null ||
      (p === '以' && (text[k] === '为' || text[k] === '计'));
    // 万亩茶园, 万人大会, 万吨级码头 and slogans in quotes (“万名干部进万企”) use 万 as a scale, not a figure.
    const nounFollows = isHan(text[k]) && !'在于以、和及与或的'.includes(text[k]!) && !CHANGE_VERBS.some((w) => text.startsWith(w, k));
    const scale = c === '万' && unit !== '' && cue === null && p !== '多' && p !== '由' && p !== '从' && ((DESCRIPTIVE_UNITS.includes(unit) && nounFollows) || inShortQuote(text, i));
    if (scale && !classOrRate) {
      out.push(hit(i, k - i, label, 'warning'));
    } else if (c === '万' && endsWithAny(text, i, ROUND_CUES) !== null && !endsWithAny(text, i, ['超过'])) {
      out.push(hit(i, k - i, label, 'warning'));
    } else if (!classOrRate && (unit !== '' || cue !== null || p === '多' || isClauseEnd(text[k]))) {
      out.push(hit(i, k - i, label));
    }
    i = k - 1;
  }
}

function checkYuan(text: string, out: Hit[]): void {
  for (let i = text.indexOf('元'); i >= 0; i = text.indexOf('元', i + 1)) {
    const p = text[i - 1];
    if (!isHan(p) || statesNumber(text, i - 1) || (p !== '数' && YUAN_BEFORE.includes(p!)) || p === '万' || p === '亿') continue;
    if (YUAN_AFTER.includes(text[i + 1] ?? '\u0000')) continue;
    // 广元市, 庆元县, 元氏县: a place name; 单元格-like words the dictionary knows.
    if (inPlaceName(text, i) || insideWord(text, i)) continue;
    out.push(hit(i, 1, '元'));
  }
}

/** 余 ("more than") needs a number before it: "3万余人", never "余人". */
function checkOrphanYu(text: string, out: Hit[]): void {
  for (let i = text.indexOf('余'); i >= 0; i = text.indexOf('余', i + 1)) {
    const p = text[i - 1];
    const next = text[i + 1] ?? '';
    // 就业（3800）余人。: 业余 is a word, but not before a counter that ends the clause.
    const counted = next in COUNTERS && isClauseEnd(text[i + 2]) && p !== undefined && !'其剩多之'.includes(p);
    if (isNumber(p) || (p !== undefined && ('万亿千百十'.includes(p) || (YU_WORDS.includes(p) && !counted)))) continue;
    const unit =
      MAGNITUDE_UNITS.find((u) => u !== '余' && text.startsWith(u, i + 1)) ??
      (/[万亿]/u.test(next) || next in COUNTERS ? next : null);
    if (unit === null) continue;
    let k = i + 1;
    while (k < text.length && /[万亿]/u.test(text[k]!)) k++;
    const tail = MAGNITUDE_UNITS.find((u) => u !== '余' && text.startsWith(u, k)) ?? '';
    out.push(hit(i, k - i + tail.length, text.slice(i, k + tail.length)));
  }
}

/** Ages: "平均年龄岁" lost its number; 岁月, 万岁, 年岁, 几岁 are words. */
function checkAge(text: string, out: Hit[]): void {
  for (let i = text.indexOf('岁'); i >= 0; i = text.indexOf('岁', i + 1)) {
    const p = text[i - 1];
    if (!isHan(p) || isNumber(p) || '万年虚守辞压多周'.includes(p!)) continue;
    if ('月末首尾数时入出'.includes(text[i + 1] ?? '\u0000')) continue;
    out.push(hit(i, 1, '岁'));
  }
}

/** Rankings: "中国制造业500强企业" without its 500 reads "制造业强企业". */
function checkRankings(text: string, out: Hit[]): void {
  for (const m of text.matchAll(/(?<=业)强(?=企业|中|榜|名单|排行)/gu)) {
    out.push({ ...hit(m.index, 1, '强'), message: '「强」前缺少名次数字（如「500强」），发布前必须补全。' });
  }
}

export function checkUnits(text: string): Hit[] {
  const out: Hit[] = [];
  checkRankings(text, out);
  checkAge(text, out);
  checkStrictUnits(text, out);
  checkTimeUnits(text, out);
  checkMagnitudes(text, out);
  checkYuan(text, out);
  checkOrphanYu(text, out);
  return out;
}
