// Character classes the rules share. Chinese text mixes Arabic and Chinese numerals and
// full-width and half-width punctuation, so every test accepts both forms.

export const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);

export const isDigit = (c: string | undefined): boolean => c !== undefined && /[0-9０-９]/u.test(c);

/** Chinese numerals that carry a value by themselves (not the bare magnitudes 万/亿). */
const CHINESE_NUMERAL = '一二三四五六七八九十百千两零〇几数半';
export const isChineseNumeral = (c: string | undefined): boolean =>
  c !== undefined && CHINESE_NUMERAL.includes(c);

/** Anything that states a number: a digit, a Chinese numeral, or a vague count (几, 数, 半). */
export const isNumber = (c: string | undefined): boolean => isDigit(c) || isChineseNumeral(c);

/** Characters before 数 that make it a noun (人数, 户数, 中位数, 总数), not "several". */
const NUMBER_NOUN_BEFORE = '人户次件个总位天岁指函分基参系倍印';

/** text[k] states a number: a digit or numeral, but not the 数 of 人数 or 中位数. */
export const statesNumber = (text: string, k: number): boolean =>
  isNumber(text[k]) && !(text[k] === '数' && NUMBER_NOUN_BEFORE.includes(text[k - 1] ?? '\u0000'));

/** Characters that can make up a number expression: 1.6, 3.2万, 十多, 4亿余, 1—2. */
const NUMERAL_RUN = /[0-9０-９.．,，一二三四五六七八九十百千万亿两零〇几数半多余]/u;
export const isNumeralRunChar = (c: string | undefined): boolean => c !== undefined && NUMERAL_RUN.test(c);

/** Punctuation after which a new clause starts (and before which one ends). */
const CLAUSE_BREAK = ',，。；;：:、!！?？…—\n';
const CLOSERS = ')）】》”’」』';
const OPENERS = '(（【《“‘「『';

/** True at the start of text or right after clause punctuation or an opening bracket. */
export const isClauseStart = (c: string | undefined): boolean =>
  c === undefined || CLAUSE_BREAK.includes(c) || OPENERS.includes(c) || CLOSERS.includes(c) || /\s/u.test(c);

/** True at the end of text or right before clause punctuation or a closing bracket. */
export const isClauseEnd = (c: string | undefined): boolean =>
  c === undefined || CLAUSE_BREAK.includes(c) || CLOSERS.includes(c) || /\s/u.test(c);

const SPACE = /[ \u00a0\u3000]/u;

/** Start index of the run of number characters that ends just before `end` (== end if none). */
export function numeralRunStart(text: string, end: number): number {
  let i = end;
  // "6.5 %", "约 3 万人": a space typed between a number and its unit belongs to the number.
  while (i > 0 && (isNumeralRunChar(text[i - 1]) || (SPACE.test(text[i - 1]!) && isNumeralRunChar(text[i - 2])))) i--;
  // A comma or point only belongs to the run when a number stands before it.
  while (i < end && /[.．,，]/u.test(text[i]!)) i++;
  return i;
}

/** Index of the character before i, skipping spaces typed between a number and its unit ("6.5 %"). */
export function indexBefore(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && SPACE.test(text[k]!)) k--;
  return k < i - 1 && k >= 0 && /[0-9０-９一二三四五六七八九十百千万亿两]/u.test(text[k]!) ? k : i - 1;
}

/** Whether text[start, end) states a number. */
export function runHasNumber(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isNumber(text[i])) return true;
  return false;
}

/** True if text, read backwards from `end`, ends with one of `words`; returns the word. */
export function endsWithAny(text: string, end: number, words: readonly string[]): string | null {
  for (const w of words) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return null;
}
