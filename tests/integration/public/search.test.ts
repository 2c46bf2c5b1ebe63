import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { parseSearchParams, searchPublishedCases } from '@/lib/public/search';
import type { SearchFilters } from '@/lib/public/types';
import { sampleContent as baseContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, createStaff, publishIssue } from './content';

const all: SearchFilters = { issueNumber: null, province: null, page: 1 };

describe(`public search (${testTarget})`, () => {
  let database: Database;
  const search = (q: string, filters: Partial<SearchFilters> = {}) => searchPublishedCases(database.db, q, { ...all, ...filters });

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const staff = await createStaff(db);
    const one = await createIssue(db, staff, 1, '基本公共服务');
    const section = (body: string) => [{ kind: 'practice' as const, heading: '主要做法', body }];
    const sampleContent = (o: Parameters<typeof baseContent>[0]) => baseContent({ tags: [], ...o });
    await addCase(db, staff, sampleContent({ title: '深圳市扩大义务教育学位供给', regions: ['440300'], sections: section('一是实行积分入学。二是发放学位补贴。') }), one, 'approved');
    await addCase(db, staff, sampleContent({ title: '芜湖市支持农业转移人口缴存住房公积金', regions: ['340200'], sections: section('将灵活就业人员纳入住房公积金制度。') }), one, 'approved');
    await addCase(db, staff, sampleContent({ title: '海门区推进集团化办学', regions: ['320614'], sections: section('以城区学校带动乡村学校，促进义务教育均衡发展。') }), one, 'approved');
    const two = await createIssue(db, staff, 2, '城市群');
    await addCase(db, staff, sampleContent({ title: '长江中游城市群协同发展', regions: ['420000', '430000', '360000'], profile: null, lead: '湖北、湖南、江西三省共建。', sections: section('推动教育医疗资源共享，住房保障互认。') }), two, 'approved');
    await publishIssue(db, staff, one);
    await publishIssue(db, staff, two);
  });
  afterAll(async () => {
    await database?.close();
  });

  // 教育 is in one title and two bodies; 住房 in two cases; 公积金 and the phrase in one; 义务教育 in two.
  it.each([
    ['教育', 3],
    ['住房', 2],
    ['公积金', 1],
    ['住房公积金', 1],
    ['义务教育', 2],
  ] as const)('finds the two-character word or phrase %s in exactly %i cases', async (q, total) => {
    const result = await search(q);
    expect(result.total).toBe(total);
    expect(result.hits).toHaveLength(total);
    for (const hit of result.hits) expect(`${hit.title}${hit.snippet.map((p) => p.text).join('')}`).toContain(q);
  });

  it('does not match a phrase whose characters are only scattered', async () => {
    expect((await search('教育公积金')).total).toBe(0);
  });

  it('ranks title matches above body-only matches', async () => {
    const result = await search('义务教育');
    expect(result.hits.map((h) => h.title)).toEqual(['深圳市扩大义务教育学位供给', '海门区推进集团化办学']);
    expect(result.hits.map((h) => h.titleMatch)).toEqual([true, false]);
  });

  it('highlights every match in the title and the snippet', async () => {
    const [hit] = (await search('住房公积金')).hits;
    expect(hit!.titleParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['住房公积金']);
    expect(hit!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['住房公积金']);
  });

  it('filters by issue and by province, cluster cases counting for each province they name', async () => {
    expect((await search('教育', { issueNumber: 2 })).hits.map((h) => h.title)).toEqual(['长江中游城市群协同发展']);
    expect((await search('教育', { province: '430000' })).hits.map((h) => h.title)).toEqual(['长江中游城市群协同发展']);
    expect((await search('教育', { province: '320000' })).hits.map((h) => h.title)).toEqual(['海门区推进集团化办学']);
    expect((await search('', { province: '340000' })).hits.map((h) => h.title)).toEqual(['芜湖市支持农业转移人口缴存住房公积金']);
  });

  // Each odd query with what it must find: nothing, unless real words survive the cleaning.
  const FUWU = '芜湖市支持农业转移人口缴存住房公积金';
  const CLUSTER = '长江中游城市群协同发展';
  const odd: [string, string[]][] = [
    ['', []],
    ['   ', []],
    ['教'.repeat(1000), []],
    ['a'.repeat(1000), []],
    ['"住房"', [FUWU, CLUSTER]],
    ["'; drop table published_cases; --", []],
    ["住房' OR 1=1 --", []],
    ['!(&|<->):*\\', []],
    ['😀👍🏽', []],
    ['\ud800', []],
    ['住房\udc00公积金', [FUWU]],
    ['\u0000\u001f', []],
    ['SELECT * FROM cases', []],
    ['<script>alert(1)</script>', []],
  ];
  it.each(odd.map(([q, titles]) => [JSON.stringify(q).slice(0, 40), q, titles] as const))('answers the odd query %s with exactly what it names', async (_label, q, titles) => {
    const { query, filters } = parseSearchParams({ q, issue: 'x', province: '99', page: '-1' });
    const result = await searchPublishedCases(database.db, query, filters);
    expect(result.total).toBe(titles.length);
    expect(result.hits.map((h) => h.title).sort()).toEqual([...titles].sort());
  });

  it('explains an empty query and one with nothing searchable in it instead of searching', async () => {
    expect((await search('')).notice).toBe('empty');
    expect((await search('😀!!')).notice).toBe('unsearchable');
  });

  it('still finds a case from a pasted 1,000-character passage that starts with its words', async () => {
    const { query } = parseSearchParams({ q: `住房公积金${'。'.repeat(995)}` });
    expect((await search(query)).hits.map((h) => h.title)).toEqual(['芜湖市支持农业转移人口缴存住房公积金']);
  });
});
