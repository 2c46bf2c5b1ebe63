// Paired punctuation must balance within a paragraph: “” ‘’ 《》 （） 【】 「」 『』.
// Full-width and half-width brackets may pair with each other (the half-width one is reported
// by the half-width rule instead). A closing bracket right after a list number at the start of a
// paragraph or clause ("1）", "a)") is a list marker, not half of a pair.
import type { Hit } from './types';

const OPEN_TO_CLOSE: Record<string, string> = {
  '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '(': ')', '【': '】', '[': ']', '「': '」', '『': '』',
  '〔': '〕',
};
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));

/** Half-width and full-width brackets close each other. */
const widthless = (c: string | undefined): string | undefined => (c === ')' ? '）' : c === ']' ? '】' : c);
const closes = (open: string, close: string): boolean => widthless(OPEN_TO_CLOSE[open]) === widthless(close);

function hit(offset: number, message: string): Hit {
  return { rule: 'unbalanced-pair', severity: 'error', offset, length: 1, message };
}

const LIST_NUMBER_KINDS: readonly { test: RegExp; max: number }[] = [
  { test: /[0-9０-９]/u, max: 2 },
  { test: /[a-zA-Z]/u, max: 1 },
  { test: /[一二三四五六七八九十]/u, max: 3 },
];
const LIST_NUMBER_BEFORE = /[\s,，;；:：。]/u;

/**
 * "1）", "a)" or "三）" opening a paragraph or a clause numbers a list item. Read backwards from
 * the bracket, a few characters at most, so a paragraph of brackets stays linear.
 */
function isListMarker(p: string, i: number): boolean {
  if (p[i] !== ')' && p[i] !== '）') return false;
  return LIST_NUMBER_KINDS.some(({ test, max }) => {
    let k = i;
    while (k > 0 && i - k <= max && test.test(p[k - 1]!)) k--;
    const length = i - k;
    return length >= 1 && length <= max && (k === 0 || LIST_NUMBER_BEFORE.test(p[k - 1]!));
  });
}

function checkParagraph(p: string, base: number, out: Hit[]): void {
  const stack: { c: string; i: number }[] = [];
  // How many open brackets on the stack each closing mark would close, so "is any of them
  // closed by this?" needs no walk down the stack.
  const waiting = new Map<string | undefined, number>();
  const push = (c: string, i: number) => {
    stack.push({ c, i });
    const key = widthless(OPEN_TO_CLOSE[c]);
    waiting.set(key, (waiting.get(key) ?? 0) + 1);
  };
  const pop = () => {
    const top = stack.pop()!;
    const key = widthless(OPEN_TO_CLOSE[top.c]);
    waiting.set(key, waiting.get(key)! - 1);
    return top;
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (isListMarker(p, i)) continue;
    // An apostrophe inside Latin text (don’t) is not a closing quote.
    if (c === '’' && /[A-Za-z]/u.test(p[i - 1] ?? '') && /[A-Za-z]/u.test(p[i + 1] ?? '')) continue;
    if (c in OPEN_TO_CLOSE) {
      push(c, i);
    } else if (CLOSERS.has(c)) {
      const top = stack[stack.length - 1];
      if (top && closes(top.c, c)) {
        pop();
      } else if ((waiting.get(widthless(c)) ?? 0) > 0) {
        // Something opened inside was never closed: report it, then close the outer pair.
        while (stack.length > 0 && !closes(stack[stack.length - 1]!.c, c)) {
          const lost = pop();
          out.push(hit(base + lost.i, `「${lost.c}」没有对应的「${OPEN_TO_CLOSE[lost.c]}」，请补全或删除。`));
        }
        pop();
      } else {
        out.push(hit(base + i, `「${c}」前面没有对应的开始符号，请补全或删除。`));
      }
    }
  }
  for (const s of stack) out.push(hit(base + s.i, `「${s.c}」没有对应的「${OPEN_TO_CLOSE[s.c]}」，请补全或删除。`));

  // Straight double quotes cannot be matched by direction; an odd count cannot balance.
  const straight = [...p.matchAll(/"/gu)];
  if (straight.length % 2 === 1) {
    out.push(hit(base + straight[straight.length - 1]!.index, '直引号「"」数量为单数，引号不成对。'));
  }
}

export function checkPairs(text: string): Hit[] {
  const out: Hit[] = [];
  let base = 0;
  for (const p of text.split('\n')) {
    checkParagraph(p, base, out);
    base += p.length + 1;
  }
  return out;
}
