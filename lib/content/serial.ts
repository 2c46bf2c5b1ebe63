// The issue as a serial: 2025年第3期（总第27期）. The year and the number within it are derived when an
// issue is published (lib/publication/materialize.ts), the overall number is the issue's own; how
// the three are written is a site setting, a format with placeholders. Pure: the admin, the public
// site, the feed, the API and the PDF editions all name an issue through here.

export interface SerialNumbers {
  /** The serial year: the year on China's calendar when the issue was first published. */
  year: number;
  /** The issue's rank among that year's published issues, by overall number. */
  yearNumber: number;
  /** The overall number (总第N期): the issue's own number. */
  number: number;
}

export const DEFAULT_ISSUE_LABEL_FORMAT = '{year}年第{yearNumber}期（总第{number}期）';
export const MAX_LABEL_FORMAT_LENGTH = 40;

/** The placeholders a format may use, with what each stands for. */
export const LABEL_PLACEHOLDERS = { year: '年份', yearNumber: '年内期号', number: '总期号' } as const;
type Placeholder = keyof typeof LABEL_PLACEHOLDERS;

/** Said after a label whose year and number within the year are only expected, not yet fixed. */
export const PROVISIONAL_NOTE = '（发布后确定）';

/** Line breaks, tabs, other C0/C1 controls and the bidirectional overrides that can disguise text. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** `{…}` without nested braces: a linear scan. */
const PLACEHOLDER = /\{([^{}]*)\}/gu;
/** A bracketed part of a format, （…） or (…), without nested brackets: a linear scan. */
const BRACKETED = /[（(][^（）()]*[）)]/gu;

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(LABEL_PLACEHOLDERS, name);
const known = Object.entries(LABEL_PLACEHOLDERS)
  .map(([name, meaning]) => `{${name}}（${meaning}）`)
  .join('、');

/** Every reason a format cannot be used, in Chinese; empty when it can. */
export function labelFormatProblems(format: string): string[] {
  const problems: string[] = [];
  if (format.trim() === '') return ['请填写期号格式，如 {year}年第{yearNumber}期（总第{number}期）'];
  if ([...format].length > MAX_LABEL_FORMAT_LENGTH) problems.push(`期号格式不超过${MAX_LABEL_FORMAT_LENGTH}个字`);
  if (CONTROL.test(format)) problems.push('期号格式只能是一行文字，不能含有换行、制表符或其他控制字符');
  const used = new Set<string>();
  const unknown: string[] = [];
  for (const m of format.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (isPlaceholder(name)) used.add(name);
    else unknown.push(`{${name}}`);
  }
  if (unknown.length > 0) problems.push(`不认识的占位符 ${[...new Set(unknown)].join('、')}：只能使用${known}`);
  if (/[{}]/u.test(format.replace(PLACEHOLDER, ''))) problems.push('花括号只用来写占位符（如 {year}），请删去多余的“{”或“}”');
  if (!used.has('number') && !used.has('yearNumber')) {
    problems.push('期号格式必须包含 {number}（总期号）或 {yearNumber}（年内期号），否则各期的名称都一样');
  } else if (used.has('yearNumber') && !used.has('year')) {
    problems.push('用了 {yearNumber}（年内期号）就要同时写上 {year}（年份），否则不同年份的同一期号无法区分');
  }
  return problems;
}

/** The last format checked, and what it resolves to: lists of thousands of cases name their issues with one format. */
let memo: { format: string; usable: string; short: string } | undefined;

/** The format to fill in (the default in place of an unusable one) and its short form. */
function resolved(format: string): { usable: string; short: string } {
  if (memo?.format === format) return memo;
  const usable = labelFormatProblems(format).length === 0 ? format : DEFAULT_ISSUE_LABEL_FORMAT;
  const stripped = usable.replace(BRACKETED, '').trim();
  memo = { format, usable, short: labelFormatProblems(stripped).length === 0 ? stripped : usable };
  return memo;
}

function fill(format: string, n: SerialNumbers): string {
  return format.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? String(n[name]) : whole));
}

/**
 * 2025年第3期（总第27期）: the issue's name in the site's format. A format that is not usable (only
 * possible in data written around the settings screen) gives way to the default rather than fail
 * a page.
 */
export function serialLabel(n: SerialNumbers, format: string = DEFAULT_ISSUE_LABEL_FORMAT): string {
  return fill(resolved(format).usable, n);
}

/**
 * The short form for tight places (breadcrumbs, lists that cross issues): the label without its
 * bracketed part, 2025年第3期, when what remains still tells the issues apart; else the label.
 */
export function shortSerialLabel(n: SerialNumbers, format: string = DEFAULT_ISSUE_LABEL_FORMAT): string {
  return fill(resolved(format).short, n);
}

const chinaYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The serial year of an issue published at `at`: the year on China's calendar. */
export function serialYear(at: Date): number {
  return Number(chinaYear.format(at));
}

/**
 * The year and number within it an unpublished issue is expected to get: the year it is scheduled
 * for (else this year), and one more than the issues of that year already published with a smaller
 * overall number. Publishing fixes them; until then the admin says so (PROVISIONAL_NOTE).
 */
export function provisionalSerial(
  issue: { number: number; scheduledAt: Date | null },
  publishedOfYear: (year: number) => readonly number[],
  now: Date,
): SerialNumbers {
  const year = serialYear(issue.scheduledAt ?? now);
  const before = publishedOfYear(year).filter((n) => n < issue.number).length;
  return { year, yearNumber: before + 1, number: issue.number };
}
