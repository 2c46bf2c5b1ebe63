import fs from 'node:fs';
import path from 'node:path';
import type { CaseContent } from '@/lib/content/model';
import { contentFromParsedCase } from '@/lib/import/content';
import { parseCompilation } from '@/lib/import/parse';
import { listProvinces, type ProvinceOption } from '@/lib/regions';

// Synthetic content for the benchmarks, made from the seed compilation so that its text, lengths
// and structure look like the real thing. Deterministic: two runs write the same data.

const SEED_FILE = path.join(process.cwd(), 'db', 'seed', 'compilation.txt');

export function readSeed(): string {
  return fs.readFileSync(SEED_FILE, 'utf8');
}

/** A deterministic pseudo-random source, so two runs seed the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

/** Sentences of the seed compilation: realistic Chinese for the search index. */
export function seedSentences(text: string = readSeed()): string[] {
  return text.split(/[。\n]/u).map((s) => s.trim()).filter((s) => s.length >= 12);
}

/** The seed's cases as their first revisions store them: the shapes synthetic cases copy. */
export function seedShapes(text: string = readSeed()): CaseContent[] {
  return parseCompilation(text).issues.flatMap((issue) => issue.cases.map(contentFromParsedCase));
}

export interface SyntheticSource {
  shapes: CaseContent[];
  sentences: string[];
  provinces: ProvinceOption[];
  rand: () => number;
}

export function syntheticSource(seed: number, text: string = readSeed()): SyntheticSource {
  return { shapes: seedShapes(text), sentences: seedSentences(text), provinces: listProvinces(), rand: rng(seed) };
}

/**
 * Case i: the structure of a seed case (profile, lead, section kinds and headings, themes) with a
 * province of its own, a title and section bodies of about the seed's length drawn from the seed's
 * sentences, so that search postings and page sizes vary as real content does.
 */
export function syntheticCase(source: SyntheticSource, i: number): CaseContent {
  const { shapes, sentences, provinces, rand } = source;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const shape = shapes[i % shapes.length]!;
  const province = pick(provinces);
  const body = (length: number) => {
    const parts: string[] = [];
    let size = 0;
    while (size < length) {
      const sentence = pick(sentences);
      parts.push(sentence);
      size += sentence.length + 1;
    }
    return `${parts.join('。')}。`;
  };
  return {
    ...shape,
    title: `${province.name}${pick(sentences).slice(0, 18)}`,
    regions: [province.code],
    sections: shape.sections.map((s) => ({ ...s, body: body(s.body.length) })),
  };
}
