import { drawCase } from './case-pages';
import type { EditionCase, EditionIssue, PdfFile } from './edition-types';
import { drawPageFurniture } from './furniture';
import { BODY, META } from './styles';
import { Typesetter } from './typesetter';

/** One case on its own, as its page prints, with where it was published. */
export async function renderCaseEdition(issue: EditionIssue, c: EditionCase): Promise<PdfFile> {
  const name = `${issue.publication} ${issue.serialLabel}`;
  const t = new Typesetter({ title: c.title, author: issue.colophon?.publisher.trim() || issue.publication, subject: `${name}：${issue.title}`, keywords: c.place, createdAt: issue.publishedAt });
  drawCase(t, c, {
    kicker: [issue.serialLabel, c.sectionTitle, c.label].filter(Boolean).join(' · '),
    meta: `${c.place} · ${issue.publishedDate}发布`,
  });
  t.space(BODY.size);
  t.paragraphs(`本文收录于《${issue.publication}》${issue.serialLabel}“${issue.title}”。`, META);
  drawPageFurniture(t, name, { skipFirst: false });
  return t.finish();
}
