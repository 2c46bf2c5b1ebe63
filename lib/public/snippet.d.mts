// Types for snippet.mjs (plain JavaScript, shared by the app and the static snapshot's search script).
import type { SnippetPart } from './types';

export declare function foldCase(text: string): string;
export declare function highlight(text: string, terms: readonly string[]): SnippetPart[];
export declare function snippetOf(body: string, terms: readonly string[], width?: number): SnippetPart[];
export declare function snippetSource(content: { lead: string; sections: readonly { body: string }[] }): string;
