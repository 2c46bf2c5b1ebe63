// Inputs a hostile or careless paste can produce, and a stopwatch. Shared by the property tests
// of every function that runs on user text.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Every kind of whitespace and line separator the functions must treat deliberately. */
export const WHITESPACE = [' ', '\t', '\v', '\f', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u2029', '\u0085', '\u200b', '\r', '\n'];

/** Characters that carry meaning for the parser and the proofreader. */
const MEANINGFUL = [
  ...WHITESPACE,
  '第', '期', '典型做法之', '（', '）', '(', ')', '【', '】', '“', '”', '"', '《', '》', '一', '二', '十', '百', '是',
  '1', '２', '0', ':', '：', '，', ',', '。', '.', '、', '；', '年', '月', '日', '万', '亿', '余', '多', '人', '个', '家',
  '平方公里', '%', '的', '了', '培训', '省', '市', '江苏', '北京', 'İ', 'a', 'Z',
  '\u0000', '\u001f', '\u007f', '\u0301', '\u200d', '\ud800', '\udc00', '😀', '𠀀',
];

/** Strings made of the characters above, any surrogate or control character, and plain text. */
export const hostileString = (maxLength = 300): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...MEANINGFUL),
        fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
        fc.string({ unit: 'binary', maxLength: 3 }),
        fc.string({ unit: 'grapheme', maxLength: 3 }),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** Repeats `unit` to exactly `length` UTF-16 units. */
export const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The seed compilation: realistic text in the shape the importer reads. */
export const SEED = fs.readFileSync(path.join(__dirname, '../../../db/seed/compilation.txt'), 'utf8');

const SEED_PROSE = SEED.replace(/\n+/gu, '');

/** Realistic prose of `length` characters (the seed's paragraphs run together, repeated). */
export const prose = (length: number): string => fill(SEED_PROSE, length);

/**
 * The long inputs that made the old code backtrack or rescan: runs of every whitespace kind,
 * brackets, digits, repeated markers. Each is `length` characters long.
 */
export function adversarial(length: number): Record<string, string> {
  const half = Math.floor(length / 2);
  return {
    'spaces then a separator': `第1期${fill(' ', length)}x\u2028y`,
    'every whitespace kind': fill(WHITESPACE.join(''), length),
    'ideographic spaces': fill('\u3000', length),
    'repeated issue markers': fill('第1期 ', length),
    'repeated case markers': fill('典型做法之', length),
    'repeated section labels': fill('（一）', length),
    'open brackets': fill('((((（（（【“', length),
    // One character outside Latin-1, so the engine cannot skip the search for Chinese inside.
    'nested brackets': `—${fill('(', half - 1)}${fill(')', half)}`,
    'unclosed then stray closers': fill('（', half) + fill('】', half),
    'closing brackets': fill(')）', length),
    'digits': fill('1', length),
    'doubled function words': fill('的', length),
    'years': fill('年', length),
    'counters': fill('人个家', length),
    'magnitudes': fill('亿', length),
    'units': fill('平方公里', length),
    'straight quotes': fill('"', length),
    'commas and spaces': fill('， ', length),
    'doubled punctuation': fill('，，字', length),
    'half-width commas': fill('字,', length),
    'lone surrogates': fill('\ud800a\udc00', length),
    'control characters': fill('\u0000\u0001\u001f\u007f\u0085', length),
    'marks after punctuation': fill('。\u0301人', length),
    'prose': prose(length),
  };
}

/** Milliseconds `run` takes. */
export function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * The bound a 100,000-character input must finish in. Linear code takes milliseconds to a few
 * hundred; the backtracking and rescanning code took minutes to hours. Generous, so a loaded
 * two-core machine never fails it.
 */
export const BOUND_MS = 2000;
