// Missing numbers before units that never stand alone (平方公里, %, 人次), before magnitudes
// (万人, 亿元), before 元, and an approximating 余 with nothing to approximate ("余万人").
import { endsWithAny, indexBefore, isClauseEnd, isClauseStart, isDigit, isHan, isNumber, numeralRunStart, runHasNumber, statesNumber } from './chars';
import { CHANGE_VERBS, COUNTERS, COUNT_VERBS, MAGNITUDE_WORDS, PERSON_GROUPS, QUANTITY_CUES } from './lexicon';
import type { Hit } from './types';
import { inPlaceName, insideWord } from './words';

export const missingNumberMessage = (unit: string): string =>
  `「${unit}」前缺少数字：数字很可能在复制粘贴时丢失，发布前必须补全。`;

/** The missing-number finding every rule reports; a warning is for a place an estimate may stand. */
export const missingNumberHit = (offset: number, length: number, unit: string, severity: Hit['severity'] = 'error'): Hit => ({
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
  { unit: '平方公里', allow: '每/' },
  { unit: '平方千米', allow: '每/' },
  { unit: '平方米', allow: '每/' },
  { unit: '微克', allow: '' },
  { unit: '毫克', allow: '' },
  { unit: '个百分点', allow: '' },
  { unit: '周岁', allow: '' },
  { unit: '%', allow: '' },
  { unit: '％', allow: '' },
  { unit: '‰', allow: '' },
  { unit: '℃', allow: '' },
  { unit: '°C', allow: '' },
  { unit: '摄氏度', allow: '' },
];

/** Person-time style units; as nouns ("服务人次同比增长") they are fine, as a bare count they are not. */
const TIME_UNITS = ['人次', '列次', '架次', '户次', '车次', '班次'] as const;
/** Of those, the ones that are ordinary nouns too, so only a cue or a count verb convicts them. */
const NOUN_LIKE_TIME_UNITS = new Set(['车次', '班次']);

/** What may follow 万/亿 as the unit of a figure. */
const MAGNITUDE_UNITS = [
  '平方公里', '平方米', '立方米', '千瓦时', '千瓦', '吨公里', '标准箱', '美元', '欧元', '港元', '日元', '英镑',
  '辆次', '架次', '列次', '户次', '人次', '公里', '元', '人', '名', '个', '家', '户', '套', '张', '件', '吨', '亩', '辆',
  '条', '座', '台', '项', '册', '头', '只', '公顷', '小时', '场次', '次', '场', '处', '笔', '艘', '部', '种', '款', '份', '株', '间', '余',
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
const CLASS_AFTER_YUAN = ['级', '地区生产总值', '生产总值', '国内生产总值', 'GDP', '工业增加值', '产值'];
/** Idioms in MAGNITUDE_WORDS that are figures after all when followed so: 万千瓦, 存栏万头。 */
const IDIOM_UNLESS: Readonly<Record<string, (next: string | undefined) => boolean>> = {
  万千: (next) => next === '瓦',
  万头: (next) => isClauseEnd(next),
};

/** Units 万 makes a scale of before a noun: 万亩茶园, 万人大会, 万吨级. 万元 only in 万元户. */
const DESCRIPTIVE_UNITS = ['亩', '人', '吨', '户'];

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
/** Of those, nouns a figure follows: 结余（333.5）亿元, 盈余, 剩余, 其余. */
const YU_NOUNS = '结盈剩其';
/** Words with 元 that are not the currency: 单元, 多元, 美元, 元旦 … */
const YUAN_BEFORE = '单多美欧日港韩澳台公纪状乾坤次本开上中下贞汉改新体卢英加币兆千百十两几数余元宋金';
const YUAN_AFTER = '旦素件首宵老帅年气凶宝月代朝曲谋阳江数宇器音明氏坝';

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
      out.push(missingNumberHit(i, unit.length, unit));
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
      if (cue !== null || orphanApprox || bareCount) out.push(missingNumberHit(start, i - start + unit.length, unit));
    }
  }
}

/** 亿元以上 / 万元以下 before a noun names a class of projects or firms (亿元以上项目), not an amount. */
function classBound(text: string, k: number): boolean {
  const bound = ['以上', '以下'].find((w) => text.startsWith(w, k));
  // "投资（3000）亿元以上。" states an amount; "亿元以上、10亿元以上项目" lists classes.
  return bound !== undefined && (isHan(text[k + 2]) || text[k + 2] === '、');
}

/**
 * A bare class after 其中, or opening the next member of a list of counts, when its sentence already
 * named a class of the same magnitude: "亿元以上项目412个，其中（50）亿元以上项目18个", "10亿元以上
 * 项目12个，（50）亿元以上项目3个". A class divides into larger ones; it never repeats itself. A
 * clause that goes on to say something else of the same class (亿元以上项目完成投资…) is left alone.
 */
function repeatsClass(text: string, at: number, previous: number | undefined): boolean {
  if (previous === undefined) return false;
  if (text.startsWith('其中', at - 2)) return true;
  const p = text[at - 1];
  if (p !== undefined && !'，,；;、'.includes(p)) return false;
  // The class, a noun of at most four characters, then its count: 亿元以上项目12个.
  let k = at + 4;
  while (k < text.length && k < at + 8 && isHan(text[k]) && !isNumber(text[k])) k++;
  return isDigit(text[k]);
}

/** Verbs a count of people or things comes before (万人享受, 的万人相比): after them 万人 is no scale. */
const VERBS_AFTER_COUNT = [
  ...CHANGE_VERBS, '相比', '享受', '参加', '参与', '获得', '脱贫', '落户', '实现', '受益', '出游', '入住', '就业', '外出', '增至', '降至', '减至', '升至',
];

function checkMagnitudes(text: string, out: Hit[]): void {
  const masked = maskedRanges(text);
  // Where the current sentence last named a class (亿元以上), by magnitude.
  let classes = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '。' || c === '\n') classes = new Map();
    if ((c !== '万' && c !== '亿') || masked[i]) continue;
    const b = indexBefore(text, i);
    const p = text[b];
    const stated = statesNumber(text, b) || (p !== undefined && '万亿千百十'.includes(p));
    const previousClass = classes.get(c);
    if (text[i + 1] === '元' && classBound(text, i + 2)) classes.set(c, i);
    if (stated) continue;
    // 余 of 结余, 盈余 ends a noun ("年末滚存结余（4126.5）亿元"); any other 余 approximates, for the 余 rule.
    if (p === '余' && !YU_NOUNS.includes(text[b - 1] ?? '')) continue;
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
    // "推动（56）万农业转移人口": people counted with no measure word between.
    const people = unit === '' && (PERSON_GROUPS.some((w) => text.startsWith(w, j)) || text.startsWith('家庭', j));
    // "新增就业年均（1270）多万人": the 多 that lost its figure is part of the hole.
    const from = p === '多' ? b : i;
    const label = text.slice(from, k);
    const cue = endsWithAny(text, i, QUANTITY_CUES) ?? endsWithAny(text, i, [...COUNT_VERBS, '收入', '总值', '投资']);
    const yuanClass = unit === '元' && (CLASS_AFTER_YUAN.some((w) => text.startsWith(w, k)) || classBound(text, k));
    // Official prose states a figure before 万/亿 and a unit; only a class (亿元以上项目), a scale
    // (万亿级) or a rate (每万人) has none.
    const classOrRate =
      p === '每' ||
      (yuanClass && !repeatsClass(text, i, previousClass)) ||
      (unit === '' && text[j] === '级') ||
      endsWithAny(text, i, ['单位为', '单位是', '单位：', '单位:', '单位']) !== null ||
      (p === '以' && (text[k] === '为' || text[k] === '计'));
    // 万亩茶园, 万人大会, 万吨级码头 and slogans in quotes (“万名干部进万企”) use 万 as a scale, not a figure.
    const nounFollows =
      isHan(text[k]) &&
      !'在于以、和及与或的'.includes(text[k]!) &&
      !VERBS_AFTER_COUNT.some((w) => text.startsWith(w, k));
    // 有, 为, 向 or a year's 的 before it ("人口中有（3.6）万人", "为（12）万户居民", "2018年的（8.6）万元") asks for an amount.
    const yearOf = text.slice(i - 2, i) === '年的' && isDigit(text[i - 3]);
    // "城区常住人口（300）万以下城市", "（300）万至500万", "300万至（500）万": a bound or a range needs its figure.
    const bounded =
      (unit === '' && ['以上', '以下', '左右', '至', '到'].some((w) => text.startsWith(w, j))) ||
      (p !== undefined && '至到—–～~'.includes(p) && (isDigit(text[b - 1]) || text[b - 1] === '万' || text[b - 1] === '亿'));
    const amountDue = (p !== undefined && '有为向给'.includes(p)) || yearOf;
    const describes = (DESCRIPTIVE_UNITS.includes(unit) && nounFollows) || (unit === '元' && text[k] === '户');
    const scale = c === '万' && unit !== '' && cue === null && !amountDue && p !== '多' && p !== '由' && p !== '从' && (describes || inShortQuote(text, i));
    const round = c === '万' ? endsWithAny(text, i, ROUND_CUES) : null;
    // 突破（260）万人 lost its figure; a bare 突破万亿元大关 or 破万 may be a round figure.
    const roundFigure = round !== null && !(round === '突破' && unit !== '' && !text.startsWith('大关', k));
    if (scale && !classOrRate) {
      out.push(missingNumberHit(from, k - from, label, 'warning'));
    } else if (roundFigure && !endsWithAny(text, i, ['超过'])) {
      out.push(missingNumberHit(from, k - from, label, 'warning'));
    } else if (!classOrRate && (unit !== '' || people || cue !== null || p === '多' || yearOf || bounded || isClauseEnd(text[k]))) {
      out.push(missingNumberHit(from, k - from, label));
    }
    i = k - 1;
  }
}

/**
 * "小学720元、初中（940）元的标准": a member of a list of sums with no figure, after a member with
 * one. Read back a few characters to the list mark; 中元节 or 单元 far from a list are left alone.
 */
function listMemberLost(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const c = text[k]!;
    if (c === '、' || c === '，') return text[k - 1] === '元' && isDigit(text[k - 2]);
    if (!isHan(c) || isNumber(c)) return false;
  }
  return false;
}

/** Verbs ending in 加 (增加, 追加): before 元 they are no 加元, the Canadian dollar. */
const JIA_VERBS = '增追添附叠施';

/** Currencies named by more than 元: a figure is due before them. */
const CURRENCIES = ['美元', '欧元', '港元', '日元', '英镑', '澳门元', '新台币'];
/** After these a currency is an amount, not a name (以美元计, 结算货币为美元): 折合（3600）美元. */
const CURRENCY_CUES = [...QUANTITY_CUES, ...COUNT_VERBS, '折合', '折', '合', '增加', '减少'];

/** "对外直接投资额折合（3600）美元。": a currency that ends its clause after a verb of amount. */
function checkCurrencies(text: string, out: Hit[]): void {
  for (const unit of CURRENCIES) {
    for (let i = text.indexOf(unit); i >= 0; i = text.indexOf(unit, i + unit.length)) {
      if (!isHan(text[i - 1]) || statesNumber(text, i - 1) || '万亿千百'.includes(text[i - 1]!)) continue;
      // 折合港元约4800亿元 names the currency of a figure that follows; a figure ends its clause.
      const after = i + unit.length;
      const ends = isClauseEnd(text[after]) || ['以上', '以下', '左右'].some((w) => text.startsWith(w, after));
      if (ends && endsWithAny(text, i, CURRENCY_CUES) !== null) out.push(missingNumberHit(i, unit.length, unit));
    }
  }
}

function checkYuan(text: string, out: Hit[]): void {
  for (let i = text.indexOf('元'); i >= 0; i = text.indexOf('元', i + 1)) {
    const p = text[i - 1];
    if (YUAN_AFTER.includes(text[i + 1] ?? '\u0000')) continue;
    // "分别达到41536元、（21870）元": a member of a list of sums lost its figure.
    if (p === '、') {
      out.push(missingNumberHit(i, 1, '元'));
      continue;
    }
    const verb = p === '加' && JIA_VERBS.includes(text[i - 2] ?? '');
    if (p !== undefined && YUAN_BEFORE.includes(p) && listMemberLost(text, i)) {
      out.push(missingNumberHit(i, 1, '元'));
      continue;
    }
    if (!isHan(p) || statesNumber(text, i - 1) || (p !== '数' && YUAN_BEFORE.includes(p!) && !verb) || p === '万' || p === '亿') continue;
    // 广元市, 庆元县, 元氏县: a place name; 单元格-like words the dictionary knows.
    if (inPlaceName(text, i) || insideWord(text, i)) continue;
    out.push(missingNumberHit(i, 1, '元'));
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
    out.push(missingNumberHit(i, k - i + tail.length, text.slice(i, k + tail.length)));
  }
}

/** Ages: "平均年龄岁" lost its number; 岁月, 万岁, 年岁, 几岁 are words. */
function checkAge(text: string, out: Hit[]): void {
  for (let i = text.indexOf('岁'); i >= 0; i = text.indexOf('岁', i + 1)) {
    const p = text[i - 1];
    if ('月末首尾数时入出岁寒'.includes(text[i + 1] ?? '\u0000')) continue;
    // "；（60）岁及以上人口", "0—（14）岁": an age opening a clause or closing a range (not a
    // unit in brackets, 年龄（岁）).
    const opens = isClauseStart(p) && p !== '“' && p !== '「' && text[i + 1] !== '）' && text[i + 1] !== ')';
    const closesRange = p !== undefined && '—–~～-'.includes(p) && isNumber(text[i - 2]);
    if (opens || closesRange) {
      out.push(missingNumberHit(i, 1, '岁'));
      continue;
    }
    if (!isHan(p) || isNumber(p) || '万年虚守辞压多周岁'.includes(p!)) continue;
    out.push(missingNumberHit(i, 1, '岁'));
  }
}

/** Rankings: "中国制造业500强企业" without its 500 reads "制造业强企业". */
function checkRankings(text: string, out: Hit[]): void {
  for (const m of text.matchAll(/(?<=业)强(?=企业|中|榜|名单|排行)/gu)) {
    out.push({ ...missingNumberHit(m.index, 1, '强'), message: '「强」前缺少名次数字（如「500强」），发布前必须补全。' });
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
  checkCurrencies(text, out);
  checkOrphanYu(text, out);
  return out;
}
