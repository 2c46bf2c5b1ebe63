import type { CaseContent } from '@/lib/content/model';
import { suggestThemes } from '@/lib/content/themes';
import { caseContentSchema } from '@/lib/validations/case';
import { casePositionSchema, issueNumberSchema } from '@/lib/validations/common';
import type { ParsedCase, ParsedDocument } from './types';
import { issueLabel, sectionPlace } from '@/lib/content/numerals';

/** The content of a parsed case as its first revision stores it, with suggested themes. */
export function contentFromParsedCase(parsed: ParsedCase): CaseContent {
  return {
    title: parsed.title,
    regions: parsed.regions,
    profile: parsed.profile,
    lead: parsed.lead,
    sections: parsed.sections.map(({ kind, heading, body }) => ({ kind, heading, body })),
    tags: suggestThemes(parsed.title, [parsed.lead, ...parsed.sections.map((s) => s.body)].join('\n')),
  };
}

const shortTitle = (title: string) => (title.length > 20 ? `${title.slice(0, 20)}…` : title || '无标题');

/** Where in a case a schema complaint points: the section's own line when it names one. */
function locate(parsed: ParsedCase, path: readonly PropertyKey[]): { line: number; part: string } {
  const [field, index] = path;
  if (field === 'sections' && typeof index === 'number') {
    const section = parsed.sections[index];
    return { line: section?.line ?? parsed.line, part: sectionPlace(index, section?.heading.slice(0, 20)) };
  }
  const parts: Record<string, string> = { title: '标题', regions: '地区', profile: '概况', lead: '导语', sections: '段落', tags: '主题' };
  return { line: parsed.line, part: parts[String(field)] ?? '内容' };
}

/**
 * Why a parsed compilation cannot be written, one line per problem, each naming its source line:
 * nothing recognised, an issue or case number out of range, or a case the editor itself would
 * refuse (the same caseContentSchema). Empty when the document may be imported.
 */
export function importProblems(doc: ParsedDocument): string[] {
  if (doc.issues.length === 0) return ['没有识别出任何“第N期：主题”行，这不像是案例汇编。'];
  if (doc.issues.every((issue) => issue.cases.length === 0)) return ['没有识别出任何“典型做法之N：标题”行，没有可导入的案例。'];
  const problems: string[] = [];
  const issueNumbers = new Set<number>();
  for (const issue of doc.issues) {
    const number = issueNumberSchema.safeParse(issue.number);
    if (!number.success) {
      problems.push(`第${issue.line}行：期号超出范围（${number.error.issues[0]!.message}）`);
      continue;
    }
    // Two parts of one file cannot both be 第N期, nor two cases both 之M: which would win?
    if (issueNumbers.has(issue.number)) problems.push(`第${issue.line}行：${issueLabel(issue.number)}在文件中出现了不止一次`);
    issueNumbers.add(issue.number);
    const positions = new Set<number>();
    for (const parsed of issue.cases) {
      const where = `${issueLabel(issue.number)}典型做法之${parsed.position}“${shortTitle(parsed.title)}”`;
      const position = casePositionSchema.safeParse(parsed.position);
      if (!position.success) {
        problems.push(`第${parsed.line}行：典型做法编号超出范围（${position.error.issues[0]!.message}）`);
        continue;
      }
      if (positions.has(parsed.position)) problems.push(`第${parsed.line}行：${issueLabel(issue.number)}典型做法之${parsed.position}在文件中出现了不止一次`);
      positions.add(parsed.position);
      const checked = caseContentSchema.safeParse(contentFromParsedCase(parsed));
      if (checked.success) continue;
      for (const complaint of checked.error.issues) {
        const { line, part } = locate(parsed, complaint.path);
        problems.push(`第${line}行（${where}，${part}）：${complaint.message}`);
      }
    }
  }
  return problems;
}
