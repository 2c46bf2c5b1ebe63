import type { BrokenLine } from './line-break';
import type { EditionCase } from './edition-types';
import { PAGE_HEADING, TOC_LABEL, TOC_SECTION, TOC_TITLE } from './styles';
import { COLORS, COLUMN_LEFT, COLUMN_WIDTH, TEXT_BOTTOM, TEXT_TOP, type Typesetter } from './typesetter';

// The table of contents: the cases under their 栏目, each with the page it starts on. Its length
// is known before the cases are set (it depends only on the titles), so its pages are reserved
// first and filled in at the end, when every case's page is known.

const LABEL_WIDTH = 6.5 * TOC_LABEL.size;
const PAGE_COLUMN = 3 * TOC_TITLE.size;
const TITLE_LEFT = COLUMN_LEFT + LABEL_WIDTH;
const TITLE_WIDTH = COLUMN_WIDTH - LABEL_WIDTH - PAGE_COLUMN - TOC_TITLE.size;
const ENTRY_GAP = 3;
const SECTION_GAP = 8;

type Item = { kind: 'section'; title: string } | { kind: 'case'; case: EditionCase };

interface Placed {
  item: Item;
  /** 0-based page of the table of contents. */
  page: number;
  top: number;
  lines: BrokenLine[];
}

export interface TocPlan {
  pages: number;
  placed: Placed[];
}

function itemsOf(cases: readonly EditionCase[]): Item[] {
  const items: Item[] = [];
  let section: string | null = null;
  for (const c of cases) {
    if (c.sectionTitle && c.sectionTitle !== section) items.push({ kind: 'section', title: c.sectionTitle });
    section = c.sectionTitle;
    items.push({ kind: 'case', case: c });
  }
  return items;
}

/** Where every entry goes; a 栏目 heading never ends a page. */
export function planToc(t: Typesetter, cases: readonly EditionCase[]): TocPlan {
  const placed: Placed[] = [];
  let page = 0;
  let y = TEXT_TOP + t.lineHeight(PAGE_HEADING) + TOC_TITLE.size;
  const items = itemsOf(cases);
  items.forEach((item, i) => {
    const set = item.kind === 'section' ? t.lines(item.title, TOC_SECTION) : t.lines(item.case.title, TOC_TITLE, { width: TITLE_WIDTH });
    // An entry keeps its line (and its page number) even when its title prints as nothing.
    const lines = set.length > 0 ? set : [{ text: '', width: 0, indent: 0, last: true }];
    const gapBefore = item.kind === 'section' && y > TEXT_TOP ? SECTION_GAP : 0;
    const height = lines.length * t.lineHeight(item.kind === 'section' ? TOC_SECTION : TOC_TITLE) + ENTRY_GAP;
    const next = items[i + 1];
    const keepWith = item.kind === 'section' && next?.kind === 'case' ? t.lineHeight(TOC_TITLE) : 0;
    if (y + gapBefore + height + keepWith > TEXT_BOTTOM) {
      page++;
      y = TEXT_TOP;
    } else {
      y += gapBefore;
    }
    placed.push({ item, page, top: y, lines });
    y += height;
  });
  return { pages: page + 1, placed };
}

/** Fills the reserved pages, from `firstPage` on, with entries linked to the pages their cases start on. */
export function drawToc(t: Typesetter, plan: TocPlan, firstPage: number, startPages: ReadonlyMap<number, number>): void {
  const doc = t.doc;
  doc.switchToPage(firstPage);
  t.place('目录', PAGE_HEADING, TEXT_TOP, { align: 'center' });
  for (const { item, page, top, lines } of plan.placed) {
    doc.switchToPage(firstPage + page);
    if (item.kind === 'section') {
      lines.forEach((line, i) => t.drawLine({ ...line, last: true }, TOC_SECTION, top + i * t.lineHeight(TOC_SECTION), { align: 'left' }));
      continue;
    }
    const lh = t.lineHeight(TOC_TITLE);
    const startPage = startPages.get(item.case.caseId)!;
    t.place(item.case.label, TOC_LABEL, top, { align: 'left', width: LABEL_WIDTH });
    lines.forEach((line, i) => t.drawLine(line, TOC_TITLE, top + i * lh, { left: TITLE_LEFT, width: TITLE_WIDTH }));
    const lastTop = top + (lines.length - 1) * lh;
    const last = lines[lines.length - 1]!;
    t.place(String(startPage + 1), TOC_TITLE, lastTop, { align: 'right' });
    // Dot leaders are drawn, not typed, so the extracted text reads “标题 12”.
    const dotsFrom = TITLE_LEFT + last.indent + last.width + 6;
    const dotsTo = COLUMN_LEFT + COLUMN_WIDTH - PAGE_COLUMN + 4;
    const dotY = lastTop + lh / 2 + TOC_TITLE.size * 0.3;
    if (dotsFrom < dotsTo) {
      doc.save().fillColor(COLORS.muted);
      for (let x = dotsFrom; x < dotsTo; x += 4) doc.circle(x, dotY, 0.55);
      doc.fill().restore();
    }
    doc.goTo(COLUMN_LEFT, top, COLUMN_WIDTH, lines.length * lh, `case-${item.case.caseId}`);
  }
}
