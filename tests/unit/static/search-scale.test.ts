import { describe, expect, it } from 'vitest';
import { buildStaticSearchIndex } from '@/lib/static/search';
import { indexBytes, queryCost, syntheticCaseDocuments } from './search-synthetic';

// At 1,000 seed-shaped cases a search must not download the whole index: a word costs one shard
// (plus meta.json, the document table and the shown page's case documents), a single character
// the shards of that character only.

describe('static search index at 1,000 cases', () => {
  const cases = syntheticCaseDocuments(1000);
  const index = buildStaticSearchIndex(cases);
  const total = indexBytes(index);

  it.each(['教育', '住房公积金', '农业转移人口'])('downloads a small part of the index for %s', async (q) => {
    const cost = await queryCost(index, cases, q);
    expect(cost.total).toBeGreaterThan(0);
    expect(cost.shards).toBeLessThanOrEqual(q.length - 1);
    expect(cost.indexBytes).toBeLessThan(total / 10);
  });

  it('downloads only the shards of one character for a single-character query', async () => {
    const cost = await queryCost(index, cases, '城');
    expect(cost.total).toBeGreaterThan(0);
    expect(cost.indexBytes).toBeLessThan(total / 4);
  });
});
