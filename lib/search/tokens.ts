// Chinese has no spaces between words, and stock PostgreSQL has no Chinese parser. We index every
// overlapping pair of CJK characters (bigrams) plus whole Latin/digit words, with the 'simple'
// configuration, so a two-character word like 教育 is one token and a phrase is a chain of them.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;

/** The runs of text a query or document is made of: CJK runs and Latin/digit words, lower-cased. */
export function textRuns(text: string): string[] {
  return Array.from(text.normalize('NFKC').toLowerCase().matchAll(RUN), (m) => m[0]);
}

function isCjkRun(run: string): boolean {
  return CJK.test(run);
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Tokens for a document, space-separated, to be passed to to_tsvector('simple', …). */
export function documentTokens(text: string): string {
  const tokens: string[] = [];
  for (const run of textRuns(text)) {
    if (isCjkRun(run)) tokens.push(...bigrams(run));
    else tokens.push(run);
  }
  return tokens.join(' ');
}

/** Characters PostgreSQL's tsquery syntax would read as operators. Our tokens never contain them. */
function quoteLexeme(token: string): string {
  return `'${token.replace(/'/g, "''")}'`;
}

/**
 * A tsquery string (for to_tsquery('simple', …)) that matches documents containing every run of the
 * query as a phrase: 住房公积金 → '住房' <-> '房公' <-> '公积' <-> '积金'. A single CJK character
 * matches as a prefix of a bigram. Returns null when the query has nothing searchable.
 */
export function queryTsquery(query: string): string | null {
  const parts: string[] = [];
  for (const run of textRuns(query.slice(0, 200))) {
    if (isCjkRun(run)) {
      const grams = bigrams(run);
      if (grams.length === 1 && Array.from(run).length === 1) parts.push(`${quoteLexeme(run)}:*`);
      else parts.push(grams.map(quoteLexeme).join(' <-> '));
    } else {
      parts.push(`${quoteLexeme(run)}:*`);
    }
  }
  if (parts.length === 0) return null;
  return parts.map((p) => `(${p})`).join(' & ');
}

/** The runs of a query, for highlighting matches in a snippet. */
export function queryTerms(query: string): string[] {
  return Array.from(new Set(textRuns(query.slice(0, 200)))).sort((a, b) => b.length - a.length);
}
