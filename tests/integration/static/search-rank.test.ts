import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '@/db/client';
import { parseSearchParams } from '@/lib/public/search';
import { buildStaticSearchIndex } from '@/lib/static/search';
import { createStaticSearch } from '@/lib/static/search/engine.mjs';
import { documentTokens, queryTsquery, searchableText } from '@/lib/search/tokens';
import { createTestDatabase, testTarget } from '../support/test-db';
import { caseFiles, memorySite } from '../../unit/static/search-support';

// The snapshot orders results by recomputing ts_rank from its index. Over a corpus made to have
// many repeated phrases, near-ties and PostgreSQL's tsvector limits (a lexeme keeps 255 positions,
// positions stop at 16383), its order must be the database's own: title matches first, ts_rank,
// newest issue, position — the ORDER BY of lib/public/search.ts, run here on the same vectors.

let seed = 20240601;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const ALPHABET = Array.from('住房公积金教育城镇化人口');
const word = () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => pick(ALPHABET)).join('');
const text = (words: number) => Array.from({ length: words }, () => (random() < 0.08 ? pick(['ppp', 'pp', 'abc', '2023']) : word())).join(random() < 0.5 ? '，' : ' ');

describe(`static search ranks as ts_rank does (${testTarget})`, () => {
  let database: Database;
  let search: (q: string, page: number) => ReturnType<ReturnType<typeof createStaticSearch>['search']>;
  const corpus = Array.from({ length: 240 }, (_, i) => ({
    id: i + 1,
    issue: { number: 1 + (i % 6), label: '' },
    position: 1 + Math.floor(i / 6),
    label: '',
    place: '',
    title: text(2),
    lead: random() < 0.3 ? text(4) : '',
    sections: [{ heading: '主要做法', body: text(10 + Math.floor(random() * 150)) }],
    tags: random() < 0.2 ? ['住房'] : [],
    provinces: ['110000'],
  }));
  // Past the limits: a lexeme repeated more than 255 times, and a document longer than 16383 tokens.
  corpus[7]!.sections.push({ heading: '重复', body: `${'住房，'.repeat(300)}住房公积金` });
  corpus[8]!.sections.push({ heading: '很长', body: `${'教育人口 '.repeat(6000)}城镇化住房公积金` });

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await db.execute(sql`create table static_rank_docs (id integer primary key, num integer, pos integer, sv tsvector, tv tsvector)`);
    for (const c of corpus) {
      await db.execute(
        sql`insert into static_rank_docs values (${c.id}, ${c.issue.number}, ${c.position}, to_tsvector('simple', ${documentTokens(searchableText(c))}), to_tsvector('simple', ${documentTokens(c.title)}))`,
      );
    }
    const engine = createStaticSearch(memorySite([...buildStaticSearchIndex(corpus, { targetShardBytes: 4096 }), ...caseFiles(corpus)]).fetchFile);
    search = (q, page) => engine.search(parseSearchParams({ q, page: String(page) }));
  });
  afterAll(async () => {
    await database?.close();
  });

  async function databaseOrder(q: string) {
    const query = sql`to_tsquery('simple', ${queryTsquery(parseSearchParams({ q }).query)})`;
    return rowsOf<{ id: number; t: boolean }>(
      await database.db.execute(
        sql`select id, tv @@ ${query} as t from static_rank_docs where sv @@ ${query} order by tv @@ ${query} desc, ts_rank(sv, ${query}) desc, num desc, pos asc`,
      ),
    ).map((r) => `${r.id}${r.t ? '*' : ''}`);
  }

  async function staticOrder(q: string) {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const result = await search(q, page);
      out.push(...result.hits.map((h) => `${h.caseId}${h.titleMatch ? '*' : ''}`));
      if (result.hits.length < result.pageSize) return out;
    }
  }

  const fixed = ['住房', '住', '金', '公积金', '住房公积金', '教育 城镇', '城镇化', 'p', 'pp', 'ppp 教', '2023', '金金', '金金金', '房公 人口', '公积金 住房 教', '教育人口', '人口教育', '育人', '住房住房'];
  it.each(fixed)('orders the results of %s as the database does', async (q) => {
    expect(await staticOrder(q)).toEqual(await databaseOrder(q));
  });

  it('orders the results of queries cut from the corpus itself as the database does', async () => {
    let compared = 0;
    for (let i = 0; i < 40; i++) {
      const doc = pick(corpus);
      const body = doc.sections[0]!.body.replace(/[^住房公积金教育城镇化人口]/gu, '');
      const start = Math.floor(random() * Math.max(1, body.length - 6));
      const q = [body.slice(start, start + 1 + Math.floor(random() * 5)), random() < 0.4 ? pick(ALPHABET) : ''].join(' ').trim();
      const expected = await databaseOrder(q);
      expect(await staticOrder(q), q).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('misses what the database misses past its tsvector limits', async () => {
    expect(await databaseOrder('住房公积金')).not.toContain('8');
    expect(await staticOrder('城镇化住房公积金')).toEqual(await databaseOrder('城镇化住房公积金'));
  });
});
