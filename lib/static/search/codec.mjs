// The static search index's file formats and where each token lives, shared by the index builder
// (Node) and the search script (browser). Numbers are unsigned LEB128 varints; strings are UTF-8.
//
// Layout of a release's index (all under _search/):
//   meta.json            { format, id, docs, buckets, split }: read first, never cached for long
//   <id>/docs.bin        per document: case id and title length; issue ranges; province lists
//   <id>/b<n>.bin        the postings of every token whose first character hashes to bucket n
//   <id>/c<hex>-<n>.bin  the postings of a frequent first character, split by the rest of the token
// <id> is a hash of the content, so a reader who loaded meta.json just before a new release went live
// gets a 404 (and reloads meta.json) instead of mixing two indexes.

export const INDEX_FORMAT = 1;
export const META_PATH = '_search/meta.json';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ByteWriter {
  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
    this.length = 0;
  }
  reserve(n) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  uint(n) {
    this.reserve(5);
    let v = n >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
  bytes(u8) {
    this.reserve(u8.length);
    this.buf.set(u8, this.length);
    this.length += u8.length;
  }
  string(text) {
    const u8 = encoder.encode(text);
    this.uint(u8.length);
    this.bytes(u8);
  }
  finish() {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  constructor(u8, pos = 0) {
    this.u8 = u8;
    this.pos = pos;
  }
  uint() {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.u8.length) throw new Error('search index: truncated number');
      const b = this.u8[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
      if (shift > 28) throw new Error('search index: number too large');
    }
  }
  string() {
    const n = this.uint();
    if (this.pos + n > this.u8.length) throw new Error('search index: truncated text');
    const text = decoder.decode(this.u8.subarray(this.pos, this.pos + n));
    this.pos += n;
    return text;
  }
}

/** FNV-1a over UTF-16 units: the same bucket in Node and in every browser. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const isSurrogate = (unit) => unit >= 0xd800 && unit <= 0xdfff;

/** Code point order, which is the UTF-8 byte order PostgreSQL keeps a tsvector's lexemes in. */
export function compareCodePoints(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order is code point order except that a character past U+FFFF (a surrogate pair)
    // comes after U+E000–U+FFFF.
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function firstChar(token) {
  return String.fromCodePoint(token.codePointAt(0));
}

/**
 * The file a token's postings are in. Every token starting with one character lands in one file, or,
 * for a character too frequent for one file, in one of its `split` files: so an exact token costs one
 * file, and a prefix (a single CJK character, a Latin word's start) the files of its first character.
 */
export function shardOfToken(layout, token) {
  const first = firstChar(token);
  const split = layout.split[first];
  if (split) return `c${first.codePointAt(0).toString(16)}-${hashString(token.slice(first.length)) % split}`;
  return `b${hashString(first) % layout.buckets}`;
}

/** Every file that can hold a token starting with `prefix`. */
export function shardsOfPrefix(layout, prefix) {
  const first = firstChar(prefix);
  const split = layout.split[first];
  if (!split) return [`b${hashString(first) % layout.buckets}`];
  return Array.from({ length: split }, (_, i) => `c${first.codePointAt(0).toString(16)}-${i}`);
}

export function shardPath(id, shard) {
  return `_search/${id}/${shard}.bin`;
}

export function docsPath(id) {
  return `_search/${id}/docs.bin`;
}

/** One token's postings (written by postings.ts): document number → its ascending positions. */
export function decodePostings(u8, offset) {
  const r = new ByteReader(u8, offset);
  const n = r.uint();
  const out = new Map();
  let doc = 0;
  for (let d = 0; d < n; d++) {
    doc += r.uint();
    const count = r.uint();
    const pos = new Array(count);
    let p = 0;
    for (let i = 0; i < count; i++) {
      p += r.uint();
      pos[i] = p;
    }
    out.set(doc, pos);
  }
  return out;
}

/** A shard: its tokens (in code point order) with where each one's postings start. */
export function encodeShard(entries) {
  const head = new ByteWriter();
  head.uint(INDEX_FORMAT);
  head.uint(entries.length);
  for (const e of entries) {
    head.string(e.token);
    head.uint(e.postings.length);
  }
  const out = new ByteWriter(head.length + entries.reduce((n, e) => n + e.postings.length, 0));
  out.bytes(head.finish());
  for (const e of entries) out.bytes(e.postings);
  return out.finish();
}

export function decodeShard(u8) {
  const r = new ByteReader(u8);
  if (r.uint() !== INDEX_FORMAT) throw new Error('search index: unknown format');
  const n = r.uint();
  const heads = [];
  for (let i = 0; i < n; i++) heads.push({ token: r.string(), length: r.uint() });
  const tokens = new Map();
  let offset = r.pos;
  for (const h of heads) {
    tokens.set(h.token, offset);
    offset += h.length;
  }
  if (offset !== u8.length) throw new Error('search index: shard length mismatch');
  return { bytes: u8, tokens };
}

/**
 * The documents, in the order results fall back to (newest issue first, then position): case id
 * and title length (the title's tokens are the first of a document's positions), the issues as
 * consecutive runs of documents, and each province's documents.
 */
export function encodeDocs(docs) {
  const w = new ByteWriter();
  w.uint(INDEX_FORMAT);
  w.uint(docs.caseIds.length);
  for (let i = 0; i < docs.caseIds.length; i++) {
    w.uint(docs.caseIds[i]);
    w.uint(docs.titleLengths[i]);
  }
  w.uint(docs.issues.length);
  for (const issue of docs.issues) {
    w.uint(issue.number);
    w.uint(issue.count);
  }
  w.uint(docs.provinces.length);
  for (const p of docs.provinces) {
    w.uint(Number(p.code));
    w.uint(p.docs.length);
    let prev = 0;
    for (const d of p.docs) {
      w.uint(d - prev);
      prev = d;
    }
  }
  return w.finish();
}

export function decodeDocs(u8) {
  const r = new ByteReader(u8);
  if (r.uint() !== INDEX_FORMAT) throw new Error('search index: unknown format');
  const n = r.uint();
  const caseIds = new Array(n);
  const titleLengths = new Array(n);
  for (let i = 0; i < n; i++) {
    caseIds[i] = r.uint();
    titleLengths[i] = r.uint();
  }
  const issues = [];
  for (let i = r.uint(), start = 0; i > 0; i--) {
    const number = r.uint();
    const count = r.uint();
    issues.push({ number, start, count });
    start += count;
  }
  const provinces = new Map();
  for (let i = r.uint(); i > 0; i--) {
    const code = String(r.uint()).padStart(6, '0');
    const list = [];
    let d = 0;
    for (let k = r.uint(); k > 0; k--) {
      d += r.uint();
      list.push(d);
    }
    provinces.set(code, list);
  }
  return { caseIds, titleLengths, issues, provinces };
}
