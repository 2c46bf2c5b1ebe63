import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, type LineBreakOptions } from '@/lib/pdf/line-break';
import { adversarial, BOUND_MS, hostileString, prose, timed } from '../hostile/support';

// How the PDF editions break Chinese lines: by the rules a typesetter follows (GB/T 15834,
// W3C clreq), within the column, and in time linear in the text whatever it holds.

/** Han characters and full-width marks one unit wide, Latin letters and digits half a unit: a monospaced stand-in for the font. */
const measure = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x7f ? 0.5 : 1), 0);
const options = (width: number, firstLineIndent = 0): LineBreakOptions => ({ width, firstLineIndent, measure });
const texts = (paragraph: string, width: number, indent = 0) => breakLines(paragraph, options(width, indent)).map((l) => l.text);

const CLOSING = [...'，。、；：？！）》」』”’'];
const OPENING = [...'（《「『“‘'];

describe('Chinese line breaking', () => {
  it('fills each line of Han text to the column, the first after its indent', () => {
    expect(texts('一二三四五六七八九十甲乙丙丁', 5, 2)).toEqual(['一二三', '四五六七八', '九十甲乙丙', '丁']);
  });

  it('never starts a line with a closing mark: the character before it goes down with it', () => {
    // 甲乙丙丁戊 fills the line; the comma may not open the next one, so 戊 goes with it.
    expect(texts('甲乙丙丁戊，己庚', 5)).toEqual(['甲乙丙丁', '戊，己庚']);
    for (const mark of CLOSING) {
      for (const line of texts(`甲乙丙丁戊${mark}己庚辛壬癸${mark}${mark}子丑`, 5).slice(1)) expect(CLOSING).not.toContain(line[0]);
    }
  });

  it('never ends a line with an opening mark: it goes down with what it opens', () => {
    expect(texts('甲乙丙丁“戊己”庚', 5)).toEqual(['甲乙丙丁', '“戊己”庚']);
    for (const mark of OPENING) {
      for (const line of texts(`甲乙丙${mark}丁戊己庚辛${mark}壬`, 4).slice(0, -1)) expect(OPENING).not.toContain(line[line.length - 1]);
    }
  });

  it('keeps 破折号 and 省略号 whole, and Latin words and figures unbroken', () => {
    // Half of the pair would fit on the first line; the pair goes down whole.
    expect(texts('甲乙丙丁——戊己', 5)).toEqual(['甲乙丙丁', '——戊己']);
    expect(texts('甲乙丙丁……戊己', 5)).toEqual(['甲乙丙丁', '……戊己']);
    expect(texts('甲乙丙丁79.7%戊己', 5)).toEqual(['甲乙丙丁', '79.7%戊己']);
  });

  it('cuts a piece wider than the column by characters instead of overflowing the margin', () => {
    const lines = breakLines(`见${'a'.repeat(30)}。`, options(5));
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(5);
    expect(lines.map((l) => l.text).join('')).toBe(`见${'a'.repeat(30)}。`);
  });

  it('drops spaces at the ends of lines and characters that cannot be printed', () => {
    expect(texts('甲乙 丙丁 戊己', 4)).toEqual(['甲乙 丙', '丁 戊己']);
    expect(texts('甲\u0000乙\u202e丙\ud800丁', 10)).toEqual(['甲乙丙丁']);
  });

  it('marks only the last line as the one set ragged', () => {
    expect(breakLines(prose(200), options(20)).map((l) => l.last)).toEqual([...Array(9).fill(false), true]);
  });

  it('loses no character and keeps every line within the column, whatever the text', () => {
    fc.assert(
      fc.property(hostileString(), fc.integer({ min: 2, max: 40 }), (text, width) => {
        const lines = breakLines(text, options(width));
        for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
        const printable = (s: string) => [...s].filter((ch) => !/[\p{Cc}\p{Cf}\p{Cs}\s]/u.test(ch)).join('');
        expect(lines.map((l) => printable(l.text)).join('')).toBe(printable(text));
      }),
    );
  });

  it('takes time linear in the text, for 100,000 characters of anything', () => {
    for (const [name, text] of Object.entries(adversarial(100_000))) {
      expect(timed(() => breakLines(text, options(45, 2))), name).toBeLessThan(BOUND_MS);
    }
  }, 120_000);
});
