// Quantity slots: places where the grammar of official prose demands a number, whatever the noun.
// A counter (个, 家, 所 …) right after 了, a preposition (以, 与, 为, 由), 原有/现有, an
// enumeration comma, "上年的" or before 以上/左右; a person noun counted at a clause end
// ("惠及困难群众（N）人。"); a measure noun with 为 and nothing after it ("收入比为（N），");
// a change verb with 到/至 and no figure ("缩小到（N）。"); a ratio with an empty member
// ("按（1）:2的比例"); a noun of counting straight before its unit ("人数（N）人", "事故（N）起"); a
// sum with a member gone ("“（1）+6+N”"); a whole place and its parts ("全县（5）家医院"); a range
// with an end gone ("0—（14）岁", "2至（3）所"); a comparison with no amount ("，比上年缩小（0.04）。").
// Counts read from the wider sentence (lists, stocks, rates per head) are in counted.ts. Each test
// reads a bounded number of characters around one character: linear.
import { endsWithAny, isClauseEnd, isDigit, isHan, isNumber, statesNumber } from './chars';
import { countedSlot } from './counted';
import { opensWeakWord } from './counters';
import { COUNTERS, COUNT_VERBS, OBJECT_COUNTERS, PERSON_GROUPS, PEOPLE_MODIFIERS } from './lexicon';
import type { Hit } from './types';
import { missingNumberHit as hit } from './units';


/**
 * Nouns that open with a character the counter makes a word with (家中, 户农) yet are what it
 * counts: 为（1286）家中小企业 is no 家中; 带动（6200）户农户 counts farm households.
 */
const COUNTED_NOUNS: Readonly<Record<string, readonly string[]>> = {
  家: ['中小企业', '中小微企业'],
  户: ['农户', '贫困户', '脱贫户', '低保户'],
};
/** Nouns whose last character makes a word with their counter (案件), counted at a clause end: 政协提案（512）件，. */
const CLOSING_NOUNS: Readonly<Record<string, readonly string[]>> = {
  件: ['提案', '议案'],
};
/** A place named as a whole (全市, 我省, 该县, 本区): it has so many of its parts. */
const PLACE_SCOPE = /^[全我该本][省市县区镇乡村州]$/u;
/** A whole place, whose parts are counted next: 全县（5）家医院, 全市（12）个乡镇. */
const SCOPE_WORDS = ['全县', '全市', '全省', '全区', '全镇', '全乡', '全村', '全国', '全州', '全盟', '全旗'];
/** Groups counted in households at a clause end: 监测对象（862）户, 可安置群众（860）户. */
const HOUSEHOLD_OF = ['对象', '群众', '村民', '农民', '职工', '困难群众'];
/** Prepositions that take a counted object: 以（3）家, 与（2）家央企, 为（1286）家中小企业, 将原有（42）个. */
const PREPOSITIONS = '以与为向对把将给同和跟及由从';
/** Characters before 了 that make no verb of it: 为了, 除了. */
const NOT_VERB_LE = '为除';
/** Before 有: 原有, 现有, 共有, 又有 … a stock is being counted ("又有（8）个社区"). */
const HAVE_LEADS = '原现已尚另仍均拥具共新增又';
/** Counters judged after 有: not 所 (有所提高) or 条 (井井有条, 有条不紊). */
const HAVE_COUNTERS = '个家项件座台辆套张支处笔场批户名';
/** Change verbs after which a starting figure was due: 由（1100）人增加到, 从（1200）人增加到. */
const CHANGE_AFTER = ['增加', '增至', '增长', '提高', '提升', '扩大', '减少', '下降', '降低', '降至', '缩小', '缩减', '上升', '调整', '到', '至'];
/** Bounds that only follow a figure: （300）家以上, （5）万辆以上 (the magnitude rule), 左右. */
const BOUNDS = ['以上', '以下', '左右', '以内'];
/** What follows a counted stock in a statistical clause: "企业（3862）家，比上年末增加". */
const FOLLOW_CUES = ['比上年', '比上', '较上年', '同比', '增长', '下降', '其中', '分别比'];
/** Events counted with 起 in reports: 生产安全事故（182）起，火灾（36）起。 */
const EVENT_NOUNS = ['事故', '案件', '火灾', '纠纷', '事件', '警情', '案'];

/** Endings of measure nouns that take a figure after 为: 人数为, 比重为, 浓度为, 收入比为. */
const MEASURE_END = '数量额值率比重积度价费龄';
/** Characters that open a unit or a counter: after "X数为" they stand where the figure was. */
const UNIT_START = new Set([...`${Object.keys(COUNTERS).join('')}万亿天%％‰微毫千元岁年小公平立吨亩倍部只头册升`]);
/** Change verbs that end in 到/至 and need the figure reached. */
const REACH_CUES = ['提高到', '提升到', '增加到', '扩大到', '缩小到', '缩短到', '下降到', '降低到', '减少到', '上升到', '增长到', '增至', '降至', '减至', '升至', '缩小至', '提高至', '下降至'];
/** Characters before a ratio colon that lead into a ratio: 按1:2, 为7.1:40.3:52.6, 达到1:7.2. */
const RATIO_LEAD = '按照为达到由至是比成约';

/** Characters before a counter that may open a quantity slot (the cheap test before the others). */
const SLOT_BEFORE = new Set([...`了、的有由从）)”」』${PREPOSITIONS}`]);

/** Words that count by themselves before a counter: 每户农户, 各家中小企业. */
const DEMONSTRATIVE_LEADS = '一两几这那哪每各某该此本整单逐半数多首上下全';

const startsCounted = (text: string, c: string, at: number): boolean => COUNTED_NOUNS[c]?.some((w) => text.startsWith(w, at)) ?? false;

const isMagnitude = (c: string | undefined): boolean => c !== undefined && '万亿千百十多余'.includes(c);

function counterSlot(text: string, i: number): Hit | null {
  const c = text[i]!;
  const words = COUNTERS[c]!;
  const p = text[i - 1];
  const n = text[i + 1];
  if (p === undefined || statesNumber(text, i - 1) || isMagnitude(p) || p === '第' || isDigit(p)) return null;
  // "结对帮扶2至（3）所乡村学校": a range that lost its upper end.
  if ('至到—–～~'.includes(p) && isDigit(text[i - 2]) && !(n !== undefined && words.after.includes(n))) return hit(i, 1, c);
  // 个中 is a word, but not in 以（12）个中心镇为重点, where 中 opens a word of its own.
  const formsWordAfter = n !== undefined && words.after.includes(n) && !opensWeakWord(text, i);
  // 全县（5）家医院: a whole place, then a counter before its noun.
  if (SCOPE_WORDS.includes(text.slice(i - 2, i)) && OBJECT_COUNTERS.has(c) && isHan(n) && !isNumber(n) && !formsWordAfter) return hit(i, 1, c);
  // Every test below needs a cue before the counter or a clause end (or 以上, 左右) after it.
  if (!SLOT_BEFORE.has(p) && p !== c && !startsCounted(text, c, i + 1) && !(n === undefined || isClauseEnd(n) || n === '以' || n === '左')) return null;
  const formsWordBefore = words.before.includes(p);
  const hanNext = isHan(n) && !isNumber(n);

  // 为（1286）家中小企业, 带动（6200）户农户: the counted noun follows, so a figure was due.
  if (startsCounted(text, c, i + 1) && isHan(p) && !formsWordBefore && p !== c && !DEMONSTRATIVE_LEADS.includes(p)) return hit(i, 1, c);
  if (isClauseEnd(n) && isHan(text[i - 3]) && endsWithAny(text, i, CLOSING_NOUNS[c] ?? []) !== null) return hit(i, 1, c);
  // "案件（8600）件，" reads 案件件: a counter after a noun made with it, at a clause end.
  if (p === c) return isClauseEnd(n) && words.before.includes(text[i - 2] ?? '') ? hit(i, 1, c) : null;
  if (formsWordAfter || n === c) return null;
  // 新建成了（18）所学校, 组建了（128）支志愿服务队伍.
  if (p === '了' && OBJECT_COUNTERS.has(c) && isHan(text[i - 2]) && !NOT_VERB_LE.includes(text[i - 2]!)) {
    if (hanNext && !(c === '名' && n === '的') && c !== '家') return hit(i, 1, c);
    if (isClauseEnd(n) && c !== '家' && c !== '户') return hit(i, 1, c);
  }
  // 以（3）家龙头企业, 与（2）家央企, 分别为（12）个、… — not 在家, 为名, 以家为单位.
  if (PREPOSITIONS.includes(p) && OBJECT_COUNTERS.has(c) && !formsWordBefore && hanNext && n !== '为' && !(p === '为' && c === '名')) {
    return hit(i, 1, c);
  }
  // 由（1100）人增加到, 从（1200）人增加到: the start of a change.
  if ((p === '由' || p === '从') && CHANGE_AFTER.some((w) => w.length > 1 && text.startsWith(w, i + 1))) return hit(i, 1, c);
  if (p === '有') {
    // 原有（42）个乡镇, 又有（8）个社区; 村有（8）个。 — not 有个别, 有人说.
    if (HAVE_LEADS.includes(text[i - 2] ?? '') && hanNext && HAVE_COUNTERS.includes(c)) return hit(i, 1, c);
    // 全市有（3）个县入选, 我省有（12）个县, 其中有（12）个站点: a whole has so many of its parts
    // (该市有家企业 is a way of telling a story, so only 个 and 项 are judged).
    const whole = text.slice(i - 3, i - 1);
    if ((PLACE_SCOPE.test(whole) || whole === '其中') && hanNext && (c === '个' || c === '项')) return hit(i, 1, c);
    if (isClauseEnd(n) && '个家项件座'.includes(c)) return hit(i, 1, c);
  }
  // 1200套、（860）套和540套, 862户、（2416）人。: a counter straight after an enumeration comma.
  if (p === '、' && ((OBJECT_COUNTERS.has(c) && hanNext) || isClauseEnd(n))) return hit(i, 1, c);
  // 从2018年的（1200）人增加到: a figure of a year.
  const yearOf = isDigit(text[i - 3]) || text[i - 3] === '上';
  if (yearOf && text.slice(i - 2, i) === '年的' && (isClauseEnd(n) || CHANGE_AFTER.some((w) => text.startsWith(w, i + 1)))) return hit(i, 1, c);
  // 企业家 and 企业户 are words, but "工业企业（3968）户，比上年末增加" counts firms.
  const entrepreneur =
    (c === '家' || c === '户') && text.slice(i - 2, i) === '企业' && (isHan(text[i - 3]) || text[i - 3] === '”') && !endsWithAny(text, i - 2, PEOPLE_MODIFIERS);
  // 企业（300）家以上, 企业（3862）家，比上年末增加.
  if ((!formsWordBefore || entrepreneur) && isHan(p) && BOUNDS.some((w) => text.startsWith(w, i + 1))) return hit(i, 1, c);
  if ((n === '，' || n === ',') && (!formsWordBefore || entrepreneur) && isHan(p) && FOLLOW_CUES.some((w) => text.startsWith(w, i + 2))) {
    return hit(i, 1, c);
  }
  if (entrepreneur && isClauseEnd(n)) return hit(i, 1, c);
  // 惠及困难群众（7200）人。, 帮助失业人员（3.1万）名。
  // 选派科技特派员（1260）人。: 员人, 者人 make no word, so the count is of the 员 or 者 before.
  if ((c === '人' || c === '名') && isClauseEnd(n) && (endsWithAny(text, i, PERSON_GROUPS) !== null || p === '员' || p === '者')) return hit(i, 1, c);
  // 乡镇（街道）（186）个、, “15分钟便民生活圈”（36）个，: a counter after a gloss or a name in quotes.
  if ('）)”」』'.includes(p) && isClauseEnd(n) && OBJECT_COUNTERS.has(c) && c !== '户') return hit(i, 1, c);
  // 监测对象（862）户、
  // 监测对象（862）户、, 可安置群众（860）户。 (not 居民户 or 农户户, which are nouns of their own).
  if (c === '户' && isClauseEnd(n) && endsWithAny(text, i, HOUSEHOLD_OF) !== null) return hit(i, 1, c);
  return null;
}

/** "人数（3126）人", "优良天数（348）天": a noun of counting, then its unit with no figure between. */
function countNounSlot(text: string, i: number): Hit | null {
  const p = text[i - 1];
  if (p !== '数' || statesNumber(text, i - 1) || !isHan(text[i - 2])) return null;
  const c = text[i]!;
  const n = text[i + 1];
  // 人数千余人 states its figure; 总数小于, 人数处于 are words.
  if (!COUNT_NOUN_UNITS.has(c) || (c in COUNTERS && n !== undefined && COUNTERS[c]!.after.includes(n))) return null;
  return hit(i, 1, c);
}

/** Units that may follow a noun of counting (人数, 天数, 中位数) only with a figure between. */
const COUNT_NOUN_UNITS = new Set([...`${Object.keys(COUNTERS).join('')}万亿天%％元岁倍`]);

/** Units of weight, length, money and area before 以上/以下: 亩均增产粮食（100）斤以上. */
const BOUND_UNITS = '斤吨亩元米';
/** What makes a longer unit of those (平方米, 美元, 公斤): the figure is due before the longer unit. */
const UNIT_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  米: ['平方', '立方', '千', '厘', '毫', '公'],
  元: ['美', '欧', '港', '日', '韩', '英', '澳门'],
  斤: ['公'],
  吨: ['公'],
};

/** "亩均增产粮食（100）斤以上", not "外汇储备稳定在3万亿美元以上": a bound unit with no figure. */
function boundSlot(text: string, i: number): Hit | null {
  if (!BOUNDS.some((w) => text.startsWith(w, i + 1))) return null;
  const c = text[i]!;
  const prefix = endsWithAny(text, i, UNIT_PREFIXES[c] ?? []) ?? '';
  const start = i - prefix.length;
  const p = text[start - 1];
  if (!isHan(p) || statesNumber(text, start - 1) || isMagnitude(p)) return null;
  return hit(start, i + 1 - start, prefix + c);
}

/** Cues after which 级 is a magnitude: 共发生（5.0）级以上地震. */
const LEVEL_CUES = ['发生', '出现', '达到', '超过', '达', ...COUNT_VERBS];

/** "地区共发生（5.0）级以上地震": a magnitude or grade with its figure gone. */
function levelSlot(text: string, i: number): Hit | null {
  if (endsWithAny(text, i, LEVEL_CUES) === null) return null;
  if (!['以上', '以下', '及以上', '地震'].some((w) => text.startsWith(w, i + 1))) return null;
  return hit(i, 1, '级');
}

/**
 * "（0）—14岁人口", "；（15）—59岁": a range that opens a clause with a dash has lost its first
 * figure. A dash after a clause mark and before a figure is never a dash of prose.
 */
function rangeStartSlot(text: string, i: number): Hit | null {
  const p = text[i - 1];
  if ((p !== undefined && !'，,；;、：:（(\n'.includes(p)) || !isDigit(text[i + 1])) return null;
  return hit(i, 1, text[i]!);
}

/** Bases of a comparison that opens a clause: "，比上年缩小（0.04）。". */
const COMPARED_WITH = ['比上年末', '比上年', '较上年末', '较上年', '比年初', '较年初', '比上月', '同比', '环比'];
/** Changes that, after such a base, end their clause only with the amount: 缩小（0.05）, 下降（0.3）. */
const CHANGES = ['缩小', '扩大', '下降', '上升', '提高', '增加', '减少', '降低', '增长', '回落', '收窄', '上涨'];

/**
 * "城乡居民收入比为2.12，比上年缩小（0.04）。": a clause that only compares the figure before it
 * with a base must say by how much. 降幅比上年缩小 has its subject before 比 and is left alone, as
 * is a clause whose previous clause states no figure.
 */
function comparisonSlot(text: string, i: number): Hit | null {
  if (!isClauseEnd(text[i + 1])) return null;
  const change = endsWithAny(text, i + 1, CHANGES);
  if (change === null) return null;
  const base = endsWithAny(text, i + 1 - change.length, COMPARED_WITH);
  if (base === null) return null;
  const start = i + 1 - change.length - base.length;
  if (text[start - 1] !== '，' && text[start - 1] !== ',') return null;
  for (let k = start - 2; k >= 0 && k >= start - 40 && !isClauseEnd(text[k]); k--) if (isDigit(text[k])) return hit(i + 1 - change.length, change.length, change);
  return null;
}

/** "建立“（1）+6+N”体系": a sum whose first or second member is gone. */
function plusSlot(text: string, i: number): Hit | null {
  const p = text[i - 1];
  const n = text[i + 1];
  if (p === '+') return hit(i, 1, '+');
  // “+6+N”: an opening mark, then a sum that goes on (not a dialling code such as +86).
  if (p !== undefined && '“‘「'.includes(p) && isDigit(n)) {
    let e = i + 1;
    while (isDigit(text[e])) e++;
    if (text[e] === '+') return hit(i, 1, '+');
  }
  return null;
}

/** "收入比为（2.12），", "天数为（312）天", "人数为（0.018）人": 为 after a measure noun, then no figure. */
function copulaSlot(text: string, i: number): Hit | null {
  if (!MEASURE_END.includes(text[i - 1] ?? '\u0000') || !isHan(text[i - 2])) return null;
  const n = text[i + 1];
  // 合同金额为人民币…, 人均… name the figure's currency or kind; the figure follows.
  if (n === '人' && '民均'.includes(text[i + 2] ?? '')) return null;
  if (n === undefined || isClauseEnd(n) || UNIT_START.has(n)) return hit(i, 1, '为');
  return null;
}

/** "缩小到（2.03）。", "由上年的（2.08）缩小到": a change verb with a figure due on one side. */
function reachSlot(text: string, i: number, out: Hit[]): void {
  const cue = endsWithAny(text, i + 1, REACH_CUES);
  if (cue === null) return;
  const start = i + 1 - cue.length;
  // "倍差从（2.5）缩小到2.1": 从 or 由 straight before the change lost the starting figure.
  if (isClauseEnd(text[i + 1]) || text[start - 1] === '从' || text[start - 1] === '由') out.push(hit(start, cue.length, cue));
  else if (text[start - 1] === '的' && text.slice(start - 3, start - 1) === '上年') out.push(hit(start - 1, 1, cue));
}

/** A ratio with an empty member: "按:2的比例", "按1:的比例", "杠杆率达到:7.2". */
function ratioSlot(text: string, k: number, out: Hit[]): void {
  const l = text[k - 1];
  const r = text[k + 1];
  if (isDigit(l) === isDigit(r)) return;
  if (isDigit(r)) {
    let e = k + 1;
    while (e < text.length && (isDigit(text[e]) || text[e] === '.')) e++;
    const after = text[e];
    const more = after === ':' || after === '：' || text.startsWith('的比', e) || text.startsWith('比例', e);
    const rate = isClauseEnd(after) && /[比率]/u.test(text.slice(Math.max(0, k - 6), k));
    const share = text.startsWith('的比', e) || text.startsWith('比例', e);
    // A half-width colon or a ratio sign after 由/为/按 is a ratio ("由2.5:1缩小到"); a full-width
    // colon there may open a list ("主要做法为：1.…"), so it needs more of a ratio after it.
    const ratioMark = text[k] !== '：';
    if (l !== undefined && ((RATIO_LEAD.includes(l) && (more || rate || ratioMark)) || (isHan(l) && share))) out.push(hit(k, 1, '比'));
    return;
  }
  let s = k - 1;
  while (s > 0 && (isDigit(text[s - 1]) || text[s - 1] === '.')) s--;
  const before = text[s - 1];
  const led = before !== undefined && (RATIO_LEAD.includes(before) || before === ':' || before === '：');
  // "社区民警与网格员1:（4）配备": after a pair named with 与/和, a half-width colon between a figure
  // and a word is a ratio cut short (not a label such as 典型做法之1:).
  const pair = /[与和同]/u.test(text.slice(Math.max(0, s - 8), s));
  if (text[k] !== '：' && isHan(before) && pair && isHan(r) && !isNumber(r)) {
    out.push(hit(k, 1, '比'));
    return;
  }
  const changes = CHANGE_AFTER.some((w) => w.length > 1 && text.startsWith(w, k + 1));
  if ((led && (r === undefined || isClauseEnd(r) || r === '的' || r === '比' || changes)) || text.startsWith('的比', k + 1)) out.push(hit(k, 1, '比'));
}

export function checkSlots(text: string): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const counted = text[i - 1] === '数' && COUNT_NOUN_UNITS.has(c) ? countNounSlot(text, i) : null;
    if (counted) out.push(counted);
    if (c in COUNTERS) {
      const h = counted ? null : (counterSlot(text, i) ?? countedSlot(text, i));
      if (h) out.push(h);
    } else if (c === '+') {
      const h = plusSlot(text, i);
      if (h) out.push(h);
    } else if (BOUND_UNITS.includes(c)) {
      const h = boundSlot(text, i);
      if (h) out.push(h);
    } else if (c === '级') {
      const h = levelSlot(text, i);
      if (h) out.push(h);
    } else if ('—–～~'.includes(c)) {
      const h = rangeStartSlot(text, i);
      if (h) out.push(h);
    } else if (c === '为') {
      const h = copulaSlot(text, i);
      if (h) out.push(h);
    } else if (c === '起' && isClauseEnd(text[i + 1]) && endsWithAny(text, i, EVENT_NOUNS) !== null) {
      out.push(hit(i, 1, '起'));
    } else if (c === ':' || c === '：' || c === '∶') {
      ratioSlot(text, i, out);
    }
    if (c === '到' || c === '至') reachSlot(text, i, out);
    if (c === '小' || c === '大' || c === '降' || c === '升' || c === '高' || c === '加' || c === '少' || c === '低' || c === '长' || c === '落' || c === '窄' || c === '涨') {
      const h = comparisonSlot(text, i);
      if (h) out.push(h);
    }
  }
  return out;
}
