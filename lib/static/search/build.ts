// Builds the static snapshot's search index from the case documents of the JSON API, the same
// published text the app's search vectors are made from (lib/publication/materialize.ts): each
// document's tokens get the positions PostgreSQL's to_tsvector would give them, so phrase matching
// and ts_rank can be recomputed exactly in the browser (match.mjs).
import { createHash } from 'node:crypto';
import { documentTokenList, searchableText } from '@/lib/search/tokens';
import type { apiCase } from '@/lib/public/api';
import { compareCodePoints, docsPath, encodeDocs, encodeShard, INDEX_FORMAT, META_PATH, shardOfToken, shardPath, shardsOfPrefix } from './codec.mjs';
import type { IndexMeta, ShardLayout } from './codec.mjs';
import { indexable, PostingsBuilder } from './postings';

/** What the app's JSON API returns for one case (GET /api/public/cases/<id>). */
export type PublicCaseJson = ReturnType<typeof apiCase>;

/** The fields of a case document the index reads. */
export type SearchableCaseJson = Pick<PublicCaseJson, 'id' | 'position' | 'title' | 'lead' | 'tags' | 'provinces'> & {
  issue: { number: number };
  sections: readonly { heading: string; body: string }[];
};

/** A file of the snapshot, by its path from the release's root. */
export interface StaticFile {
  path: string;
  body: string | Uint8Array;
}

/** A shard this large or larger is split; about what one query should have to download per token. */
export const DEFAULT_TARGET_SHARD_BYTES = 32 * 1024;
const MAX_SPLIT = 256;

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function firstChar(token: string): string {
  return String.fromCodePoint(token.codePointAt(0)!);
}

/** Newest issue first, then position: the order results fall back to after title match and rank. */
function byArchiveOrder(a: SearchableCaseJson, b: SearchableCaseJson): number {
  return b.issue.number - a.issue.number || a.position - b.position;
}

function docsTable(docs: readonly SearchableCaseJson[], titleLengths: number[]) {
  const issues: { number: number; count: number }[] = [];
  const provinces = new Map<string, number[]>();
  docs.forEach((c, i) => {
    const last = issues[issues.length - 1];
    if (last && last.number === c.issue.number) last.count++;
    else issues.push({ number: c.issue.number, count: 1 });
    for (const code of new Set(c.provinces)) {
      const list = provinces.get(code) ?? [];
      list.push(i);
      provinces.set(code, list);
    }
  });
  return {
    caseIds: docs.map((c) => c.id),
    titleLengths,
    issues,
    provinces: [...provinces].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, list]) => ({ code, docs: list })),
  };
}

/**
 * The search index files for a release (under `_search/`), from every published case's JSON
 * document. Deterministic: the same cases give the same files and the same index id.
 */
export function buildStaticSearchIndex(cases: readonly SearchableCaseJson[], options: { targetShardBytes?: number } = {}): StaticFile[] {
  const target = options.targetShardBytes ?? DEFAULT_TARGET_SHARD_BYTES;
  const docs = [...cases].sort(byArchiveOrder);
  const postings = new PostingsBuilder();
  const titleLengths: number[] = [];
  docs.forEach((c, doc) => {
    titleLengths.push(indexable(documentTokenList(c.title)).length);
    postings.addDocument(doc, indexable(documentTokenList(searchableText(c))));
  });
  const { tokens } = postings;

  const byFirst = new Map<string, number>();
  for (let id = 0; id < tokens.length; id++) {
    const c = firstChar(tokens[id]!);
    byFirst.set(c, (byFirst.get(c) ?? 0) + postings.size(id));
  }
  const split: Record<string, number> = {};
  let light = 0;
  for (const [c, size] of [...byFirst].sort(([a], [b]) => compareCodePoints(a, b))) {
    if (size > target) split[c] = Math.min(MAX_SPLIT, nextPowerOfTwo(Math.ceil(size / target)));
    else light += size;
  }
  const layout: ShardLayout = { buckets: nextPowerOfTwo(Math.max(1, Math.ceil(light / target))), split };

  // Every file a lookup can ask for exists, empty or not: a missing file means a replaced index.
  const shards = new Map<string, number[]>();
  for (let b = 0; b < layout.buckets; b++) shards.set(`b${b}`, []);
  for (const c of Object.keys(split)) for (const name of shardsOfPrefix(layout, c)) shards.set(name, []);
  for (let id = 0; id < tokens.length; id++) {
    const name = shardOfToken(layout, tokens[id]!);
    shards.get(name)!.push(id);
  }
  const shardFiles = [...shards]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, ids]) => ({
      name,
      body: encodeShard(
        ids
          .sort((a, b) => compareCodePoints(tokens[a]!, tokens[b]!))
          .map((id) => ({ token: tokens[id]!, postings: postings.postings(id) })),
      ),
    }));
  const docsBody = encodeDocs(docsTable(docs, titleLengths));

  const hash = createHash('sha256');
  hash.update(JSON.stringify(layout));
  hash.update(docsBody);
  for (const s of shardFiles) hash.update(s.name).update(s.body);
  const id = hash.digest('hex').slice(0, 16);
  const meta: IndexMeta = { format: INDEX_FORMAT, id, docs: docs.length, ...layout };
  return [
    { path: META_PATH, body: `${JSON.stringify(meta)}\n` },
    { path: docsPath(id), body: docsBody },
    ...shardFiles.map((s) => ({ path: shardPath(id, s.name), body: s.body })),
  ];
}
