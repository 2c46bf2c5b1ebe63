// Which documents a query matches, whether it matches their titles, and their ts_rank: what
// PostgreSQL computes for `search_vector @@ q`, `title_vector @@ q` and `ts_rank(search_vector, q)`
// (lib/public/search.ts), recomputed from the static index's postings so that the snapshot's
// search finds and orders exactly what the app does.
import { compareCodePoints } from './codec.mjs';

/** An operand's name in the map of resolved operands. */
export function operandKey(op) {
  return `${op.prefix ? 'p' : 'e'}:${op.token}`;
}

/** The distinct operands of a query's parts: exact tokens of phrases and prefixes. */
export function queryOperands(parts) {
  const seen = new Map();
  for (const part of parts) {
    const list = part.kind === 'prefix' ? [{ token: part.token, prefix: true }] : part.tokens.map((token) => ({ token, prefix: false }));
    for (const op of list) if (!seen.has(operandKey(op))) seen.set(operandKey(op), op);
  }
  return [...seen.values()];
}

function hasPosition(sorted, p) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === p) return true;
    if (v < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether the phrase's tokens stand at consecutive positions; within the title when titleLength is given. */
function phraseAt(lists, titleLength) {
  const last = lists.length - 1;
  for (const p of lists[0]) {
    if (titleLength !== undefined && p + last > titleLength) return false;
    let ok = true;
    for (let k = 1; k <= last && ok; k++) ok = hasPosition(lists[k], p + k);
    if (ok) return true;
  }
  return false;
}

/**
 * Documents matching every part, each with whether the title alone matches too. `resolved` maps an
 * operand key to its lexemes' postings ([{ lexeme, postings: Map<doc, positions[]> }], lexeme order).
 */
export function matchDocuments(parts, resolved, titleLengths) {
  let result = null;
  for (const part of parts) {
    const found = new Map();
    if (part.kind === 'prefix') {
      for (const entry of resolved.get(operandKey({ token: part.token, prefix: true }))) {
        for (const [doc, positions] of entry.postings) {
          if (result && !result.has(doc)) continue;
          const inTitle = positions[0] <= titleLengths[doc];
          found.set(doc, (found.get(doc) ?? false) || inTitle);
        }
      }
    } else {
      const postings = part.tokens.map((token) => resolved.get(operandKey({ token, prefix: false }))[0]?.postings);
      if (postings.some((p) => !p)) return new Map();
      const [first, ...rest] = postings;
      for (const doc of first.keys()) {
        if (result && !result.has(doc)) continue;
        if (rest.some((p) => !p.has(doc))) continue;
        const lists = postings.map((p) => p.get(doc));
        if (phraseAt(lists)) found.set(doc, phraseAt(lists, titleLengths[doc]));
      }
    }
    if (result) for (const [doc, inTitle] of found) found.set(doc, inTitle && result.get(doc));
    result = found;
  }
  return result ?? new Map();
}

// ts_rank in single precision, step by step as PostgreSQL's tsrank.c computes it (default weights,
// every lexeme weight D, no normalization), so that ties and near-ties fall the same way.
const f = Math.fround;
const WEIGHT_D = f(0.1);
const DISTANCE = Array.from({ length: 101 }, (_, w) => f(1.0 / (1.005 + 0.05 * Math.exp(w / 1.5 - 2))));
const FAR = f(1e-30);

function wordDistance(dist) {
  return dist > 100 ? FAR : DISTANCE[dist];
}

function entriesIn(entries, doc) {
  const out = [];
  for (const e of entries) {
    const positions = e.postings.get(doc);
    if (positions) out.push(positions);
  }
  return out;
}

function rankOr(items, doc) {
  let res = 0;
  for (const entries of items) {
    for (const positions of entriesIn(entries, doc)) {
      let resj = 0;
      for (let j = 0; j < positions.length; j++) resj = f(resj + f(WEIGHT_D / ((j + 1) * (j + 1))));
      res = f(res + f(f(WEIGHT_D + resj) - WEIGHT_D) / 1.64493406685);
    }
  }
  return items.length > 0 ? f(res / items.length) : res;
}

function rankAnd(items, doc) {
  if (items.length < 2) return rankOr(items, doc);
  const pair = f(WEIGHT_D * WEIGHT_D);
  let res = -1;
  const pos = new Array(items.length).fill(null);
  for (let i = 0; i < items.length; i++) {
    for (const post of entriesIn(items[i], doc)) {
      pos[i] = post;
      for (let k = 0; k < i; k++) {
        const ct = pos[k];
        if (!ct) continue;
        for (let l = 0; l < post.length; l++) {
          for (let p = 0; p < ct.length; p++) {
            const dist = Math.abs(post[l] - ct[p]);
            if (dist === 0) continue;
            const curw = f(Math.sqrt(f(pair * wordDistance(dist))));
            res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw));
          }
        }
      }
    }
  }
  return res;
}

/**
 * A ranker for one query: ts_rank takes the AND/phrase formula when the query's top operator is
 * & or <-> and the OR formula for a single operand, over the query's distinct operands in lexeme
 * order (an exact token and a prefix with the same text count once, as in PostgreSQL).
 */
export function makeRanker(parts, resolved) {
  const byText = new Map();
  for (const op of queryOperands(parts)) if (!byText.has(op.token)) byText.set(op.token, resolved.get(operandKey(op)));
  const items = [...byText.keys()].sort(compareCodePoints).map((t) => byText.get(t));
  const andRoot = parts.length > 1 || (parts.length === 1 && parts[0].kind === 'phrase' && parts[0].tokens.length > 1);
  return (doc) => {
    const res = andRoot ? rankAnd(items, doc) : rankOr(items, doc);
    return res < 0 ? f(1e-20) : res;
  };
}

