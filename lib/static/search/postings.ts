// Collects every token's postings while documents are added, already encoded in the format
// codec.mjs's decodePostings reads: document count, then per document its number's delta, its
// position count and the position deltas. One growing byte buffer per token and no arrays per
// (document, token): 10,000 cases of 2,000 characters are some twenty million token occurrences.
import { ByteWriter } from './codec.mjs';

// to_tsvector's limits: a word of 2047 bytes or more is dropped without taking a position,
// positions stop at 16383, and a lexeme keeps its first 255 positions.
const MAX_LEXEME_BYTES = 2046;
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 255;

/** The tokens PostgreSQL keeps in a tsvector, in order (each takes the next position). */
export function indexable(tokens: string[]): string[] {
  // A UTF-16 unit is at most 3 UTF-8 bytes: only very long tokens need measuring.
  return tokens.filter((t) => t.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(t, 'utf8') <= MAX_LEXEME_BYTES);
}

export class PostingsBuilder {
  readonly tokens: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly bodies: ByteWriter[] = [];
  private readonly docCounts: number[] = [];
  private readonly lastDoc: number[] = [];
  // Per document: each token's occurrences as a linked list through occurrence numbers.
  private head = new Int32Array(1 << 16).fill(-1);
  private tail = new Int32Array(1 << 16);
  private occurrencePosition = new Int32Array(1 << 12);
  private occurrenceNext = new Int32Array(1 << 12);
  private readonly kept = new Int32Array(MAX_POSITIONS_PER_LEXEME);

  private idOf(token: string): number {
    let id = this.ids.get(token);
    if (id !== undefined) return id;
    id = this.tokens.length;
    this.ids.set(token, id);
    this.tokens.push(token);
    this.bodies.push(new ByteWriter(16));
    this.docCounts.push(0);
    this.lastDoc.push(0);
    if (id >= this.head.length) {
      const head = new Int32Array(this.head.length * 2).fill(-1);
      head.set(this.head);
      this.head = head;
      const tail = new Int32Array(this.tail.length * 2);
      tail.set(this.tail);
      this.tail = tail;
    }
    return id;
  }

  /** Adds document `doc` (numbers ascending) with its tokens in order, as indexable() leaves them. */
  addDocument(doc: number, tokens: readonly string[]): void {
    if (tokens.length > this.occurrencePosition.length) {
      let size = this.occurrencePosition.length;
      while (size < tokens.length) size *= 2;
      this.occurrencePosition = new Int32Array(size);
      this.occurrenceNext = new Int32Array(size);
    }
    const seen: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const id = this.idOf(tokens[i]!);
      this.occurrencePosition[i] = Math.min(i + 1, MAX_POSITION);
      this.occurrenceNext[i] = -1;
      if (this.head[id] === -1) {
        this.head[id] = i;
        seen.push(id);
      } else {
        this.occurrenceNext[this.tail[id]!] = i;
      }
      this.tail[id] = i;
    }
    for (const id of seen) {
      let count = 0;
      for (let o = this.head[id]!; o !== -1 && count < MAX_POSITIONS_PER_LEXEME; o = this.occurrenceNext[o]!) {
        const p = this.occurrencePosition[o]!;
        if (count === 0 || this.kept[count - 1] !== p) this.kept[count++] = p;
      }
      const body = this.bodies[id]!;
      body.uint(doc - this.lastDoc[id]!);
      body.uint(count);
      let prev = 0;
      for (let k = 0; k < count; k++) {
        body.uint(this.kept[k]! - prev);
        prev = this.kept[k]!;
      }
      this.lastDoc[id] = doc;
      this.docCounts[id]!++;
      this.head[id] = -1;
    }
  }

  /** A token's encoded postings. */
  postings(id: number): Uint8Array {
    const out = new ByteWriter(this.bodies[id]!.length + 5);
    out.uint(this.docCounts[id]!);
    out.bytes(this.bodies[id]!.finish());
    return out.finish();
  }

  /** The encoded size of a token's postings, without encoding them. */
  size(id: number): number {
    let head = 1;
    for (let n = this.docCounts[id]!; n >= 0x80; n >>>= 7) head++;
    return head + this.bodies[id]!.length;
  }
}
