// Missing numbers before units of measure: length, area, weight, time, multiples and shares
// ("新建道路公里", "流转土地亩", "压缩至小时以内", "增长倍", "减少成"). Units that are never
// ordinary words are judged wherever they stand; units that are (天, 倍, 成) only where a
// quantity is due: after a cue such as 达到/压缩至 or a verb of change such as 增长/减少.
import { endsWithAny, isClauseEnd, isClauseStart, numeralRunStart, runHasNumber } from './chars';
import { CHANGE_VERBS, QUANTITY_CUES } from './lexicon';
import type { Hit } from './types';
import { missingNumberHit } from './units';
import { insideWord } from './words';

interface Measure {
  unit: string;
  /** Characters before the unit that make a word or a rate with it: 每公里, 亩 in 田亩. */
  before: string;
  /** Characters after the unit that make a word with it: 亩产, 吨位, 小时候. */
  after: string;
  /** Judge only after a quantity cue or a verb of change (the unit is also a common word). */
  cueOnly: boolean;
  /** Only at the end of a clause or before these characters (成 in 减少成本 is no share). */
  endOr?: string;
}

const m = (unit: string, before: string, after: string, cueOnly = false, endOr?: string): Measure =>
  endOr === undefined ? { unit, before, after, cueOnly } : { unit, before, after, cueOnly, endOr };

const MEASURES: readonly Measure[] = [
  m('平方千米', '每', ''),
  m('立方米', '每/', ''),
  m('公里', '每百方吨人', '数程'),
  m('千公顷', '每', '数'),
  m('公顷', '每', '数'),
  m('千瓦', '每', '时'),
  m('标准箱', '每', ''),
  m('千瓦时', '每', ''),
  m('兆瓦', '每', ''),
  m('亩', '每田垄', '产均数'),
  m('吨', '每公', '位级数'),
  m('公斤', '每', ''),
  m('毫米', '每', ''),
  m('千克', '每', ''),
  // 小时工, 小时最低工资: an hourly wage, not a span.
  m('小时', '每半', '候工制数最'),
  m('分钟', '每半', ''),
  m('个工作日', '每这那几上下整', ''),
  m('周年', '每', '庆纪'),
  m('个月', '上下这那每几半整当本该前', ''),
  m('天', '每半当今明昨前后', '气然津下地空府河堂使才桥涯真价文际线宫坛数天', true),
  // "自受理申请之日起（20）日内", "可以延长（10）日": days as a span, only after a cue.
  m('日', '每次当近今明昨前后节生假平终逐整月即翌本该同首末往之', '益常期子趋夜间用报记均程', true, '内以'),
  m('倍', '加成翻数几', '增数', true),
  m('成', '达', '', true, '以左多'),
];

const CUES: readonly string[] = [...QUANTITY_CUES, ...CHANGE_VERBS, '用', '需', '历时', '提前', '延长', '占', '假期', '平均', '之日起'];

export function checkMeasures(text: string): Hit[] {
  const out: Hit[] = [];
  for (const { unit, before, after, cueOnly, endOr } of MEASURES) {
    for (let i = text.indexOf(unit); i >= 0; i = text.indexOf(unit, i + unit.length)) {
      const start = numeralRunStart(text, i);
      if (runHasNumber(text, start, i)) continue;
      const run = text.slice(start, i);
      // 万/亿 and 余 without a number are reported by the magnitude and 余 rules.
      if (/[万亿余千百十]/u.test(run)) continue;
      const p = text[start - 1];
      const n = text[i + unit.length];
      if (run === '' && p !== undefined && before.includes(p)) continue;
      if (n !== undefined && after.includes(n)) continue;
      if (endOr !== undefined && !isClauseEnd(n) && !endOr.includes(n ?? '')) continue;
      // "低保标准的（1.3）倍": 的倍 is no word, so a multiple is due; "。（20）日内不能作出决定"
      // opens a clause with a span of days (日内瓦 aside).
      const cued =
        endsWithAny(text, start, CUES) !== null ||
        (unit === '倍' && p === '的') ||
        (unit === '日' && isClauseStart(p) && n === '内' && text[i + 2] !== '瓦');
      if (cueOnly && !cued && !run.includes('多')) continue;
      // 小时 in 小时候 is caught above; other dictionary words holding the unit are left alone.
      if (!cued && run === '' && insideWord(text, i, unit.length)) continue;
      out.push(missingNumberHit(start, i - start + unit.length, run + unit));
    }
  }
  return out;
}
