// Synthetic case documents for measuring the static search index at scale: the benchmarks' seed-
// shaped cases (scripts/bench/synthetic.ts), numbered into issues of 20 as the JSON API shows them.
import { syntheticCase, syntheticSource } from '@/scripts/bench/synthetic';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';
import { parseSearchParams } from '@/lib/search/query.mjs';
import type { StaticFile } from '@/lib/static/search';
import { caseFiles, memorySite } from './search-support';

/** `count` cases; `extraSections` more sections of seed sentences per case make them longer (the seed's are ~850 characters). */
export function syntheticCaseDocuments(count: number, options: { seed?: number; extraSections?: number } = {}) {
  const source = syntheticSource(options.seed ?? 7);
  return Array.from({ length: count }, (_, i) => {
    const base = syntheticCase(source, i);
    const extra = Array.from({ length: options.extraSections ?? 0 }, () => syntheticCase(source, i).sections).flat();
    const c = { ...base, sections: [...base.sections, ...extra] };
    const issue = Math.floor(i / 20) + 1;
    return {
      id: i + 1,
      issue: { number: issue, label: `第${issue}期`, title: '' },
      position: (i % 20) + 1,
      label: `典型做法之${(i % 20) + 1}`,
      place: c.regions.join('、'),
      title: c.title,
      lead: c.lead,
      sections: c.sections.map((s) => ({ heading: s.heading, body: s.body })),
      tags: c.tags,
      provinces: [...new Set(c.regions.map((r) => `${r.slice(0, 2)}0000`))],
    };
  });
}

const size = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.byteLength(body) : body.length);

/** What one search downloads from the snapshot (first page), by kind of file, and how long it computes. */
export async function queryCost(index: readonly StaticFile[], cases: readonly { id: number }[], q: string) {
  const files = [...index, ...caseFiles(cases)];
  const bytes = new Map(files.map((f) => [f.path, size(f.body)]));
  const site = memorySite(files);
  const started = performance.now();
  const result = await createStaticSearch(site.fetchFile).search(parseSearchParams({ q }));
  const ms = performance.now() - started;
  const sum = (filter: (p: string) => boolean) => site.requested.filter(filter).reduce((n, p) => n + (bytes.get(p) ?? 0), 0);
  return {
    total: result.total,
    ms,
    shards: site.requested.filter((p) => p.startsWith('_search/') && p.endsWith('.bin') && !p.endsWith('docs.bin')).length,
    indexBytes: sum((p) => p.startsWith('_search/')),
    caseBytes: sum((p) => p.startsWith('api/public/cases/')),
  };
}

export function indexBytes(files: readonly StaticFile[]): number {
  return files.reduce((n, f) => n + size(f.body), 0);
}
