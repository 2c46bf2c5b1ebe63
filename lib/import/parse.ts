// The compilation parser: plain text in the shape of db/seed/compilation.txt ("01" / 第一期：主题 /
// 典型做法之N：标题 / profile sentence or lead / （一）标题。正文) → issues and cases. Pure: no database.
// Text is kept verbatim (errors in it are the proofreader's to report); every line it cannot
// place, and every figure it cannot read, becomes a warning with its line number.
import { MAX_CHINESE_NUMERAL, sectionLabel, issueLabel } from '@/lib/content/numerals';
import { resolveRegionsFromText } from '@/lib/regions/resolve';
import { classifyLine, sectionKindOf, splitLines, splitSectionHeading } from './lines';
import { parseProfileSentence, startsLikeProfile } from './profile';
import type { ImportJson, ParseWarning, ParsedCase, ParsedDocument, ParsedIssue } from './types';

export type {
  ImportCase,
  ImportIssue,
  ImportJson,
  ParseWarning,
  ParsedCase,
  ParsedDocument,
  ParsedIssue,
  ParsedSection,
} from './types';

/** A section heading longer than this probably lost its 。 and swallowed the body. */
const LONG_HEADING = 40;

class Parser {
  readonly issues: ParsedIssue[] = [];
  readonly warnings: ParseWarning[] = [];
  private issue: ParsedIssue | null = null;
  private kase: ParsedCase | null = null;
  private marker: { number: number; text: string; line: number } | null = null;
  // Sets, not searches of the lists: a pasted document may hold thousands of headings.
  private readonly issueNumbers = new Set<number>();
  private casePositions = new Set<number>();

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  feed(raw: string, line: number): void {
    const kind = classifyLine(raw);
    if (kind.kind === 'blank') return;
    if (this.marker && kind.kind !== 'issue') this.dropMarker();

    switch (kind.kind) {
      case 'marker':
        this.marker = { number: kind.number, text: raw.trim(), line };
        return;
      case 'issue':
        this.startIssue(kind.number, kind.numeral, kind.title, line);
        return;
      case 'case':
        this.startCase(kind.position, kind.numeral, kind.title, line);
        return;
      case 'section':
        this.startSection(kind.number, kind.numeral, kind.rest, line);
        return;
      case 'text':
        this.addText(kind.text, line);
        return;
    }
  }

  finish(): ParsedDocument {
    if (this.marker) this.dropMarker();
    this.closeIssue();
    const warnings = [...this.warnings].sort((a, b) => a.line - b.line);
    return { issues: this.issues, warnings };
  }

  private dropMarker(): void {
    const m = this.marker!;
    this.warn(m.line, `期号标记“${m.text}”后面不是“第N期：主题”行，已忽略`);
    this.marker = null;
  }

  private startIssue(number: number | null, numeral: string, title: string, line: number): void {
    this.closeIssue();
    const marker = this.marker;
    this.marker = null;
    if (number === null) {
      this.warn(line, `无法识别的期号“第${numeral}期”，本期内容无法导入`);
      return;
    }
    if (marker && marker.number !== number) {
      this.warn(line, `期号“第${numeral}期”与前面的标记“${marker.text}”不一致`);
    }
    const previous = this.issues.at(-1);
    if (this.issueNumbers.has(number)) {
      this.warn(line, `期号“第${numeral}期”重复`);
    } else if (previous && number !== previous.number + 1) {
      this.warn(line, `期号不连续：第${previous.number}期之后是“第${numeral}期”`);
    }
    if (title === '') this.warn(line, `第${numeral}期缺少主题`);
    this.issue = { number, title, line, cases: [] };
    this.issues.push(this.issue);
    this.issueNumbers.add(number);
    this.casePositions = new Set();
  }

  private closeIssue(): void {
    this.closeCase();
    if (this.issue && this.issue.cases.length === 0) {
      this.warn(this.issue.line, `${issueLabel(this.issue.number)}没有任何典型做法`);
    }
    this.issue = null;
  }

  private startCase(position: number | null, numeral: string, title: string, line: number): void {
    this.closeCase();
    if (!this.issue) {
      this.warn(line, `典型做法之${numeral}出现在任何一期之前，无法归属`);
      return;
    }
    if (position === null) {
      this.warn(line, `无法识别的编号“典型做法之${numeral}”，该典型做法无法导入`);
      return;
    }
    const cases = this.issue.cases;
    const expected = (cases.at(-1)?.position ?? 0) + 1;
    if (this.casePositions.has(position)) {
      this.warn(line, `典型做法之${numeral}编号重复`);
    } else if (position !== expected) {
      this.warn(line, `典型做法编号不连续：应为之${expected}，实为之${numeral}`);
    }
    if (title === '') this.warn(line, `典型做法之${numeral}缺少标题`);
    this.kase = { position, line, title, regions: [], profile: null, lead: '', sections: [] };
    cases.push(this.kase);
    this.casePositions.add(position);
  }

  private closeCase(): void {
    const c = this.kase;
    if (!c) return;
    this.kase = null;
    const found = resolveRegionsFromText(c.title, c.lead);
    c.regions = found.codes;
    for (const name of found.ambiguous) {
      this.warn(c.line, `地名“${name}”对应多个地区，未自动选择，请手动指定`);
    }
    if (found.codes.length === 0 && found.ambiguous.length === 0) {
      this.warn(c.line, `未能从标题或导语中识别地区：“${c.title}”`);
    }
    if (c.sections.length === 0) this.warn(c.line, `典型做法之${c.position}没有任何小节`);
  }

  private startSection(number: number | null, numeral: string, rest: string, line: number): void {
    const c = this.kase;
    if (!c) {
      const where = this.issue ? '本期第一个典型做法之前' : '第一期之前';
      this.warn(line, `小节“（${numeral}）”出现在${where}，无法归属`);
      return;
    }
    const expected = c.sections.length + 1;
    if (number !== expected) {
      // Past 999 sections (only in a broken paste) there is no Chinese numeral to spell.
      const label = expected <= MAX_CHINESE_NUMERAL ? sectionLabel(expected - 1) : `（${expected}）`;
      this.warn(line, `小节序号应为${label}，实为（${numeral}）`);
    }
    const { heading, body } = splitSectionHeading(rest);
    if (heading === '') this.warn(line, '小节缺少标题');
    if (heading.length > LONG_HEADING) this.warn(line, '小节标题过长，可能缺少句号“。”');
    c.sections.push({ kind: sectionKindOf(heading), heading, body, line });
  }

  private addText(text: string, line: number): void {
    const c = this.kase;
    if (!c) {
      const where = this.issue ? `${issueLabel(this.issue.number)}主题之后、第一个典型做法之前` : '第一期之前';
      this.warn(line, `无法归属的行（位于${where}）`);
      return;
    }
    const section = c.sections.at(-1);
    if (section) {
      section.body = section.body === '' ? text : `${section.body}\n${text}`;
      return;
    }
    if (c.profile === null && c.lead === '') {
      const parsed = parseProfileSentence(text);
      if (parsed) {
        c.profile = parsed.profile;
        for (const message of parsed.warnings) this.warn(line, message);
        return;
      }
      if (startsLikeProfile(text)) {
        this.warn(line, '此行像概况句，但有无法识别的部分，已作为导语保留');
      }
    }
    c.lead = c.lead === '' ? text : `${c.lead}\n${text}`;
  }
}

/** Parses a whole compilation. Never throws on bad input: problems become warnings. */
export function parseCompilation(text: string): ParsedDocument {
  const parser = new Parser();
  splitLines(text).forEach((raw, i) => parser.feed(raw, i + 1));
  return parser.finish();
}

/** The documented import JSON shape: the same content without line numbers. */
export function toImportJson(doc: ParsedDocument): ImportJson {
  return {
    issues: doc.issues.map((issue) => ({
      number: issue.number,
      title: issue.title,
      cases: issue.cases.map((c) => ({
        position: c.position,
        title: c.title,
        regions: [...c.regions],
        profile: c.profile
          ? { ...c.profile, population: c.profile.population ? { ...c.profile.population } : null }
          : null,
        lead: c.lead,
        sections: c.sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body })),
      })),
    })),
    warnings: doc.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}
