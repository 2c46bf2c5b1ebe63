import PDFDocument from 'pdfkit';
import { editionFonts, type FontWeight } from './fonts';
import { breakLines, paragraphsOf, type BrokenLine } from './line-break';
import type { PdfFile } from './edition-types';

// The page as the site's print stylesheet sets it (components/site/site.css: @page A4, 11pt text at
// line-height 1.8, black on white, paragraphs indented 2em), with what paper needs on top: running
// heads, page numbers, and page breaks that never strand a heading or a single line. pdfkit draws;
// this module decides where every line goes (pdfkit's own wrapping knows neither Chinese line
// breaking nor justification without spaces), so every page break is made here.

const MM = 72 / 25.4;
/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const BODY_SIZE = 11;
/** The text column is a whole number of characters wide, so a line of Han characters fills it exactly. */
const COLUMN_CHARS = 45;
export const COLUMN_WIDTH = COLUMN_CHARS * BODY_SIZE;
export const COLUMN_LEFT = (PAGE_WIDTH - COLUMN_WIDTH) / 2;
/** Below the running head and above the page number (the stylesheet's 18 mm and 20 mm, plus room for them). */
export const TEXT_TOP = 22 * MM;
export const TEXT_BOTTOM = PAGE_HEIGHT - 20 * MM;

export const COLORS = { ink: '#000000', accent: '#a61b1b', muted: '#57606a', rule: '#999999' } as const;

/**
 * The most a justified line's characters are spread apart, in ems. Wider gaps would read as spaces
 * (and text extractors would insert them, breaking search), so a line that would need more is set ragged.
 */
const MAX_SPREAD_EM = 0.1;
/** Where a Han character's em box sits: its top 0.88 em above the baseline (Noto CJK's ideographic box). */
const EM_BOX_ASCENT = 0.88;

export interface TextStyle {
  weight: FontWeight;
  size: number;
  /** Line height as a multiple of the size. */
  lineHeight: number;
  color?: string;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface FlowOptions {
  /** The first line's indent in ems (2 for body paragraphs). */
  indentEms?: number;
  align?: Align;
  /** Column left edge and width; the page's text column by default. */
  left?: number;
  width?: number;
}

export interface RuleOptions {
  left?: number;
  width?: number;
  color?: string;
  thickness?: number;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Fixed to the publication time, so the same published state gives the same file. */
  createdAt: Date;
}

/**
 * How many of a paragraph's remaining lines go on this page, where `fit` lines still fit: all if
 * they fit; else never one alone at the foot (an orphan) nor one alone at the top of the next page
 * (a widow). 0: start a new page first. At the top of a page it always takes at least one line.
 */
export function linesForThisPage(remaining: number, fit: number, atPageTop: boolean): number {
  if (remaining <= fit) return remaining;
  const take = remaining - fit < 2 ? remaining - 2 : fit;
  if (take >= 2) return take;
  return atPageTop ? Math.max(1, Math.min(fit, remaining)) : 0;
}

export class Typesetter {
  readonly doc: PDFKit.PDFDocument;
  /** Top of the next line on the current page. */
  y = TEXT_TOP;
  private atPageTop = true;
  private readonly chunks: Buffer[] = [];
  private readonly widths = new Map<string, number>();
  private readonly ended: Promise<void>;

  constructor(info: DocumentInfo) {
    const fonts = editionFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: TEXT_TOP, bottom: PAGE_HEIGHT - TEXT_BOTTOM, left: COLUMN_LEFT, right: COLUMN_LEFT },
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Keywords: info.keywords, Creator: 'Casebook', CreationDate: info.createdAt, ModDate: info.createdAt },
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
  }

  use(style: TextStyle): PDFKit.PDFDocument {
    return this.doc.font(style.weight).fontSize(style.size).fillColor(style.color ?? COLORS.ink);
  }

  lineHeight(style: TextStyle): number {
    return style.size * style.lineHeight;
  }

  /** A paragraph's lines in this style and column. */
  lines(text: string, style: TextStyle, { indentEms = 0, width = COLUMN_WIDTH }: FlowOptions = {}): BrokenLine[] {
    this.use(style);
    const key = `${style.weight}:${style.size}:`;
    // Measuring runs the font's shaping: each character is measured once per document and style.
    const measure = (t: string) => {
      let w = this.widths.get(key + t);
      if (w === undefined) this.widths.set(key + t, (w = this.doc.widthOfString(t)));
      return w;
    };
    return breakLines(text, { width, firstLineIndent: indentEms * style.size, measure });
  }

  /** Height of text (paragraphs separated by "\n") in this style and column. */
  heightOf(text: string, style: TextStyle, options: FlowOptions = {}): number {
    return paragraphsOf(text).reduce((h, p) => h + this.lines(p, style, options).length * this.lineHeight(style), 0);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = TEXT_TOP;
    this.atPageTop = true;
  }

  /** Vertical space between blocks; none at the top of a page. */
  space(height: number): void {
    if (!this.atPageTop) this.y = Math.min(this.y + height, TEXT_BOTTOM);
  }

  /** Starts a new page unless `height` still fits on this one. */
  keep(height: number): void {
    if (!this.atPageTop && this.y + height > TEXT_BOTTOM + 0.01) this.newPage();
  }

  /** Marks the current position as taken (after drawing outside the flow, e.g. a box). */
  advance(height: number): void {
    this.y += height;
    this.atPageTop = false;
  }

  /** One line at the given top, in its style; a justified line is spread to the column's width. */
  drawLine(line: BrokenLine, style: TextStyle, top: number, { align = 'justify', left = COLUMN_LEFT, width = COLUMN_WIDTH }: FlowOptions = {}): void {
    const doc = this.use(style);
    const baseline = top + (this.lineHeight(style) - style.size) / 2 + EM_BOX_ASCENT * style.size;
    let x = left + line.indent;
    let characterSpacing = 0;
    if (align === 'justify' && !line.last) {
      const chars = [...line.text].length;
      const spread = chars > 1 ? (width - line.indent - doc.widthOfString(line.text)) / (chars - 1) : 0;
      if (spread > 0 && spread <= MAX_SPREAD_EM * style.size) characterSpacing = spread;
    } else if (align === 'center') {
      x = left + (width - line.width) / 2;
    } else if (align === 'right') {
      x = left + width - line.width;
    }
    doc.text(line.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing });
  }

  /** Draws text at a fixed place, outside the flow (in a box, on the cover); returns its height. */
  place(text: string, style: TextStyle, top: number, options: FlowOptions = {}): number {
    let y = top;
    for (const paragraph of paragraphsOf(text)) {
      for (const line of this.lines(paragraph, style, options)) {
        this.drawLine(line, style, y, options);
        y += this.lineHeight(style);
      }
    }
    return y - top;
  }

  /**
   * Flows paragraphs down the pages. A page never ends with a paragraph's first line alone or
   * begins with its last line alone (orphans and widows: 2, as the stylesheet asks).
   */
  paragraphs(text: string, style: TextStyle, options: FlowOptions = {}, gap = 0): void {
    for (const paragraph of paragraphsOf(text)) {
      this.flow(this.lines(paragraph, style, options), style, options);
      this.space(gap);
    }
  }

  flow(lines: BrokenLine[], style: TextStyle, options: FlowOptions = {}): void {
    const height = this.lineHeight(style);
    let at = 0;
    while (at < lines.length) {
      const take = linesForThisPage(lines.length - at, Math.floor((TEXT_BOTTOM - this.y + 0.01) / height), this.atPageTop);
      if (take === 0) {
        this.newPage();
        continue;
      }
      for (let i = 0; i < take; i++) {
        this.drawLine(lines[at + i]!, style, this.y, options);
        this.advance(height);
      }
      at += take;
      if (at < lines.length) this.newPage();
    }
  }

  /** A heading kept on one page with at least `keepWith` of what follows it. */
  heading(text: string, style: TextStyle, keepWith: number, options: FlowOptions = {}): void {
    const lines = this.lines(text, style, options);
    this.keep(lines.length * this.lineHeight(style) + keepWith);
    this.flow(lines.map((l) => ({ ...l, last: true })), style, { ...options, align: options.align ?? 'left' });
  }

  rule(top: number, { left = COLUMN_LEFT, width = COLUMN_WIDTH, color = COLORS.rule, thickness = 0.75 }: RuleOptions = {}): void {
    this.doc.save().moveTo(left, top).lineTo(left + width, top).lineWidth(thickness).strokeColor(color).stroke().restore();
  }

  box(top: number, height: number, { color = COLORS.rule, accent = false }: { color?: string; accent?: boolean } = {}): void {
    const doc = this.doc.save().lineWidth(0.75).strokeColor(color).rect(COLUMN_LEFT, top, COLUMN_WIDTH, height).stroke();
    if (accent) doc.moveTo(COLUMN_LEFT, top).lineTo(COLUMN_LEFT + COLUMN_WIDTH, top).lineWidth(2.5).strokeColor(COLORS.accent).stroke();
    doc.restore();
  }

  /** Runs `draw` on every page once the whole document is laid out (page numbers need the total). */
  eachPage(draw: (index: number, count: number) => void): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      draw(i - start, count);
    }
  }

  pageIndex(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  async finish(): Promise<PdfFile> {
    const pages = this.doc.bufferedPageRange().count;
    this.doc.end();
    await this.ended;
    return { bytes: new Uint8Array(Buffer.concat(this.chunks)), pages };
  }
}
