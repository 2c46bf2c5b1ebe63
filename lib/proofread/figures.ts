// Figures that survived only in part: "近0人", "1多名", "2余万元" (a lost leading digit), and an
// Arabic number run straight into a noun with no measure word ("以1医院为龙头", words lost
// between the number and the noun).
import { endsWithAny } from './chars';
import { AFTER_DIGIT, QUANTITY_CUES } from './lexicon';
import type { Hit } from './types';

const COUNT_UNIT = '万亿千百个家名人户所套张件项条座台辆列次元吨亩倍';

function checkTruncated(text: string, out: Hit[]): void {
  // A lone digit cannot take 多/余: one says 十多名 or 10多名, never 1多名.
  const approx = new RegExp(`(?<![0-9０-９.．])[0-9０-９][多余](?=[${COUNT_UNIT}])`, 'gu');
  for (const m of text.matchAll(approx)) {
    out.push({
      rule: 'implausible-figure',
      severity: 'error',
      offset: m.index,
      length: 2,
      message: `「${m[0]}」不成立（个位数后不能接「多/余」），数字可能被截断，请核对原文补全。`,
    });
  }
  // A decimal that lost its leading digits: "提高.5个百分点", "增长．8%".
  for (const m of text.matchAll(/(?<![0-9０-９A-Za-z.．])[.．](?=[0-9０-９]{1,3}(?![0-9０-９年月日号、.．:：]))/gu)) {
    out.push({
      rule: 'implausible-figure',
      severity: 'error',
      offset: m.index,
      length: 1,
      message: `小数点「${m[0]}」前缺少整数部分，数字可能被截断，请核对原文补全。`,
    });
  }
  // 0 as a count: "近0人", "新设企业0家", "安排0万元"; “0元”培训 in quotes is a name.
  const zero = new RegExp(`(?<![0-9０-９.．“‘"「])[0０](?![0-9０-９.．%％])(?=[${COUNT_UNIT}])`, 'gu');
  for (const m of text.matchAll(zero)) {
    const next = text[m.index + 1] ?? '';
    const approximated = endsWithAny(text, m.index, QUANTITY_CUES) !== null;
    const sure = approximated || next === '万' || next === '亿';
    out.push({
      rule: 'implausible-figure',
      severity: sure ? 'error' : 'warning',
      offset: m.index,
      length: 2,
      message: sure
        ? `「${text.slice(m.index - (approximated ? 1 : 0), m.index + 2)}」不是有意义的数量，数字可能被截断，请核对原文补全。`
        : `数量为「0${next}」，数字可能被截断；若确实为零，建议写作「无」或「零」。`,
    });
  }
}

function checkMissingClassifier(text: string, out: Hit[]): void {
  // One- or two-digit numbers only: longer ones are often names (12345热线, 2035远景目标).
  const re = /(?<![0-9０-９.．A-Za-z:：/第之\-+])([0-9０-９]{1,2})(?=\p{Script=Han})/gu;
  for (const m of text.matchAll(re)) {
    const next = text[m.index + m[0].length]!;
    if (AFTER_DIGIT.includes(next)) continue;
    out.push({
      rule: 'missing-classifier',
      severity: 'warning',
      offset: m.index,
      length: m[0].length + 1,
      message: `数字「${m[0]}」后直接跟「${next}」，缺少量词或单位（如「家」「所」「个」），中间可能有文字丢失。`,
    });
  }
}

export function checkFigures(text: string): Hit[] {
  const out: Hit[] = [];
  checkTruncated(text, out);
  checkMissingClassifier(text, out);
  return out;
}
