// Types for engine.mjs (plain JavaScript, run by the browser and by the tests in Node).
import type { SearchFilters, SnippetPart } from '../../public/types';

export declare class StaticSearchFileError extends Error {
  readonly path: string;
  readonly status: number;
}

/** One result as the static search page shows it. */
export interface StaticSearchHit {
  caseId: number;
  title: string;
  issueNumber: number;
  position: number;
  /** 第一期 · 典型做法之1 · 广东省深圳市 */
  meta: string;
  titleMatch: boolean;
  titleParts: SnippetPart[];
  snippet: SnippetPart[];
}

export interface StaticSearchResult {
  query: string;
  filters: SearchFilters;
  total: number;
  pageSize: number;
  hits: StaticSearchHit[];
  notice: 'empty' | 'unsearchable' | null;
}

/** Reads one file of the snapshot, by its path from the site root ("_search/meta.json"). */
export type FetchFile = (path: string, options: { fresh: boolean }) => Promise<Response>;

export declare function createStaticSearch(fetchFile: FetchFile): {
  search(request: { query: string; filters: SearchFilters }): Promise<StaticSearchResult>;
};
