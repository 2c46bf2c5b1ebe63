// Types for query.mjs (plain JavaScript, shared by the app and the static snapshot's search script).
import type { SearchFilters } from '../public/types';

export declare const SEARCH_PAGE_SIZE: number;
export declare const MAX_QUERY_LENGTH: number;
export declare function cleanQuery(raw: string): string;
export declare function parseSearchParams(input: Record<string, string | string[] | undefined>): { query: string; filters: SearchFilters };
export interface SearchPathParams {
  q?: string;
  issue?: number | null;
  province?: string | null;
  page?: number;
}
export declare function searchPath(params?: SearchPathParams): string;
