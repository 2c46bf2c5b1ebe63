import { drawCase } from './case-pages';
import type { EditionIssue, PdfFile } from './edition-types';
import { yieldToEventLoop } from './event-loop';
import { drawPageFurniture } from './furniture';
import { BODY, PAGE_HEADING } from './styles';
import { drawToc, planToc } from './toc';
import { COLORS, COLUMN_LEFT, COLUMN_WIDTH, PAGE_HEIGHT, TEXT_BOTTOM, TEXT_TOP, Typesetter, type TextStyle } from './typesetter';

// The whole issue as one printable edition: cover, 编者按, 目录 with page numbers, every case from a
// new page under its 栏目, and the colophon (版权页) last. Page numbers count from the cover, so a
// number in the table of contents is also the page a PDF viewer shows.

const MASTHEAD: TextStyle = { weight: 'bold', size: 34, lineHeight: 1.3, color: COLORS.accent };
const COVER_LABEL: TextStyle = { weight: 'regular', size: 14, lineHeight: 1.6 };
const COVER_TITLE: TextStyle = { weight: 'bold', size: 24, lineHeight: 1.5 };
const COVER_LINE: TextStyle = { weight: 'regular', size: 12, lineHeight: 1.8 };
const COLOPHON: TextStyle = { weight: 'regular', size: 10, lineHeight: 1.9 };

function cover(t: Typesetter, issue: EditionIssue): void {
  const narrow = { left: COLUMN_LEFT + COLUMN_WIDTH * 0.1, width: COLUMN_WIDTH * 0.8, align: 'center' as const };
  t.rule(TEXT_TOP + 40, { color: COLORS.accent, thickness: 3 });
  // The masthead is spaced out by hand: a justified line never stretches this far.
  const doc = t.use(MASTHEAD);
  const spacing = MASTHEAD.size * 0.3;
  const chars = [...issue.publication].length;
  const width = doc.widthOfString(issue.publication) + spacing * (chars - 1);
  doc.text(issue.publication, COLUMN_LEFT + (COLUMN_WIDTH - width) / 2, TEXT_TOP + 90, { lineBreak: false, baseline: 'top', characterSpacing: spacing });
  t.place(issue.serialLabel, COVER_LABEL, TEXT_TOP + 150, narrow);
  t.rule(TEXT_TOP + 190, { color: COLORS.accent, thickness: 0.75 });
  const titleTop = TEXT_TOP + 270;
  const titleHeight = t.place(issue.title, COVER_TITLE, titleTop, narrow);
  t.place(`本期收录典型做法${issue.cases.length}个`, { ...COVER_LINE, color: COLORS.muted }, titleTop + titleHeight + 24, narrow);
  const foot = [issue.colophon?.publisher.trim(), `${issue.publishedDate}发布`].filter((line): line is string => Boolean(line));
  foot.forEach((line, i) => t.place(line, COVER_LINE, PAGE_HEIGHT - 150 + i * t.lineHeight(COVER_LINE), narrow));
}

function foreword(t: Typesetter, text: string): void {
  if (!text.trim()) return;
  t.newPage();
  t.doc.outline.addItem('编者按');
  t.heading('编者按', PAGE_HEADING, t.lineHeight(BODY) * 2, { align: 'center' });
  t.space(BODY.size);
  t.paragraphs(text, BODY, { indentEms: 2 });
}

/** 版权页: who and what, in a ruled block at the foot of the last page. */
function colophon(t: Typesetter, issue: EditionIssue): void {
  const rows: [string, string][] = [
    ['刊名', issue.publication],
    ['期号', issue.serialLabel],
    ['本期主题', issue.title],
    ['发布日期', issue.publishedDate],
  ];
  const c = issue.colophon;
  if (c?.publisher.trim()) rows.push(['编印单位', c.publisher.trim()]);
  if (c?.responsibleEditor) rows.push(['责任编辑', c.responsibleEditor]);
  for (const stage of c?.stages ?? []) if (stage.signers.length > 0) rows.push([stage.name, stage.signers.join('、')]);
  const lines = rows.map(([term, value]) => `${term}：${value}`);
  const height = lines.reduce((h, line) => h + t.heightOf(line, COLOPHON), 0);
  t.newPage();
  t.doc.outline.addItem('版权页');
  const top = TEXT_BOTTOM - height - 12;
  t.rule(top - 8, { color: COLORS.ink, thickness: 1.5 });
  let y = top;
  for (const line of lines) y += t.place(line, COLOPHON, y, { align: 'left' });
  t.rule(y + 6, { color: COLORS.ink, thickness: 0.75 });
}

export async function renderIssueEdition(issue: EditionIssue): Promise<PdfFile> {
  const name = `${issue.publication} ${issue.serialLabel}`;
  const t = new Typesetter({
    title: `${name}：${issue.title}`,
    author: issue.colophon?.publisher.trim() || issue.publication,
    subject: issue.title,
    keywords: [issue.publication, issue.serialLabel, ...new Set(issue.cases.map((c) => c.sectionTitle).filter((s): s is string => Boolean(s)))].join('，'),
    createdAt: issue.publishedAt,
  });
  cover(t, issue);
  foreword(t, issue.foreword);

  const toc = planToc(t, issue.cases);
  t.newPage();
  t.doc.outline.addItem('目录');
  const tocPage = t.pageIndex();
  for (let i = 1; i < toc.pages; i++) t.newPage();

  const startPages = new Map<number, number>();
  // The 栏目 being set and its bookmark, under which its cases' bookmarks go.
  let section = null as { title: string; outline: PDFKit.PDFOutline } | null;
  for (const c of issue.cases) {
    await yieldToEventLoop();
    t.newPage();
    startPages.set(c.caseId, t.pageIndex());
    t.doc.addNamedDestination(`case-${c.caseId}`);
    if (c.sectionTitle && c.sectionTitle !== section?.title) section = { title: c.sectionTitle, outline: t.doc.outline.addItem(c.sectionTitle, { expanded: true }) };
    if (!c.sectionTitle) section = null;
    (section?.outline ?? t.doc.outline).addItem(`${c.label} ${c.title}`);
    drawCase(t, c, { kicker: [c.sectionTitle, c.label].filter(Boolean).join(' · '), meta: c.place });
  }
  colophon(t, issue);

  drawToc(t, toc, tocPage, startPages);
  drawPageFurniture(t, `${name} · ${issue.title}`, { skipFirst: true });
  return t.finish();
}
