import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStaticSearchIndex, type SearchableCaseJson } from '@/lib/static/search';
import { ByteReader, ByteWriter, compareCodePoints, decodeDocs, decodePostings, decodeShard, encodeDocs, encodeShard, shardOfToken, shardsOfPrefix, type IndexMeta } from '@/lib/static/search/codec.mjs';
import { indexable, PostingsBuilder } from '@/lib/static/search/postings';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';
import { caseFiles, memorySite } from './search-support';

// The index's files: what is written can be read back, every token is where a lookup looks for it,
// and a query downloads only the files of its own tokens.

let nextId = 1;
function kase(title: string, body: string, more: Partial<SearchableCaseJson> = {}): SearchableCaseJson & { label: string; place: string; issue: { number: number; label: string } } {
  const id = nextId++;
  return { id, issue: { number: 1, label: '第一期' }, position: id, label: `典型做法之${id}`, place: '全国', title, lead: '', sections: [{ heading: '主要做法', body }], tags: [], provinces: ['110000'], ...more } as never;
}

function metaOf(files: { path: string; body: string | Uint8Array }[]): IndexMeta {
  return JSON.parse(String(files.find((f) => f.path === '_search/meta.json')!.body)) as IndexMeta;
}

const request = (query: string, page = 1) => ({ query, filters: { issueNumber: null, province: null, page } });

describe('static search index: encoding', () => {
  it('reads back every number it writes, from 0 to 2^32 - 1', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 50 }), (numbers) => {
        const w = new ByteWriter(1);
        for (const n of numbers) w.uint(n);
        const r = new ByteReader(w.finish());
        expect(numbers.map(() => r.uint())).toEqual(numbers);
      }),
    );
  });

  it('stores positions as to_tsvector does: 255 per lexeme, none past 16383, no word of 2047 bytes', () => {
    const b = new PostingsBuilder();
    b.addDocument(0, ['住房', '公积', '住房']);
    b.addDocument(3, Array.from({ length: 300 }, () => '住房'));
    b.addDocument(700, [...Array.from({ length: 16389 }, (_, i) => `w${i}`), 'zz', 'yy']);
    const postings = (token: string) => [...decodePostings(b.postings(b.tokens.indexOf(token)), 0)];
    expect(postings('住房')).toEqual([
      [0, [1, 3]],
      [3, Array.from({ length: 255 }, (_, i) => i + 1)],
    ]);
    expect(postings('zz')).toEqual([[700, [16383]]]);
    expect(postings('w16382')).toEqual([[700, [16383]]]);
    expect(indexable(['ab', 'x'.repeat(2046), 'x'.repeat(2047), '育'.repeat(700), 'cd'])).toEqual(['ab', 'x'.repeat(2046), 'cd']);
  });

  it('reads back the document table as written', () => {
    const docs = { caseIds: [9, 4, 12], titleLengths: [3, 0, 17], issues: [{ number: 5, count: 2 }, { number: 1, count: 1 }], provinces: [{ code: '110000', docs: [0, 2] }, { code: '820000', docs: [1] }] };
    expect(decodeDocs(encodeDocs(docs))).toEqual({
      caseIds: [9, 4, 12],
      titleLengths: [3, 0, 17],
      issues: [{ number: 5, start: 0, count: 2 }, { number: 1, start: 2, count: 1 }],
      provinces: new Map([['110000', [0, 2]], ['820000', [1]]]),
    });
  });

  it('orders tokens as PostgreSQL orders lexemes (UTF-8 bytes), also past U+FFFF', () => {
    const sign = (n: number) => Math.sign(n);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 }), (a, b) => {
        expect(sign(compareCodePoints(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000 },
    );
    expect(compareCodePoints('\uffe5', '😀')).toBeLessThan(0);
  });

  it('refuses a truncated or foreign file instead of reading garbage', () => {
    const shard = encodeShard([{ token: '住房', postings: new Uint8Array([1, 0, 1, 1]) }]);
    expect(decodeShard(shard).tokens.get('住房')).toBeGreaterThan(0);
    expect(() => decodeShard(shard.subarray(0, shard.length - 1))).toThrow(/search index/u);
    expect(() => decodeShard(new Uint8Array([9, 0]))).toThrow(/unknown format/u);
    expect(() => new ByteReader(new Uint8Array([0x80, 0x80])).uint()).toThrow(/truncated/u);
  });
});

describe('static search index: sharding', () => {
  const frequent = '镇乡市区村中郊内外建管治理';
  const cases = Array.from({ length: 60 }, (_, i) =>
    kase(`第${i}个案例城镇化`, Array.from({ length: 40 }, (_, k) => `城${frequent[(i + k) % frequent.length]}教育住房${String.fromCharCode(0x4e00 + ((i * 7 + k) % 500))}`).join('，'), { position: i + 1 }),
  );
  const files = buildStaticSearchIndex(cases, { targetShardBytes: 1024 });
  const meta = metaOf(files);

  it('splits a frequent first character into several files and keeps the rest in hashed buckets', () => {
    expect(meta.split['城']).toBeGreaterThan(1);
    expect(meta.buckets).toBeGreaterThan(1);
    expect(files.filter((f) => f.path.startsWith(`_search/${meta.id}/c${'城'.codePointAt(0)!.toString(16)}-`))).toHaveLength(meta.split['城']!);
  });

  it('puts every token in the file an exact lookup reads, which is among the files its first character may be in', () => {
    for (const f of files.filter((x) => x.path.endsWith('.bin') && !x.path.endsWith('docs.bin'))) {
      const name = f.path.split('/').pop()!.replace(/\.bin$/u, '');
      for (const token of decodeShard(f.body as Uint8Array).tokens.keys()) {
        expect(shardOfToken(meta, token)).toBe(name);
        expect(shardsOfPrefix(meta, token.slice(0, 1))).toContain(name);
      }
    }
  });

  it('downloads only the files of the query: one shard for a word, all of a split character for a single character', async () => {
    const site = memorySite([...files, ...caseFiles(cases)]);
    const engine = createStaticSearch(site.fetchFile);
    expect((await engine.search(request('住房'))).total).toBe(60);
    const shards = () => site.requested.filter((p) => p.startsWith('_search/') && p.endsWith('.bin') && !p.endsWith('docs.bin'));
    expect(shards()).toEqual([`_search/${meta.id}/${shardOfToken(meta, '住房')}.bin`]);
    expect(site.requested.filter((p) => p.startsWith('api/public/cases/'))).toHaveLength(20);

    site.requested.length = 0;
    expect((await engine.search(request('城'))).total).toBe(60);
    expect(shards().sort()).toEqual(shardsOfPrefix(meta, '城').map((s) => `_search/${meta.id}/${s}.bin`).sort());
  });

  it('answers a word no case contains with no results, not an error', async () => {
    const engine = createStaticSearch(memorySite([...files, ...caseFiles(cases)]).fetchFile);
    for (const q of ['龘龘', '龘', 'zzz', '城龘']) expect((await engine.search(request(q))).total, q).toBe(0);
  });

  it('builds the same files from the same cases, in any order, and a new index id when the text changes', () => {
    const again = buildStaticSearchIndex([...cases].reverse(), { targetShardBytes: 1024 });
    expect(again).toEqual(files);
    const changed = buildStaticSearchIndex([...cases.slice(1), { ...cases[0]!, title: '改过的标题' }], { targetShardBytes: 1024 });
    expect(metaOf(changed).id).not.toBe(meta.id);
  });

  it('starts again from meta.json when a new index replaced the one it began with', async () => {
    const older = buildStaticSearchIndex(cases.slice(0, 30), { targetShardBytes: 1024 });
    let served = [...older, ...caseFiles(cases)];
    const engine = createStaticSearch(async (path, options) => {
      const response = await memorySite(served).fetchFile(path, options);
      // The release changes right after meta.json of the old one was read.
      if (path === '_search/meta.json') served = [...files, ...caseFiles(cases)];
      return response;
    });
    expect((await engine.search(request('住房'))).total).toBe(60);
  });
});
