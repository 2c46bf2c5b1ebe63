import 'server-only';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { issueLabel } from '@/lib/content/numerals';
import { compilationBlocks, type ExportBlock, type ExportIssue } from './compilation-export';

const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' };
const BODY_SIZE = 28; // half-points: 14 pt, 四号, as printed compilations use
const indent = { firstLine: 560 }; // two characters

function run(text: string, options: { bold?: boolean; heading?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, bold: options.bold, size: options.size ?? BODY_SIZE, font: options.heading ? HEADING_FONT : FONT });
}

function paragraphOf(block: ExportBlock): Paragraph {
  switch (block.kind) {
    case 'marker':
      return new Paragraph({ children: [run(block.text, { heading: true })], pageBreakBefore: false });
    case 'issue':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(block.text, { heading: true, size: 36 })] });
    case 'case':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(block.text, { heading: true, size: 30 })] });
    case 'section':
      // Heading and body share one paragraph, as in the seed: （一）主要做法。一是……
      return new Paragraph({ indent, children: [run(`${block.label}${block.heading}。`, { bold: true }), run(block.body)] });
    case 'foreword':
      return new Paragraph({ indent, children: [run('编者按：', { bold: true }), run(block.text)] });
    case 'profile':
    case 'lead':
    case 'paragraph':
      return new Paragraph({ indent, children: [run(block.text)] });
  }
}

/** The issue(s) as a Word document laid out like the seed compilation. */
export async function buildCompilationDocx(issues: readonly ExportIssue[]): Promise<Buffer> {
  const title = issues.length === 1 ? `${issueLabel(issues[0]!.number)}：${issues[0]!.title}` : '案例汇编';
  const doc = new Document({
    title,
    creator: '案例期刊',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [{ children: compilationBlocks(issues).map(paragraphOf) }],
  });
  return Packer.toBuffer(doc);
}
