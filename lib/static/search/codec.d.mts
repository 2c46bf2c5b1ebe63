// Types for codec.mjs (plain JavaScript, shared by the index builder and the browser).

export declare const INDEX_FORMAT: number;
export declare const META_PATH: string;

/** Where tokens live: `buckets` files by first character, plus `split` files for frequent first characters. */
export interface ShardLayout {
  buckets: number;
  split: Record<string, number>;
}

export interface IndexMeta extends ShardLayout {
  format: number;
  id: string;
  docs: number;
}

export declare class ByteWriter {
  constructor(size?: number);
  readonly length: number;
  uint(n: number): void;
  bytes(u8: Uint8Array): void;
  string(text: string): void;
  finish(): Uint8Array;
}

export declare class ByteReader {
  constructor(u8: Uint8Array, pos?: number);
  pos: number;
  uint(): number;
  string(): string;
}

export declare function hashString(text: string): number;
export declare function compareCodePoints(a: string, b: string): number;
export declare function shardOfToken(layout: ShardLayout, token: string): string;
export declare function shardsOfPrefix(layout: ShardLayout, prefix: string): string[];
export declare function shardPath(id: string, shard: string): string;
export declare function docsPath(id: string): string;

export declare function decodePostings(u8: Uint8Array, offset: number): Map<number, number[]>;

export declare function encodeShard(entries: readonly { token: string; postings: Uint8Array }[]): Uint8Array;
export declare function decodeShard(u8: Uint8Array): { bytes: Uint8Array; tokens: Map<string, number> };

export interface DocsTable {
  caseIds: readonly number[];
  titleLengths: readonly number[];
  issues: readonly { number: number; count: number }[];
  provinces: readonly { code: string; docs: readonly number[] }[];
}
export declare function encodeDocs(docs: DocsTable): Uint8Array;
export declare function decodeDocs(u8: Uint8Array): {
  caseIds: number[];
  titleLengths: number[];
  issues: { number: number; start: number; count: number }[];
  provinces: Map<string, number[]>;
};
