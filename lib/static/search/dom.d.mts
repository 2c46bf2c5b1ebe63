// Types for dom.mjs.
import type { ViewNode } from './view.mjs';

/** The part of a DOM document dom.mjs uses. */
export interface DocumentLike<N> {
  createTextNode(text: string): N;
  createElement(tag: string): N & { setAttribute(name: string, value: string): void; appendChild(child: N): unknown };
}

export declare function toDom<N>(doc: DocumentLike<N>, nodes: ViewNode[]): N[];
export declare function replaceAfter(anchor: Node, nodes: ViewNode[]): void;
