// Public search on whatever a reader types or a link carries: cleaning the query, cutting it into
// tokens, and marking matches in titles and snippets must be linear and must not misplace a match.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanQuery } from '@/lib/public/search';
import { foldCase, highlight, snippetOf } from '@/lib/public/snippet';
import { documentTokens, queryTerms, queryTsquery, textRuns } from '@/lib/search/tokens';
import { adversarial, BOUND_MS, hostileString, timed } from './support';

describe('search: properties', () => {
  it('cleans any query into text without control characters, separators or lone surrogates', () => {
    fc.assert(
      fc.property(hostileString(), (raw) => {
        const q = cleanQuery(raw);
        expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/u);
        expect(q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(q).toBe(q.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('turns any query into a tsquery of quoted lexemes only, or nothing', () => {
    fc.assert(
      fc.property(hostileString(), (raw) => {
        const tsquery = queryTsquery(cleanQuery(raw));
        if (tsquery !== null) {
          // Everything outside quotes is an operator PostgreSQL knows.
          expect(tsquery.replace(/'(?:[^']|'')*'/gu, '')).toMatch(/^[()&<\->:* ]*$/u);
        }
        expect(documentTokens(raw).split(' ').every((t) => !t.includes("'"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('marks matches without changing the text, and every mark is one of the terms', () => {
    fc.assert(
      fc.property(hostileString(), fc.array(hostileString(4), { maxLength: 4 }), (text, terms) => {
        const parts = highlight(text, terms);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        const folded = terms.map(foldCase);
        for (const p of parts.filter((x) => x.hit)) expect(folded).toContain(foldCase(p.text));
        const snippet = snippetOf(text, terms, 40);
        for (const p of snippet.filter((x) => x.hit)) expect(folded).toContain(foldCase(p.text));
      }),
      { numRuns: 300 },
    );
  });

  it('marks a match after a letter whose lower case is longer (İ)', () => {
    expect(highlight('İstanbul住房', ['住房'])).toEqual([
      { text: 'İstanbul', hit: false },
      { text: '住房', hit: true },
    ]);
    expect(snippetOf('İİİ住房公积金', ['住房']).filter((p) => p.hit)).toEqual([{ text: '住房', hit: true }]);
  });

  it('treats C1 controls and line separators in a query as spaces', () => {
    expect(cleanQuery('住房\u0085公积金\u2028教育')).toBe('住房 公积金 教育');
  });
});

describe('search: the largest inputs', () => {
  it.each(Object.entries(adversarial(100_000)))('cleans, tokenizes and highlights 100,000 characters of %s in time', (_, text) => {
    expect(timed(() => queryTsquery(cleanQuery(text)))).toBeLessThan(BOUND_MS);
    expect(timed(() => queryTerms(text))).toBeLessThan(BOUND_MS);
    expect(timed(() => textRuns(text))).toBeLessThan(BOUND_MS);
    expect(timed(() => documentTokens(text))).toBeLessThan(BOUND_MS);
    const terms = queryTerms(text.slice(0, 200));
    expect(timed(() => highlight(text, terms))).toBeLessThan(BOUND_MS);
    expect(timed(() => snippetOf(text, terms))).toBeLessThan(BOUND_MS);
  }, 120_000);
});
