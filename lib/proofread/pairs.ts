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

/** "1）", "a)" or "三）" opening a paragraph or a clause numbers a list item. */
function isListMarker(p: string, i: number): boolean {
  if (p[i] !== ')' && p[i] !== '）') return false;
  const m = /(?:^|[\s,，;；:：。])(?:[0-9０-９]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$/u.exec(p.slice(0, i));
  return m !== null;
}

function checkParagraph(p: string, base: number, out: Hit[]): void {
  const stack: { c: string; i: number }[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (isListMarker(p, i)) continue;
    // An apostrophe inside Latin text (don’t) is not a closing quote.
    if (c === '’' && /[A-Za-z]/u.test(p[i - 1] ?? '') && /[A-Za-z]/u.test(p[i + 1] ?? '')) continue;
    if (c in OPEN_TO_CLOSE) {
      stack.push({ c, i });
    } else if (CLOSERS.has(c)) {
      const top = stack[stack.length - 1];
      if (top && closes(top.c, c)) {
        stack.pop();
      } else if (stack.some((s) => closes(s.c, c))) {
        // Something opened inside was never closed: report it, then close the outer pair.
        while (stack.length > 0 && !closes(stack[stack.length - 1]!.c, c)) {
          const lost = stack.pop()!;
          out.push(hit(base + lost.i, `「${lost.c}」没有对应的「${OPEN_TO_CLOSE[lost.c]}」，请补全或删除。`));
        }
        stack.pop();
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
