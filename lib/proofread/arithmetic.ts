// Figures that cannot all be right: a three-sector structure that does not add up to 100, a part
// (其中 …) larger than its whole, a share or a coverage rate over 100%, a county's population
// in 人 where 万人 was meant, a city's output in 万元 where 亿元 was meant. Figures are read by
// one forward scan; each clause is looked at a bounded number of times.
import { BOUNDS, type PlaceLevel } from './profile';
import type { Hit } from './types';

interface Quantity {
  offset: number;
  length: number;
  /** In the unit below, magnitude applied: 1.2万人 → 12000 人. */
  value: number;
  unit: string;
  /** The text just before the figure, for cues such as 增长 or 其中. */
  before: string;
  percent: boolean;
  /** Followed by 以上/以下/左右: a bound, not an amount. */
  threshold: boolean;
  /** Inside brackets: a gloss on the figure before it (包括三轮汽车717万辆), never a whole. */
  gloss: boolean;
}

const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
/** Units a part and its whole share: 万人 and 人 compare, 人 and 人次 do not. */
const UNITS = ['平方公里', '平方米', '千瓦时', '千瓦', '标准箱', '人次', '美元', '欧元', '港元', '元', '人', '名', '户', '个', '家', '所', '吨', '亩', '公里', '辆', '套', '张', '件', '项'];
const FIGURE = /[0-9]+(?:\.[0-9]+)?/gu;
/** Words that make the figure after them a change or a rate, not an amount of the same thing. */
const CHANGE_BEFORE = /(?:增长|增加|减少|下降|提高|扩大|缩小|比上年|比上年末|较上年|同比|年均|人均|平均|每|超过|不少于|不低于|高于|低于|最高|最低)[^，。；]{0,3}$/u;

function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  // Bracket depth at `scanned`, carried forward from figure to figure: one pass over the text.
  let depth = 0;
  let scanned = 0;
  for (const m of text.matchAll(FIGURE)) {
    for (; scanned < m.index; scanned++) {
      const c = text[scanned]!;
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
      else if (c === '。' || c === '\n') depth = 0;
    }
    if (/[0-9.]/u.test(text[m.index - 1] ?? '')) continue;
    let k = m.index + m[0].length;
    let value = Number(m[0]);
    const mag = ['万亿', '亿', '万', '千'].find((w) => text.startsWith(w, k) && !text.startsWith('千瓦', k));
    if (mag) {
      value *= MAGNITUDE[mag]!;
      k += mag.length;
    }
    const percent = text[k] === '%' || text[k] === '％';
    const unit = percent ? '%' : (UNITS.find((u) => text.startsWith(u, k)) ?? '');
    const after = k + unit.length;
    const threshold = ['以上', '以下', '左右', '以内'].some((w) => text.startsWith(w, after));
    out.push({ offset: m.index, length: after - m.index, value, unit, before: text.slice(Math.max(0, m.index - 12), m.index), percent, threshold, gloss: depth > 0 });
  }
  return out;
}

const error = (q: { offset: number; length: number }, message: string, severity: Hit['severity'] = 'error'): Hit => ({
  rule: 'implausible-figure',
  severity,
  offset: q.offset,
  length: q.length,
  message,
});

/** 三次产业结构为7.1:40.3:52.6: the three shares add up to 100, give or take rounding. */
function checkStructure(text: string, out: Hit[]): void {
  for (let at = text.indexOf('产业结构'); at >= 0; at = text.indexOf('产业结构', at + 4)) {
    const clause = text.slice(at, at + 60);
    for (const m of clause.matchAll(/([0-9]+(?:\.[0-9]+)?)[:：]([0-9]+(?:\.[0-9]+)?)[:：]([0-9]+(?:\.[0-9]+)?)/gu)) {
      const sum = Number(m[1]) + Number(m[2]) + Number(m[3]);
      const off = Math.abs(sum - 100);
      if (off <= 0.5) continue;
      const where = { offset: at + m.index, length: m[0].length };
      out.push(
        error(
          where,
          `三次产业结构「${m[0]}」三项相加为${Number(sum.toFixed(2))}，应为100左右：其中一个数字可能有误或被截断。`,
          off > 1.5 ? 'error' : 'warning',
        ),
      );
    }
  }
}

/** Rates that cannot pass 100%: coverage, shares, pass rates (完成计划的112% can). */
const BOUNDED_RATE = /(?:城镇化率|覆盖率|普及率|优良率|合格率|就业率|结案率|达标率|满意率|入学率|参保率|办复率|成功率|分担率|机械化率|比重|占比|占[^，。；增提完]{0,16}的)[为达到是了]{0,3}$/u;

function checkShares(qs: Quantity[], out: Hit[]): void {
  for (const q of qs) {
    if (!q.percent || q.value <= 100) continue;
    if (BOUNDED_RATE.test(q.before)) out.push(error(q, `「${q.value}%」超过100%：这一比率不可能大于100%，数字可能有误。`));
  }
}

/** How far a part or a whole may stand from its 其中, and a scope word from its figure. */
const WINDOW = 160;

/** Start of the sentence holding text[at], looked for no further back than WINDOW characters. */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - WINDOW);
  const piece = text.slice(from, at);
  return from + Math.max(piece.lastIndexOf('。'), piece.lastIndexOf('\n')) + 1;
}

/** First index of quantities at or after offset (they are in text order). */
function firstAtOrAfter(qs: Quantity[], offset: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An amount of something, not a change, a rate or a threshold (超过100万元, 10亿元以上). */
const amount = (q: Quantity): boolean => q.unit !== '' && !q.percent && !CHANGE_BEFORE.test(q.before) && !q.threshold;

/** 万 or 亿 with no figure before it. */
const BARE_MAGNITUDE = /(?<![0-9.万亿千百十])[万亿](?![0-9])/u;

/** `unit` stands in `text` after a character that is no figure: a count whose figure was lost. */
function hasBareUnit(text: string, unit: string): boolean {
  for (let k = text.indexOf(unit); k >= 0; k = text.indexOf(unit, k + 1)) if (!/[0-9.万亿千百十]/u.test(text[k - 1] ?? '0')) return true;
  return false;
}

/** "…154.2万吨。其中，夏粮产量62.4万吨": a part is never larger than the whole it is part of. */
function checkParts(text: string, qs: Quantity[], out: Hit[]): void {
  for (let at = text.indexOf('其中'); at >= 0; at = text.indexOf('其中', at + 2)) {
    const start = sentenceStart(text, at);
    // 其中 opening a sentence refers to the sentence before it.
    const from = /^[，,\s]*$/u.test(text.slice(start, at)) && start > 0 ? sentenceStart(text, start - 1) : start;
    // The part is named in the clause 其中 opens ("其中，夏粮产量62.4万吨"), not in the next one.
    const lead = /^[，,：:\s]*/u.exec(text.slice(at + 2, at + 6))![0].length;
    const tail = text.slice(at + 2 + lead, at + 2 + WINDOW);
    const stops = ['。', '其中', '\n', '，', ',', '；', ';', '）', ')'].map((w) => tail.indexOf(w)).filter((x) => x >= 0);
    const end = at + 2 + lead + (stops.length > 0 ? Math.min(...stops) : tail.length);
    // The part is the first amount after 其中; its whole the last amount before it in the same unit.
    let part: Quantity | undefined;
    for (let k = firstAtOrAfter(qs, at); k < qs.length && qs[k]!.offset < end && !part; k++) if (amount(qs[k]!)) part = qs[k]!;
    let whole: Quantity | undefined;
    let last: Quantity | undefined;
    for (let k = firstAtOrAfter(qs, from); part && k < qs.length && qs[k]!.offset < at; k++) {
      if (!amount(qs[k]!) || qs[k]!.gloss) continue;
      last = qs[k]!;
      if (qs[k]!.unit === part.unit) whole = qs[k]!;
    }
    if (part && whole && part.value > whole.value * 1.0001) {
      // Certain only when the whole is what 其中 divides: the amount right before it, not one of a list (县14个、乡镇…个).
      // A bare 万/亿 or unit between them (转移就业万人，其中…; 医疗卫生机构个，其中…) may be the whole
      // that lost its figure: the one found may be another.
      const between = text.slice(whole.offset + whole.length, at);
      const certain = whole === last && !between.includes('、') && !BARE_MAGNITUDE.test(between) && !hasBareUnit(between, part.unit);
      const [p, w] = [text.slice(part.offset, part.offset + part.length), text.slice(whole.offset, whole.offset + whole.length)];
      out.push(error(part, `「其中」的部分（${p}）大于总数（${w}），其中一个数字有误。`, certain ? 'error' : 'warning'));
    }
  }
}

/** Where a paragraph says whose figure it is: 全县常住人口, 全市地区生产总值. */
const SCOPES: readonly [string, PlaceLevel][] = [
  ['全省', 'province'],
  ['全市', 'prefecture'],
  ['全县', 'county'],
  ['全镇', 'town'],
  ['全乡', 'town'],
];
/** 全市 may be a county-level city: only figures impossible for both levels are judged. */
const LOOSER: Partial<Record<PlaceLevel, PlaceLevel>> = { prefecture: 'county' };
/** The smallest output of any city, county-level ones included (阿拉山口 about 30亿元), with room to spare. */
const CITY_GDP_MIN_YI = 2;

function checkScope(text: string, qs: Quantity[], out: Hit[]): void {
  for (const q of qs) {
    const lead = q.before.slice(-8);
    const population = /(?:常住人口|户籍人口)[为达]?$/u.test(lead);
    const gdp = /(?:地区生产总值|GDP)[为达]?$/u.test(lead);
    if (!population && !gdp) continue;
    const scope = SCOPES.find(([w]) => text.slice(sentenceStart(text, q.offset), q.offset).includes(w));
    if (!scope) continue;
    const level = scope[1];
    const bounds = BOUNDS[LOOSER[level] ?? level];
    if (population && (q.unit === '人' || q.unit === '名')) {
      const wan = q.value / 1e4;
      if (wan < bounds.population.min) out.push(error(q, `${scope[0]}常住人口写作「${text.slice(q.offset, q.offset + q.length)}」，明显偏小：单位可能应为「万人」，或数字被截断。`));
    }
    if (gdp && q.unit === '元') {
      const yi = q.value / 1e8;
      const min = level === 'prefecture' ? CITY_GDP_MIN_YI : bounds.gdp.min;
      if (yi < min) out.push(error(q, `${scope[0]}地区生产总值写作「${text.slice(q.offset, q.offset + q.length)}」，明显偏小：单位可能应为「亿元」，或数字被截断。`));
      else if (yi > BOUNDS[level].gdp.max) out.push(error(q, `${scope[0]}地区生产总值写作「${text.slice(q.offset, q.offset + q.length)}」，明显偏大：请核对单位和数字。`));
    }
  }
}

export function checkArithmetic(text: string): Hit[] {
  if (!/[0-9]/u.test(text)) return [];
  const out: Hit[] = [];
  const qs = quantities(text);
  checkStructure(text, out);
  checkShares(qs, out);
  checkParts(text, qs, out);
  checkScope(text, qs, out);
  return out;
}
