// Types for tokens.mjs (plain JavaScript, shared by the app, the static index builder and the browser).

export declare function textRuns(text: string): string[];
export declare function documentTokenList(text: string): string[];
export declare function documentTokens(text: string): string;

export interface SearchableContent {
  title: string;
  lead: string;
  sections: readonly { heading: string; body: string }[];
  tags: readonly string[];
}
export declare function searchableText(content: SearchableContent): string;

export type QueryPart = { kind: 'prefix'; token: string } | { kind: 'phrase'; tokens: string[] };
export declare function queryParts(query: string): QueryPart[];
export declare function queryTsquery(query: string): string | null;
export declare function queryTerms(query: string): string[];
