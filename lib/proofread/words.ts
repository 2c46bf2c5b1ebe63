// Word boundaries and names, as a second opinion for the character rules. A counter or a date
// character inside a longer dictionary word (年金, 受益人, 广元, 个个, 日积月累) is usually not
// a lost number. Intl.Segmenter (ICU's dictionary; Node 16+ and every current browser) finds
// the words; where it is missing every character counts as a word of its own, which only makes
// the rules stricter, never silent.

/** Characters that make a segment "number-like" rather than a word: 万人, 平方公里, 人次, 多个. */
const UNIT_CHARS = '万亿千百十余多几数个人名家户项次列所套张件条座台辆元年月日底末初半平方公里米吨亩顷小时天倍成%％';

type Span = readonly [number, number];

/**
 * Intl.Segmenter in the V8 of Node 20 costs time proportional to the whole input for every word
 * it returns, so a long text would take quadratic time. The text is cut into short pieces where a
 * word always ends, and a piece is segmented only when a rule asks about a character in it. A
 * word always ends after a line break, and after punctuation or a space that a Chinese character
 * follows (no Unicode word rule joins the two, and the dictionary works on runs of Chinese
 * characters). A piece with no such place in MAX_PIECE characters (hostile text, never prose) is
 * cut anyway; a word across that cut is read as two.
 */
const MAX_PIECE = 200;
const PUNCTUATION_OR_SPACE = new Set([...'，。、；：！？“”‘’（）《》〈〉【】「」『』〔〕…—,.;:!?()[]"\' \t\u3000\u00a0']);
const HAN = /\p{Script=Han}/u;
const isHighSurrogate = (c: string): boolean => c >= '\ud800' && c <= '\udbff';

let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Start indexes of the pieces the text is segmented in (see MAX_PIECE). */
function pieceStarts(text: string): number[] {
  const starts = [0];
  let start = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text[i]!;
    const cut =
      c === '\n' ||
      (PUNCTUATION_OR_SPACE.has(c) && HAN.test(text[i + 1]!)) ||
      (i + 1 - start >= MAX_PIECE && !isHighSurrogate(c));
    if (cut) {
      start = i + 1;
      starts.push(start);
    }
  }
  return starts;
}

/** The words of one text, segmented piece by piece as rules ask; rules ask about the same text often. */
class Words {
  private readonly spans: (Span | undefined)[];
  private readonly starts: number[];
  private readonly done: boolean[];

  constructor(readonly text: string) {
    this.spans = new Array<Span | undefined>(text.length);
    this.starts = pieceStarts(text);
    this.done = new Array<boolean>(this.starts.length).fill(false);
  }

  at(i: number): Span {
    if (i < 0 || i >= this.text.length) return [i, i + 1];
    const piece = this.pieceOf(i);
    if (!this.done[piece]) this.segment(piece);
    return this.spans[i] ?? [i, i + 1];
  }

  private pieceOf(i: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private segment(piece: number): void {
    this.done[piece] = true;
    const seg = getSegmenter();
    if (!seg) return;
    const from = this.starts[piece]!;
    const to = this.starts[piece + 1] ?? this.text.length;
    for (const s of seg.segment(this.text.slice(from, to))) {
      const span: Span = [from + s.index, from + s.index + s.segment.length];
      for (let k = span[0]; k < span[1]; k++) this.spans[k] = span;
    }
  }
}

let cached: Words | null = null;

function wordsOf(text: string): Words {
  if (cached?.text !== text) cached = new Words(text);
  return cached;
}

/** The dictionary word that covers text[i]. */
export function wordAt(text: string, i: number): Span {
  return wordsOf(text).at(i);
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
