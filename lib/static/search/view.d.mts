// Types for view.mjs and dom.mjs (plain JavaScript, run by the browser and by the tests in Node).
import type { StaticSearchResult } from './engine.mjs';

export type ViewNode = string | { tag: string; attrs: [string, string][]; children: ViewNode[] };

export declare const NOTICE_EMPTY: string;
export declare const NOTICE_UNSEARCHABLE: string;
export declare const NO_RESULTS: string;
export declare function countLine(result: StaticSearchResult, pages: number): string;
export declare function resultView(result: StaticSearchResult): ViewNode[];
export declare function loadingView(): ViewNode[];
export declare function failureView(): ViewNode[];
export declare function pageTitle(current: string, query: string): string;
