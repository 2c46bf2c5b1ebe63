import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_TAG } from '@/lib/public/cache';
import { formatDateZh, isoDateZh, placeLabel } from '@/lib/public/format';
import { serializeJsonLd } from '@/lib/public/jsonld';
import { cleanQuery, parseSearchParams } from '@/lib/public/search';
import { highlight, snippetOf } from '@/lib/public/snippet';
import { parseId, paths } from '@/lib/public/urls';

describe('public site helpers', () => {
  it('uses the same cache tag in the app and in the cache handler Next loads separately', () => {
    const handler = fs.readFileSync(path.resolve(__dirname, '../../../lib/public/cache-handler.mjs'), 'utf8');
    expect(handler).toContain(`export const PUBLIC_TAG = '${PUBLIC_TAG}';`);
  });

  it('writes dates the Chinese way, in China time', () => {
    expect(formatDateZh('2026-11-24T16:30:00.000Z')).toBe('2026年11月25日');
    expect(formatDateZh('2026-03-05T02:00:00.000Z')).toBe('2026年3月5日');
    expect(isoDateZh('2026-11-24T16:30:00.000Z')).toBe('2026-11-25');
  });

  it('names places in full, and a cluster by each of its provinces', () => {
    expect(placeLabel(['320614'])).toBe('江苏省南通市海门区');
    expect(placeLabel(['420000', '430000'])).toBe('湖北省、湖南省');
  });

  it('marks every match, longest term first, case-insensitively', () => {
    expect(highlight('住房公积金与住房', ['住房', '住房公积金'])).toEqual([
      { text: '住房公积金', hit: true },
      { text: '与', hit: false },
      { text: '住房', hit: true },
    ]);
    expect(highlight('GDP增长', ['gdp'])).toEqual([
      { text: 'GDP', hit: true },
      { text: '增长', hit: false },
    ]);
    expect(highlight('没有', [])).toEqual([{ text: '没有', hit: false }]);
  });

  it('cuts a snippet around the first match without splitting an emoji', () => {
    const body = `${'前'.repeat(200)}😀公积金${'后'.repeat(200)}`;
    const parts = snippetOf(body, ['公积金'], 40);
    const text = parts.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['公积金']);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/u);
  });

  it('cleans queries: lone surrogates, control characters, over-long input', () => {
    expect(cleanQuery(' 住房\ud800公积金\u0000 ')).toBe('住房 公积金');
    expect(cleanQuery('教'.repeat(2000))).toHaveLength(1000);
    expect(cleanQuery(`${'a'.repeat(999)}😀`)).toBe('a'.repeat(999));
  });

  it('ignores malformed search filters instead of failing', () => {
    expect(parseSearchParams({ q: ['教育', '住房'], issue: '2', province: '320000', page: '3' })).toEqual({
      query: '教育',
      filters: { issueNumber: 2, province: '320000', page: 3 },
    });
    expect(parseSearchParams({ issue: '1e9', province: '32', page: '-1' }).filters).toEqual({ issueNumber: null, province: null, page: 1 });
  });

  it('accepts only plain positive ids in URLs', () => {
    expect(parseId('12')).toBe(12);
    for (const bad of ['0', '012', '1.5', '-1', 'abc', '1'.repeat(12), '']) expect(parseId(bad)).toBeNull();
    expect(paths.search({ q: '住房 公积金', issue: 2, page: 1 })).toBe('/search?q=%E4%BD%8F%E6%88%BF+%E5%85%AC%E7%A7%AF%E9%87%91&issue=2');
  });

  it('escapes JSON-LD so published text cannot close the script tag', () => {
    expect(serializeJsonLd({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
