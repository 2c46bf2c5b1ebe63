import { describe, expect, it } from 'vitest';
import { listProvinces } from '@/lib/regions';
import { seedSentences, seedShapes, syntheticCase, syntheticSource } from '@/scripts/bench/synthetic';

// The scale benchmark's cases are made from the seed compilation: the same structure as a real
// case, text of about the same length, a province each, and the same data on every run.

describe('synthetic cases from the seed', () => {
  const shapes = seedShapes();

  it('reads every case of the seed compilation as a shape', () => {
    expect(shapes).toHaveLength(25);
  });

  it("keeps the seed case's profile, lead, section kinds and headings and themes", () => {
    const source = syntheticSource(1);
    for (const i of [0, 7, 24, 25]) {
      const shape = shapes[i % shapes.length]!;
      const made = syntheticCase(source, i);
      expect(made.profile).toEqual(shape.profile);
      expect(made.lead).toBe(shape.lead);
      expect(made.tags).toEqual(shape.tags);
      expect(made.sections.map((s) => [s.kind, s.heading])).toEqual(shape.sections.map((s) => [s.kind, s.heading]));
    }
  });

  it("writes bodies at least as long as the seed's, from the seed's own sentences, and names one real province", () => {
    const source = syntheticSource(2);
    const provinces = new Set(listProvinces().map((p) => p.code));
    const made = syntheticCase(source, 3);
    const sentences = new Set(seedSentences());
    for (const s of made.sections) for (const sentence of s.body.split('。').filter(Boolean)) expect(sentences.has(sentence)).toBe(true);
    made.sections.forEach((s, k) => {
      expect(s.body.length).toBeGreaterThanOrEqual(shapes[3]!.sections[k]!.body.length);
      expect(s.body.length).toBeLessThan(shapes[3]!.sections[k]!.body.length + 400);
    });
    expect(made.regions).toHaveLength(1);
    expect(provinces.has(made.regions[0]!)).toBe(true);
    expect(made.title.startsWith(listProvinces().find((p) => p.code === made.regions[0])!.name)).toBe(true);
  });

  it('is the same on every run for the same seed, and varies from case to case', () => {
    const a = syntheticSource(7);
    const b = syntheticSource(7);
    const first = Array.from({ length: 30 }, (_, i) => syntheticCase(a, i));
    expect(Array.from({ length: 30 }, (_, i) => syntheticCase(b, i))).toEqual(first);
    expect(new Set(first.map((c) => c.title)).size).toBeGreaterThan(25);
  });
});
