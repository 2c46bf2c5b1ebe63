// Word boundaries and names, as a second opinion for the character rules. A counter or a date
// character inside a longer dictionary word (年金, 受益人, 广元, 个个, 日积月累) is usually not
// a lost number. Intl.Segmenter (ICU's dictionary; Node 16+ and every current browser) finds
// the words; where it is missing every character counts as a word of its own, which only makes
// the rules stricter, never silent.

/** Characters that make a segment "number-like" rather than a word: 万人, 平方公里, 人次, 多个. */
const UNIT_CHARS = '万亿千百十余多几数个人名家户项次列所套张件条座台辆元年月日底末初半平方公里米吨亩顷小时天倍成%％';

type Span = readonly [number, number];

let segmenter: Intl.Segmenter | null | undefined;
let cachedText: string | null = null;
let cachedWords: Span[] = [];

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** The word (start, end) covering each index of text; the last text is cached, rules ask often. */
function wordsOf(text: string): Span[] {
  if (cachedText === text) return cachedWords;
  const spans: Span[] = new Array<Span>(text.length);
  const seg = getSegmenter();
  if (seg) {
    for (const s of seg.segment(text)) {
      const span: Span = [s.index, s.index + s.segment.length];
      for (let k = span[0]; k < span[1]; k++) spans[k] = span;
    }
  }
  for (let k = 0; k < text.length; k++) spans[k] ??= [k, k + 1];
  cachedText = text;
  cachedWords = spans;
  return spans;
}

/** The dictionary word that covers text[i]. */
export function wordAt(text: string, i: number): Span {
  return wordsOf(text)[i] ?? [i, i + 1];
}

/**
 * True if text[i, i + length) sits inside a longer word made of more than numbers and units:
 * 年金, 受益人, 永年, 名为 — but not 万人 or 人次, which are what a lost figure leaves behind.
 */
export function insideWord(text: string, i: number, length = 1): boolean {
  const [start, end] = wordAt(text, i);
  if (end - start <= length || end < i + length) return false;
  const word = text.slice(start, end);
  return [...word].some((c) => !UNIT_CHARS.includes(c));
}

/** A word that starts before `from` and covers text[i]: the segmenter read 受益人, not 受益 + 人. */
export function wordSpans(text: string, from: number, i: number): boolean {
  const [start, end] = wordAt(text, i);
  return start <= from && end > i && end - start > 1;
}

/** Administrative suffixes that end a place name. */
const PLACE_SUFFIX = /^\p{Script=Han}?[省市县区旗镇乡盟州]/u;
/** Characters that end the name of the place a smaller one belongs to: 河北省元氏县, 鹰潭市月湖区. */
const PLACE_BEFORE = '省市州盟区县';

/** text[i] is part of a place name: 广元市, 元氏县, 永年区, 月湖区 after 省/市 or as one word. */
export function inPlaceName(text: string, i: number): boolean {
  if (!PLACE_SUFFIX.test(text.slice(i + 1, i + 3))) return false;
  const p = text[i - 1];
  return (p !== undefined && PLACE_BEFORE.includes(p)) || insideWord(text, i);
}
