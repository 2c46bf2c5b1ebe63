// Comparing two revisions: a character diff costs the length of the texts times the number of
// edits, so two very different long sections kept the server busy for minutes. Past a bound the
// comparison falls back to whole paragraphs, and says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '@/lib/content/model';
import { diffContents, MAX_CHAR_EDITS, type FieldDiff } from '@/lib/services/revision-diff';
import { BOUND_MS, hostileString, prose, timed } from './support';

const kase = (bodies: string[], lead = ''): CaseContent => ({
  title: '义乌市扩大义务教育学位供给',
  regions: ['330782'],
  profile: null,
  lead,
  sections: bodies.map((body, i) => ({ kind: 'custom', heading: `段落${i}`, body })),
  tags: ['教育'],
});

/** The text each side of a diff reads back from its parts. */
const sides = (d: FieldDiff) => ({
  before: d.parts.filter((p) => !p.added).map((p) => p.value).join(''),
  after: d.parts.filter((p) => !p.removed).map((p) => p.value).join(''),
});

/** Distinct Chinese characters in a shuffled order: a text that shares almost nothing with another. */
function scrambled(length: number, seed: number): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    out += String.fromCharCode(0x4e00 + (s % 3000));
  }
  return out;
}

describe('revision diff: properties', () => {
  it('reads both revisions back from the parts of every field and section', () => {
    fc.assert(
      fc.property(fc.array(hostileString(60), { maxLength: 4 }), fc.array(hostileString(60), { maxLength: 4 }), (a, b) => {
        const diff = diffContents(kase(a), kase(b));
        for (const s of diff.sections) {
          const { before, after } = sides(s);
          expect(before).toBe(s.fromIndex === null ? '' : a[s.fromIndex]);
          expect(after).toBe(s.toIndex === null ? '' : b[s.toIndex]);
        }
        for (const f of diff.fields) expect(f.changed).toBe(sides(f).before !== sides(f).after);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a character diff for an ordinary edit of a long section', () => {
    const body = prose(50_000);
    const edited = `${body.slice(0, 20_000)}随迁子女${body.slice(20_000, 40_000)}${body.slice(40_100)}`;
    const [section] = diffContents(kase([body]), kase([edited])).sections;
    expect(section!.coarse).toBe(false);
    expect(sides(section!)).toEqual({ before: body, after: edited });
    const changed = section!.parts.filter((p) => p.added || p.removed).reduce((n, p) => n + p.value.length, 0);
    expect(changed).toBeLessThanOrEqual(104);
  });
});

describe('revision diff: very different revisions', () => {
  it('compares two unrelated 50,000-character sections in time, by paragraph, and says so', () => {
    const from = kase([`${scrambled(25_000, 1)}\n${scrambled(25_000, 2)}`]);
    const to = kase([`${scrambled(25_000, 3)}\n${scrambled(25_000, 2)}`]);
    let sections: FieldDiff[] = [];
    expect(timed(() => (sections = diffContents(from, to).sections))).toBeLessThan(BOUND_MS);
    expect(sections[0]!.coarse).toBe(true);
    expect(sections[0]!.parts.map((p) => [p.added, p.removed, p.value.length])).toEqual([
      [false, true, 25_001],
      [true, false, 25_001],
      [false, false, 25_000],
    ]);
  }, 60_000);

  it('bounds a reordered section (same characters, other order) and a long repetitive one', () => {
    const body = prose(50_000);
    const reordered = `${body.slice(25_000)}${body.slice(0, 25_000)}`;
    let moved = diffContents(kase([body]), kase([reordered]));
    expect(timed(() => (moved = diffContents(kase([body]), kase([reordered]))))).toBeLessThan(BOUND_MS);
    expect(moved.sections[0]!.coarse).toBe(true);
    const a = 'a'.repeat(50_000);
    const b = 'ab'.repeat(25_000);
    let diff = diffContents(kase([a]), kase([b]));
    expect(timed(() => (diff = diffContents(kase([a]), kase([b]))))).toBeLessThan(BOUND_MS);
    expect(sides(diff.sections[0]!)).toEqual({ before: a, after: b });
  }, 60_000);

  it('compares 30 rewritten sections and a rewritten lead within a few seconds in all', () => {
    const from = kase(Array.from({ length: 30 }, (_, i) => prose(20_000).slice(i * 100)), prose(5000));
    const to = kase(Array.from({ length: 30 }, (_, i) => [...prose(20_000).slice(i * 100)].reverse().join('')), scrambled(5000, 9));
    expect(timed(() => diffContents(from, to))).toBeLessThan(BOUND_MS * 3);
  }, 60_000);

  it(`shows more than ${MAX_CHAR_EDITS} scattered edits as changed paragraphs`, () => {
    // Every other paragraph has its sentences' full stops and first characters swapped.
    const paragraphs = Array.from({ length: 40 }, (_, i) => prose(2000 + i));
    const edited = paragraphs.map((p, i) => (i % 2 === 0 ? p.replace(/(.)。/gu, '。$1') : p));
    const [section] = diffContents(kase([paragraphs.join('\n')]), kase([edited.join('\n')])).sections;
    expect(section!.coarse).toBe(true);
    expect(section!.parts.filter((p) => p.removed)).toHaveLength(20);
    expect(sides(section!)).toEqual({ before: paragraphs.join('\n'), after: edited.join('\n') });
  });
});
