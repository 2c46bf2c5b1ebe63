// Chinese numerals as they appear in issue and section numbers (第一期, （三）, 典型做法之一).
// Numbering is derived from order, so these labels are the only place the digits are spelled.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** The largest number spelled; issue numbers past 99 (第一百期) are still plausible. */
export const MAX_CHINESE_NUMERAL = 999;

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 110 → 一百一十. Range 1..999. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`toChineseNumeral: ${n} is outside 1..${MAX_CHINESE_NUMERAL}`);
  }
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += `${DIGITS[hundreds]}百`;
  if (tens > 0) {
    // 十 alone below twenty (十二), 一十 after a hundred (一百一十二), as written in Chinese.
    out += hundreds === 0 && tens === 1 ? '十' : `${DIGITS[tens]}十`;
  } else if (hundreds > 0 && ones > 0) {
    out += '零';
  }
  if (ones > 0) out += DIGITS[ones];
  return out;
}

const DIGIT_VALUE: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一..九百九十九 → number; null for anything else (including the empty string). */
export function parseChineseNumeral(text: string): number | null {
  const s = text.trim();
  const m = /^(?:([一二两三四五六七八九])百)?(零)?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return null;
  const [, h, zero, t, ten, o] = m;
  if (zero && (!h || ten)) return null; // 零 only bridges a hundred to a unit: 一百零五
  if (h && ten && !t) return null; // 一百十 is not standard; 一百一十 is
  const hundreds = h ? DIGIT_VALUE[h]! : 0;
  const tens = ten ? (t ? DIGIT_VALUE[t]! : 1) : 0;
  const ones = o ? DIGIT_VALUE[o]! : 0;
  const value = hundreds * 100 + tens * 10 + ones;
  return value > 0 ? value : null;
}

/** Full-width digits (１２) are what some editors type; treat them as ASCII. */
function normalizeDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * A number written either way: "3", "３" or "三". Positive integers only; null otherwise, also for
 * a digit run too long to be an exact number (a pasted "第99999999999999999999期").
 */
export function parseNumeral(text: string): number | null {
  const s = normalizeDigits(text.trim());
  if (/^\d+$/u.test(s)) {
    const n = Number.parseInt(s, 10);
    return n > 0 && Number.isSafeInteger(n) ? n : null;
  }
  return parseChineseNumeral(s);
}

/** 1 → 第一期: the one way an issue is named, in the admin, its messages and the public site. A
 *  number outside the Chinese-numeral range (only in data older than the 1–999 limit) keeps its
 *  digits rather than failing a whole page. */
export function issueLabel(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= MAX_CHINESE_NUMERAL ? `第${toChineseNumeral(n)}期` : `第${n}期`;
}

/** 0 → （一）: sections are numbered from their 0-based order. */
export function sectionLabel(index: number): string {
  return `（${toChineseNumeral(index + 1)}）`;
}

/**
 * 1, "主要成效" → （二）主要成效: how messages and labels name a section, in the words its page heading
 * uses, so nobody has to translate 第2段 back to （二）. Past the spelled range the digits stand in.
 */
export function sectionPlace(index: number, heading = ''): string {
  const label = index + 1 <= MAX_CHINESE_NUMERAL ? sectionLabel(index) : `（${index + 1}）`;
  return `${label}${heading.trim()}`;
}

/** 1 → 典型做法之1 (cases are numbered with Arabic digits in the source documents). */
export function caseLabel(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`caseLabel: ${n} is not a positive integer`);
  return `典型做法之${n}`;
}
