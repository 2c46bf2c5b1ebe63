// Chinese line breaking for the PDF editions, by the rules of GB/T 15834 and the W3C's
// "Requirements for Chinese Text Layout": a line may break between any two Han characters, but a
// closing mark (，。、；：？！ and closing quotes, brackets, 书名号) never starts a line, an opening
// one never ends a line, and 破折号 —— and 省略号 …… are never split. A run of Latin letters and
// digits (2023, 79.7%, PPP) breaks only where it has a space. One pass over the text: linear in its
// length, whatever it contains.

/** Marks that may not begin a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉］｝〗〙”’›»%‰℃°·・～,.;:?!)]}']);
/** Marks that may not end a line. */
const NO_END = new Set([...'（《「『【〔〈［｛〖〘“‘‹«([{']);
/** Marks written doubled that must stay on one line. */
const UNSPLIT = new Set(['—', '…']);

interface Unit {
  text: string;
  /** A space: a break opportunity, dropped at either end of a line. */
  space: boolean;
}

/** Letters, digits and ASCII punctuation (a Latin word, 79.7%, a URL) are one unit; a Han character is one. */
function isLatin(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code > 0x20 && code < 0x7f;
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch) && ch !== '\ufeff';
}

function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  let latin = '';
  for (const ch of text) {
    if (isLatin(ch)) {
      latin += ch;
      continue;
    }
    if (latin) {
      units.push({ text: latin, space: false });
      latin = '';
    }
    // Control and format characters and lone surrogates have no place on paper: dropped, not drawn as boxes.
    if (/[\p{Cc}\p{Cf}\p{Cs}]/u.test(ch) && !isSpace(ch)) continue;
    // Every kind of space prints as a plain one, but for the ideographic space, which is a character's width.
    const space = isSpace(ch);
    units.push({ text: space && ch !== '\u3000' ? ' ' : ch, space });
  }
  if (latin) units.push({ text: latin, space: false });
  return units;
}

/** Units glued together where the rules forbid a break: the pieces a line is filled with. */
function clustersOf(units: Unit[]): Unit[][] {
  const clusters: Unit[][] = [];
  let glueNext = false;
  for (const unit of units) {
    const last = clusters[clusters.length - 1];
    const previous = last?.[last.length - 1];
    const first = unit.text[0]!;
    const glue =
      !unit.space &&
      last !== undefined &&
      !previous!.space &&
      (glueNext || NO_START.has(first) || (UNSPLIT.has(first) && previous!.text.endsWith(first)));
    if (glue) last!.push(unit);
    else clusters.push([unit]);
    glueNext = !unit.space && NO_END.has(unit.text[unit.text.length - 1]!);
  }
  return clusters;
}

export interface BrokenLine {
  text: string;
  /** Its natural width, before any justification. */
  width: number;
  /** Where it starts, from the left edge of the column (the first line's indent). */
  indent: number;
  /** The last line of the paragraph: set ragged, never stretched. */
  last: boolean;
}

export interface LineBreakOptions {
  /** The width of the column. */
  width: number;
  /** The first line starts this far in (2em for a paragraph). */
  firstLineIndent?: number;
  /** The width of a piece of text in the paragraph's font and size. */
  measure: (text: string) => number;
}

/**
 * Breaks one paragraph (no line feeds) into lines no wider than the column. A piece wider than a
 * whole line (a long URL) is cut by characters rather than overflowing the margin.
 */
export function breakLines(paragraph: string, { width, firstLineIndent = 0, measure }: LineBreakOptions): BrokenLine[] {
  const widths = new Map<string, number>();
  const widthOf = (text: string) => {
    let w = widths.get(text);
    if (w === undefined) widths.set(text, (w = measure(text)));
    return w;
  };
  const lines: BrokenLine[] = [];
  let parts: Unit[] = [];
  let used = 0;
  const available = () => width - (lines.length === 0 ? firstLineIndent : 0);
  const emit = () => {
    while (parts.length > 0 && parts[parts.length - 1]!.space) used -= widthOf(parts.pop()!.text);
    if (parts.length === 0) return;
    lines.push({ text: parts.map((u) => u.text).join(''), width: used, indent: lines.length === 0 ? firstLineIndent : 0, last: false });
    parts = [];
    used = 0;
  };
  const place = (unit: Unit) => {
    if (unit.space && parts.length === 0) return;
    parts.push(unit);
    used += widthOf(unit.text);
  };
  for (const cluster of clustersOf(unitsOf(paragraph))) {
    const clusterWidth = cluster.reduce((sum, u) => sum + widthOf(u.text), 0);
    if (used + clusterWidth <= available() + 0.01) {
      for (const unit of cluster) place(unit);
      continue;
    }
    if (parts.length > 0) emit();
    if (cluster[0]!.space) continue;
    if (clusterWidth <= available() + 0.01) {
      for (const unit of cluster) place(unit);
      continue;
    }
    // Wider than a line on its own: cut it by characters.
    for (const unit of cluster) {
      for (const ch of unit.text) {
        const w = widthOf(ch);
        if (parts.length > 0 && used + w > available() + 0.01) emit();
        place({ text: ch, space: false });
      }
    }
  }
  emit();
  if (lines.length > 0) lines[lines.length - 1]!.last = true;
  return lines;
}

/** Plain text with "\n" between paragraphs, as its non-empty paragraphs (the site's Paragraphs component's rule). */
export function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}
