// Half-width punctuation in Chinese text (, : ; ? ! ( ) and straight quotes) should be full-width.
// Numbers keep theirs: 1,000 / 1:3 / 12:30 / 1.6. Each finding carries its full-width fix.
import { isHan } from './chars';
import type { Hit } from './types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Chinese characters and full-width punctuation make the context Chinese. */
const isChineseContext = (c: string | undefined): boolean =>
  c !== undefined && (isHan(c) || /[\u3000-\u303f\uff00-\uffef“”‘’《》…—]/u.test(c));

const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && /[0-9]/u.test(c);

function hit(offset: number, from: string, to: string): Hit {
  return {
    rule: 'halfwidth-punctuation',
    severity: 'warning',
    offset,
    length: 1,
    message: `中文语境中应使用全角标点「${to}」，而不是半角「${from}」。`,
    fix: { replacement: to },
  };
}

/** The nearest character on each side, skipping spaces. */
function neighbours(text: string, i: number): [string | undefined, string | undefined] {
  let a = i - 1;
  while (a >= 0 && text[a] === ' ') a--;
  let b = i + 1;
  while (b < text.length && text[b] === ' ') b++;
  return [text[a], text[b]];
}

function checkPunctuation(text: string, out: Hit[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!(c in FULL) || c === '(' || c === ')') continue;
    const [before, after] = neighbours(text, i);
    if ((c === ',' || c === ':') && isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1])) continue;
    if (isChineseContext(before) || isChineseContext(after)) out.push(hit(i, c, FULL[c]!));
  }
}

/** hanBefore[i]: how many Chinese characters start before index i, to ask "any inside?" in O(1). */
function hanCounts(text: string): Uint32Array {
  const counts = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    counts[i + 1] = counts[i]! + (cp > 0x2e7f && isHan(String.fromCodePoint(cp)) ? 1 : 0);
  }
  return counts;
}

function checkParentheses(text: string, out: Hit[]): void {
  // Decide per pair, so "(1)" before Chinese text becomes "（1）" and not "(1）".
  const stack: number[] = [];
  const pairs: [number, number | null][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')') pairs.push([stack.pop() ?? -1, i]);
    else if (text[i] === '\n') stack.length = 0;
  }
  for (const open of stack) pairs.push([open, null]);
  // Nested pairs would each scan their inside again: count once, look up per pair.
  const han = pairs.length > 0 ? hanCounts(text) : null;
  for (const [open, close] of pairs) {
    const ends = [open, close].filter((x): x is number => x !== null && x >= 0);
    const hanInside = han !== null && open >= 0 && close !== null && han[close]! > han[open + 1]!;
    const chinese =
      hanInside ||
      ends.some((x) => {
        const [before, after] = neighbours(text, x);
        return isChineseContext(before) || isChineseContext(after);
      });
    if (!chinese) continue;
    for (const x of ends) out.push(hit(x, text[x]!, FULL[text[x]!]!));
  }
}

/** Straight double quotes around Chinese text become “ and ” alternately, per paragraph. */
function checkQuotes(text: string, out: Hit[]): void {
  let base = 0;
  for (const paragraph of text.split('\n')) {
    const quotes = [...paragraph.matchAll(/"/gu)].map((m) => base + m.index);
    if (quotes.length % 2 === 0 && /\p{Script=Han}/u.test(paragraph)) {
      quotes.forEach((q, k) => out.push(hit(q, '"', k % 2 === 0 ? '“' : '”')));
    }
    base += paragraph.length + 1;
  }
}

export function checkHalfwidth(text: string): Hit[] {
  const out: Hit[] = [];
  checkPunctuation(text, out);
  checkParentheses(text, out);
  checkQuotes(text, out);
  return out.sort((a, b) => a.offset - b.offset);
}
