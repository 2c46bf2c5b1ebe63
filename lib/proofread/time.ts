// Missing numbers in dates: "截至年年底", "年,", "从年的26%提高到年的78%", "截至年月",
// "制定—年推进", spans ("连续年", "，至10月，") and report dates ("，截至年底，全市累计…1.2万个").
// 年 and 月 are fine inside words (近年来, 每年, 年度, 岁月, 月底), so a bare one is only
// reported when it makes a word with neither neighbour or the grammar around it wants a figure.
import { endsWithAny, isClauseEnd, isClauseStart, isNumber } from './chars';
import type { Hit } from './types';
import { inPlaceName, insideWord, wordAt } from './words';

/** X年 words: 近年, 每年, 去年, 青年, 多年, 上半年 … (plus Chinese numerals, handled as numbers). */
const YEAR_BEFORE =
  '近每去今明前后当全同次往历多连常长终青少老中成童幼晚早壮新周半几数两元本该此那这整逐年来头隔经积累' +
  '暮残丰荒灾流财学百千万十拜过跨编延忘天有逾翌纪光余上下各某末初先盛弱英妙未丁学些均';
/** 年X words: 年度, 年龄, 年均, 年底, 年内, 年增长, 年满 … (the text after 年). */
const YEAR_AFTER = [
  ...'度龄均轻代初末底终中内间份限检报薪假会货级纪头尾景鉴华关夜味俗利产销收平化租票迈幼长少老事岁年复满逾近过仅届已接处发运吞用供开出进休',
  '增长', '增幅', '增速', '增量', '平均', '人均',
];
/** A document title that opens with 年 had a year: 《2021年关中平原…》; only these words are safe. */
const TITLE_YEAR_AFTER = ['度', '轻', '鉴', '报'];
const MONTH_AFTER = '度均薪租光亮球票饼报刊息收工供嫂子台季经色夜利内间余平缴计活用销产增结';
/** Words after which a month number is due: 截至（9）月, 从（3）月份起, 于（5）月启动. */
const DATE_LEAD = ['截至', '截止', '至', '从', '自', '于', '到', '由', '在', '及', '和', '与', '、', '—', '–', '-', '~', '～', '预计', '计划', '力争'];
/** 年 as "annual" before a measure: 企业年营业额, 机场年客流量, 年处理能力. */
const ANNUAL_MEASURE = /^\p{Script=Han}{0,3}?(?:额|量|值|能力|利润|收入)/u;
/** Comparisons before "（2019）年同期". */
const SAME_PERIOD_CUES = ['超过', '高于', '低于', '达到', '恢复到', '相当于', '比', '较', '与'];
/** Words after which 年 counts years: 连续（5）年, 历时（3）年, 为期（2）年, 长达（10）年. */
const YEAR_SPAN_CUES = ['连续', '历时', '为期', '长达', '最长', '最短', '至少', '不超过', '不少于'];
const YEAR_LEAD = ['截至', '截止', '至', '从', '自', '于', '到', '由', '、', '—', '《'];
/**
 * Verbs 年 makes "annual" in the middle of a sentence: "文化设施21处，年接待游客超过2000万人次".
 * Only after a comma: a paragraph or sentence that opens with 年接待 lost its year.
 */
const ANNUAL_VERBS = ['接待', '处理', '生产', '发电', '增收', '吞吐', '销售', '节约', '节省', '减少', '增加', '产生', '供应', '运送', '输送', '接收', '培训', '服务', '营业', '创收', '带动', '吸纳', '消纳', '减排', '可', '需', '约'];
const DASHES = '—–-~～至到';

const hit = (offset: number, length: number, message: string): Hit => ({
  rule: 'missing-number',
  severity: 'error',
  offset,
  length,
  message,
});

const YEAR_MESSAGE = '「年」前缺少年份数字（如「2021年」）：年份很可能在复制粘贴时丢失，发布前必须补全。';

/** How far a dated statement's figure is looked for after 截至…底. */
const REPORT_REACH = 40;

/**
 * "，截至（2023）年底，全市累计建成1.2万个": 截至 opening a clause and a figure stated after it
 * date a report. 截至年底，共有多少家企业完成改造 states none and may mean this year's end.
 */
function datesReport(text: string, i: number): boolean {
  if (!['截至', '截止'].includes(text.slice(i - 2, i)) || !isClauseStart(text[i - 3])) return false;
  for (let k = i + 2; k < text.length && k < i + REPORT_REACH && text[k] !== '。'; k++) if (/[0-9０-９]/u.test(text[k]!)) return true;
  return false;
}

function checkYear(text: string, i: number): Hit | null {
  const p = text[i - 1];
  const n = text[i + 1];
  if (isNumber(p)) return null;
  if ((p === '多' || p === '余') && isNumber(text[i - 2])) return null;
  // 2021年年底 is fine; "截至年年底" and "年年底" have lost the year.
  const yearEnd = n === '年' && '底末初中内'.includes(text[i + 2] ?? '\u0000') && !(p !== undefined && YEAR_BEFORE.includes(p));
  // "，截至（2023）年底，": a clause that opens with 截至 dates itself; 预计截至年底 may mean this
  // year. Statistical bulletins write 截至年末 for the year they report on, so 年末 stays open.
  const cutOff = n === '底' && datesReport(text, i);
  // Where a year is due (clause start, 截至, 从 …) the character after 年 may open the next word
  // instead (年 + 中国, 年 + 内蒙古): the dictionary decides whether 年中, 年内 … are one word.
  const [nextStart, nextEnd] = wordAt(text, i + 1);
  const dateLike = isClauseStart(p) || endsWithAny(text, i, YEAR_LEAD) !== null;
  const nextWordStarts = dateLike && nextStart === i + 1 && nextEnd - nextStart > 1;
  // "（2021）年以来，", "（20）年来" opening a clause: 近年以来 has its 近, a bare one lost its figure.
  // 比（2019）年增长2.4倍: 比上年 has its 上, a bare 比年 before a change lost the year.
  const since = (isClauseStart(p) && (text.startsWith('以来', i + 1) || text.startsWith('来', i + 1))) || (p === '比' && /^末?(?:增长|下降|增加|减少|提高)/u.test(text.slice(i + 1, i + 4)));
  // "超过（2019）年同期水平": 上年, 去年, 常年 … name a same period without a figure; after a verb
  // of comparison (超过, 高于) the year is the figure.
  const samePeriod =
    text.startsWith('同期', i + 1) && (endsWithAny(text, i, SAME_PERIOD_CUES) !== null || !(p !== undefined && YEAR_BEFORE.includes(p)));
  // 连续（5）年, 为期（3）年: a span of years is counted.
  const span = endsWithAny(text, i, YEAR_SPAN_CUES) !== null && !(n !== undefined && '限龄度份轻满均内底末初中'.includes(n));
  // "（2022）年度，全市…": 本年度, 上年度 have their word; a bare 年度 that is its own clause lost its year.
  const fiscal = isClauseStart(p) && n === '度' && isClauseEnd(text[i + 2]);
  if (!yearEnd && !since && !cutOff && !span && !fiscal && !samePeriod) {
    if ((p === '，' || p === ',') && ANNUAL_VERBS.some((w) => text.startsWith(w, i + 1))) return null;
    if (p !== undefined && YEAR_BEFORE.includes(p)) return null;
    // 企业年金, 永年区, 近些年来: the dictionary or a place name holds the 年.
    if (inPlaceName(text, i) || insideWord(text, i)) return null;
    if (ANNUAL_MEASURE.test(text.slice(i + 1, i + 6)) && endsWithAny(text, i, YEAR_LEAD) === null) return null;
    const after = p === '《' ? TITLE_YEAR_AFTER : YEAR_AFTER;
    if (after.some((w) => text.startsWith(w, i + 1) && (w.length > 1 || !nextWordStarts))) return null;
  }
  if (p !== undefined && DASHES.includes(p) && !isNumber(text[i - 2]) && p !== '至' && p !== '到') {
    return hit(i - 1, 2, '年份区间「—年」两端都缺少年份数字（如「2021—2025年」），发布前必须补全。');
  }
  return hit(i, 1, YEAR_MESSAGE);
}

function checkMonth(text: string, i: number): Hit | null {
  const p = text[i - 1];
  const n = text[i + 1];
  if (isNumber(p)) return null;
  if (p === '年') {
    // 岁月/那个年月 are words; after a year (written or lost) a month number is due.
    if ('岁个那这些'.includes(text[i - 2] ?? '\u0000')) return null;
    return hit(i, 1, '「月」前缺少月份数字（如「9月」），发布前必须补全。');
  }
  // Elsewhere a month number is due only where a date is: 从（3）月份起, 自（5）月起, 于（6）月启动.
  // 质量月, 日积月累, 月湖区, 下个月 are words; 截至月底已办结 may mean this month's end, but a
  // clause that opens with 截至月底 and closes there dates a report: "，截至（9）月底，".
  const lead = isClauseStart(p) || endsWithAny(text, i, DATE_LEAD) !== null;
  if (!lead || inPlaceName(text, i)) return null;
  const cutOff = n === '底' && datesReport(text, i) && (text[i + 2] === '，' || text[i + 2] === ',');
  const deadline = n === '底' && text[i + 2] === '前' && isClauseStart(p) && followsDatedDeadline(text, i);
  if (!text.startsWith('月份', i) && !cutOff && !deadline) {
    if (n !== undefined && ('底末初中'.includes(n) || MONTH_AFTER.includes(n))) return null;
    if (insideWord(text, i)) return null;
  }
  return hit(i, 1, '「月」前缺少月份数字（如「9月」），发布前必须补全。');
}

/**
 * "6月底前完成摸底，（9）月底前制定计划": in a list of deadlines a bare 月底前 lost its month.
 * Alone, 月底前完成 means this month's end.
 */
function followsDatedDeadline(text: string, i: number): boolean {
  for (let k = i - 1; k >= 2 && k >= i - 40 && text[k] !== '。'; k--) {
    if (text.startsWith('月底前', k) && /[0-9０-９]/u.test(text[k - 1]!)) return true;
  }
  return false;
}

/** Years before a span of months: 今年1至10月. */
const MONTH_SPAN_LEAD = ['今年', '去年', '上年', '全年', '当年'];

/**
 * "，（1）至10月，全国新设…": a span of months that opens a clause has lost its first month. A
 * clause that runs to a month's end says so (至10月底).
 */
function checkMonthSpan(text: string, i: number): Hit | null {
  if (!isClauseStart(text[i - 1]) && endsWithAny(text, i, MONTH_SPAN_LEAD) === null) return null;
  let k = i + 1;
  while (k < text.length && k <= i + 3 && /[0-9０-９]/u.test(text[k]!)) k++;
  if (k === i + 1 || text[k] !== '月' || '底末初中'.includes(text[k + 1] ?? '\u0000')) return null;
  return hit(i, 1, '「至」前缺少起始月份（如「1至10月」），发布前必须补全。');
}

function checkDay(text: string, i: number): Hit | null {
  // 日 is in too many words (日益, 日常, 节日) to judge alone; only "5月日" / "年月日" are clear.
  if (text[i - 1] !== '月') return null;
  const q = text[i - 2];
  if (isNumber(q) || q === '年') return hit(i, 1, '「日」前缺少日期数字（如「25日」），发布前必须补全。');
  return null;
}

export function checkDates(text: string): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const h =
      c === '年' ? checkYear(text, i) : c === '月' ? checkMonth(text, i) : c === '日' ? checkDay(text, i) : c === '至' ? checkMonthSpan(text, i) : null;
    if (h) out.push(h);
  }
  return out;
}
