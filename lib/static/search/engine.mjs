// The static snapshot's search: answers a search request from the index files under _search/ and
// the case documents under api/public/cases/, with the same results, order, notices, highlights
// and paging as the app's searchPublishedCases (lib/public/search.ts). Runs in the browser and, in
// the tests, in Node against the files in memory.
import { snippetOf, highlight, snippetSource } from '../../public/snippet.mjs';
import { SEARCH_PAGE_SIZE } from '../../search/query.mjs';
import { queryParts, queryTerms } from '../../search/tokens.mjs';
import { compareCodePoints, decodeDocs, decodePostings, decodeShard, docsPath, META_PATH, shardOfToken, shardPath, shardsOfPrefix } from './codec.mjs';
import { makeRanker, matchDocuments, operandKey, queryOperands } from './match.mjs';

/** A file of the snapshot was missing or unreadable: the index may have just been replaced. */
export class StaticSearchFileError extends Error {
  constructor(path, status) {
    super(`检索文件 ${path} 无法读取（${status}）`);
    this.path = path;
    this.status = status;
  }
}

/**
 * Reads snapshot files through `fetchFile(path)` (a path relative to the site root, e.g.
 * "_search/meta.json"; returns a fetch Response). Caches what it has read for as long as it lives.
 */
export function createStaticSearch(fetchFile) {
  const cache = new Map();
  const read = (path, kind, fresh = false) => {
    const key = `${kind}:${path}`;
    if (!fresh && cache.has(key)) return cache.get(key);
    const loading = (async () => {
      const res = await fetchFile(path, { fresh });
      if (!res.ok) throw new StaticSearchFileError(path, res.status);
      return kind === 'json' ? res.json() : new Uint8Array(await res.arrayBuffer());
    })();
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
    return loading;
  };
  const shard = (meta, name) => {
    const key = `shard:${meta.id}:${name}`;
    if (!cache.has(key)) cache.set(key, read(shardPath(meta.id, name), 'bytes').then(decodeShard));
    return cache.get(key);
  };
  const docs = (meta) => {
    const key = `docs:${meta.id}`;
    if (!cache.has(key)) cache.set(key, read(docsPath(meta.id), 'bytes').then(decodeDocs));
    return cache.get(key);
  };

  async function resolveOperand(meta, op) {
    if (!op.prefix) {
      const s = await shard(meta, shardOfToken(meta, op.token));
      const at = s.tokens.get(op.token);
      return at === undefined ? [] : [{ lexeme: op.token, postings: decodePostings(s.bytes, at) }];
    }
    const shards = await Promise.all(shardsOfPrefix(meta, op.token).map((name) => shard(meta, name)));
    const found = [];
    for (const s of shards) for (const [lexeme, at] of s.tokens) if (lexeme.startsWith(op.token)) found.push({ lexeme, at, s });
    found.sort((a, b) => compareCodePoints(a.lexeme, b.lexeme));
    return found.map(({ lexeme, at, s }) => ({ lexeme, postings: decodePostings(s.bytes, at) }));
  }

  async function ranked(meta, parts, filters) {
    const index = await docs(meta);
    const inFilters = filterOf(index, filters);
    if (parts.length === 0) {
      const all = [];
      for (let doc = 0; doc < index.caseIds.length; doc++) if (inFilters(doc)) all.push({ doc, titleMatch: false });
      return { index, order: all };
    }
    const resolved = new Map();
    await Promise.all(queryOperands(parts).map(async (op) => resolved.set(operandKey(op), await resolveOperand(meta, op))));
    const matched = matchDocuments(parts, resolved, index.titleLengths);
    const rank = makeRanker(parts, resolved);
    const order = [];
    for (const [doc, titleMatch] of matched) if (inFilters(doc)) order.push({ doc, titleMatch, rank: rank(doc) });
    order.sort((a, b) => Number(b.titleMatch) - Number(a.titleMatch) || b.rank - a.rank || a.doc - b.doc);
    return { index, order };
  }

  async function caseDocument(id) {
    return read(`api/public/cases/${id}.json`, 'json');
  }

  async function attempt(query, filters) {
    // meta.json names the live index: always asked for again (the files it points to never change).
    const meta = await read(META_PATH, 'json', true);
    const parts = queryParts(query);
    const { index, order } = await ranked(meta, parts, filters);
    const from = (filters.page - 1) * SEARCH_PAGE_SIZE;
    const page = order.slice(from, from + SEARCH_PAGE_SIZE);
    const terms = queryTerms(query);
    const hits = await Promise.all(
      page.map(async ({ doc, titleMatch }) => {
        const c = await caseDocument(index.caseIds[doc]);
        return {
          caseId: index.caseIds[doc],
          title: c.title,
          issueNumber: c.issue.number,
          position: c.position,
          meta: `${c.issue.label} · ${c.label} · ${c.place}`,
          titleMatch,
          titleParts: highlight(c.title, terms),
          snippet: snippetOf(snippetSource(c), terms),
        };
      }),
    );
    // As in the app, a page past the last one reports no results at all.
    return { query, filters, total: hits.length > 0 ? order.length : 0, pageSize: SEARCH_PAGE_SIZE, hits, notice: null };
  }

  /** The result of a search request ({ query, filters } as parseSearchParams gives them). */
  async function search({ query, filters }) {
    const searchable = queryParts(query).length > 0;
    const filtered = filters.issueNumber !== null || filters.province !== null;
    if (!searchable && (query !== '' || !filtered)) {
      return { query, filters, total: 0, pageSize: SEARCH_PAGE_SIZE, hits: [], notice: query === '' ? 'empty' : 'unsearchable' };
    }
    try {
      return await attempt(query, filters);
    } catch (error) {
      if (!(error instanceof StaticSearchFileError)) throw error;
      // A new release may have replaced the index between two reads: start again from meta.json.
      cache.clear();
      return attempt(query, filters);
    }
  }

  return { search };
}

function filterOf(index, filters) {
  let range = null;
  if (filters.issueNumber !== null) {
    const issue = index.issues.find((i) => i.number === filters.issueNumber);
    range = issue ? [issue.start, issue.start + issue.count] : [0, 0];
  }
  const province = filters.province === null ? null : new Set(index.provinces.get(filters.province) ?? []);
  return (doc) => (!range || (doc >= range[0] && doc < range[1])) && (!province || province.has(doc));
}
