import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '@/lib/search/query.mjs';
import { buildStaticSearchIndex, type SearchableCaseJson } from '@/lib/static/search';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';
import { caseFiles, memorySite } from './search-support';

// What a query finds in the snapshot, on the edges of the app's token rules (lib/search/tokens):
// runs of a query are phrases of bigrams, a single CJK character or a Latin/digit word is the start
// of a token, text is NFKC-normalized and lower-cased, and a query is cleaned as the app cleans it.

function site(docs: Record<string, { title?: string; body: string }>) {
  const cases = Object.entries(docs).map(([key, d], i) => ({
    id: i + 1,
    issue: { number: 1, label: '第一期' },
    position: i + 1,
    label: `典型做法之${i + 1}`,
    place: '全国',
    title: d.title ?? key,
    lead: '',
    sections: [{ heading: '做法', body: d.body }],
    tags: [],
    provinces: ['110000'],
  })) satisfies SearchableCaseJson[];
  const engine = createStaticSearch(memorySite([...buildStaticSearchIndex(cases), ...caseFiles(cases)]).fetchFile);
  return async (q: string) => {
    const result = await engine.search(parseSearchParams({ q }));
    return { ...result, titles: result.hits.map((h) => h.title) };
  };
}

describe('static search: phrases and single characters', () => {
  const search = site({
    进城务工: { body: '农民工进城务工，享受同等服务。' },
    农民进城: { body: '推动农民进城。' },
    孤字: { body: '城，乡，田。' },
    公积金: { body: '将灵活就业人员纳入住房公积金制度。' },
    分散: { body: '完善住房保障，扩大公积金覆盖面。' },
  });

  it('finds a single character where a two-character token starts with it, not where a run ends with it', async () => {
    expect((await search('务')).titles).toEqual(['进城务工']);
    // 城 starts 城务 in 进城务工 and stands alone in 城，乡; in 推动农民进城 it only ends a run.
    expect((await search('城')).titles.sort()).toEqual(['孤字', '进城务工'].sort());
  });

  it('finds a phrase only where its characters stand together', async () => {
    expect((await search('住房公积金')).titles).toEqual(['公积金']);
    expect((await search('住房 公积金')).titles.sort()).toEqual(['公积金', '分散'].sort());
    expect((await search('保障公积金')).total).toBe(0);
  });

  it('marks the whole phrase in the snippet', async () => {
    const [hit] = (await search('住房公积金')).hits;
    expect(hit!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['住房公积金']);
  });
});

describe('static search: letters, digits and odd input', () => {
  const search = site({
    全角: { body: '采用政府和社会资本合作（ＰＰＰ）模式，２０２３年底建成。' },
    半角: { body: '推广 ppp 模式。' },
    嵌入: { body: '以PPP模式推进。' },
    住房: { title: '完善住房公积金制度', body: '扩大覆盖面。' },
  });

  it('finds full-width letters and digits by their ordinary forms and the other way round', async () => {
    for (const q of ['PPP', 'ppp', 'ＰＰＰ', 'ｐＰｐ']) expect((await search(q)).titles.sort(), q).toEqual(['全角', '半角'].sort());
    // A shorter start also starts the token pp of 以PPP模式.
    expect((await search('Ｐｐ')).titles.sort()).toEqual(['全角', '半角', '嵌入'].sort());
    for (const q of ['2023年', '２０２３年']) expect((await search(q)).titles, q).toEqual(['全角']);
  });

  it('treats Latin letters written into Chinese text as part of it, as the app does', async () => {
    // 以PPP模式 is one run: its tokens are pp, pp, p模, 模式…, so the word ppp is not in it.
    expect((await search('PPP')).titles).not.toContain('嵌入');
    expect((await search('pp模式')).titles).toEqual(['嵌入']);
  });

  it('searches around lone surrogates and control characters as the app cleans them', async () => {
    expect((await search('住房\udc00公积金')).titles).toEqual(['完善住房公积金制度']);
    expect((await search('住房\u0000公积金')).titles).toEqual(['完善住房公积金制度']);
    expect(await search('\ud800')).toMatchObject({ notice: 'empty', total: 0 });
    expect(await search('😀')).toMatchObject({ notice: 'unsearchable', total: 0 });
    expect(await search('')).toMatchObject({ notice: 'empty', total: 0 });
  });

  it('puts title matches first and says which they are', async () => {
    const result = await search('住房');
    expect(result.hits.map((h) => [h.title, h.titleMatch])).toEqual([['完善住房公积金制度', true]]);
    expect(result.hits[0]!.titleParts).toEqual([
      { text: '完善', hit: false },
      { text: '住房', hit: true },
      { text: '公积金制度', hit: false },
    ]);
  });
});
