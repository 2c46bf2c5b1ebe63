// Chinese has no spaces between words, and stock PostgreSQL has no Chinese parser. We index every
// overlapping pair of CJK characters (bigrams) plus whole Latin/digit words, with the 'simple'
// configuration, so a two-character word like 教育 is one token and a phrase is a chain of them.
//
// Plain JavaScript so that one implementation serves the app (through tokens.ts), the static
// snapshot's index builder and the snapshot's search script in the browser (copied as it is).

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;

/** The runs of text a query or document is made of: CJK runs and Latin/digit words, lower-cased. */
export function textRuns(text) {
  return Array.from(text.normalize('NFKC').toLowerCase().matchAll(RUN), (m) => m[0]);
}

function isCjkRun(run) {
  return CJK.test(run);
}

function bigrams(run) {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The tokens of a document in order; their positions are what phrase matching counts on. */
export function documentTokenList(text) {
  const tokens = [];
  for (const run of textRuns(text)) {
    if (isCjkRun(run)) tokens.push(...bigrams(run));
    else tokens.push(run);
  }
  return tokens;
}

/** Tokens for a document, space-separated, to be passed to to_tsvector('simple', …). */
export function documentTokens(text) {
  return documentTokenList(text).join(' ');
}

/**
 * Everything a case is found by, in the order its tokens are numbered: title first (so the title's
 * tokens are positions 1…n of the document), then lead, section headings and bodies, and tags.
 */
export function searchableText(content) {
  return [content.title, content.lead, ...content.sections.flatMap((s) => [s.heading, s.body]), content.tags.join(' ')].join('\n');
}

/**
 * What a query asks for, one part per run, all required: a phrase of exact tokens that must stand
 * at consecutive positions (住房公积金 → 住房 房公 公积 积金), or a prefix of a token (a single CJK
 * character, or a Latin/digit word). Empty when nothing in the query is searchable.
 */
export function queryParts(query) {
  const parts = [];
  for (const run of textRuns(query.slice(0, 200))) {
    if (isCjkRun(run)) {
      const grams = bigrams(run);
      if (grams.length === 1 && Array.from(run).length === 1) parts.push({ kind: 'prefix', token: run });
      else parts.push({ kind: 'phrase', tokens: grams });
    } else {
      parts.push({ kind: 'prefix', token: run });
    }
  }
  return parts;
}

/** Characters PostgreSQL's tsquery syntax would read as operators. Our tokens never contain them. */
function quoteLexeme(token) {
  return `'${token.replace(/'/g, "''")}'`;
}

/**
 * A tsquery string (for to_tsquery('simple', …)) that matches documents containing every run of the
 * query as a phrase: 住房公积金 → '住房' <-> '房公' <-> '公积' <-> '积金'. A single CJK character
 * matches as a prefix of a bigram. Returns null when the query has nothing searchable.
 */
export function queryTsquery(query) {
  const parts = queryParts(query).map((p) => (p.kind === 'prefix' ? `${quoteLexeme(p.token)}:*` : p.tokens.map(quoteLexeme).join(' <-> ')));
  if (parts.length === 0) return null;
  return parts.map((p) => `(${p})`).join(' & ');
}

/** The runs of a query, for highlighting matches in a snippet. */
export function queryTerms(query) {
  return Array.from(new Set(textRuns(query.slice(0, 200)))).sort((a, b) => b.length - a.length);
}
