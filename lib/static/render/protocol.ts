import type { CasePageData } from '@/lib/public/case-page-data';
import type { CaseParts } from './case-parts';

// Messages between the generator and its case page renderer (./child.tsx).

export interface RenderRequest {
  id: number;
  siteUrl: string;
  pages: CasePageData[];
}

export type RenderReply = { id: number; parts: CaseParts[] } | { id: number; error: string } | { id: 0; ready: true };

/** What the generator asks of a renderer: the varying parts of these case pages, in order. */
export interface CasePageRenderer {
  render(pages: CasePageData[], siteUrl: string): Promise<CaseParts[]>;
  close(): Promise<void>;
}
