// npm run lint:content -- [--summary] FILE
// Proofreads a compilation file without the app: the text rules on every line (a line is a
// paragraph), section labels and case numbers across lines, and, through the compilation
// parser, the profile rules on each case's profile line. Prints "line:column rule message"
// (1-based, columns in characters), then counts by rule. Exit 1 on errors, 2 on usage errors.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseNumeral } from '@/lib/content/numerals';
import { parseCompilation } from '@/lib/import/parse';
import {
  RULE_IDS,
  RULE_LABELS,
  checkSequence,
  checkText,
  crossCheckCases,
  proofreadProfile,
  sectionLabelAt,
  type Finding,
} from '@/lib/proofread';

const USAGE = '用法：npm run lint:content -- [--summary] 文件';

interface Located {
  line: number;
  finding: Finding;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Column in characters (code points), 1-based, of a UTF-16 offset. */
const columnOf = (text: string, offset: number): number => [...text.slice(0, offset)].length + 1;

/** (一)(二) labels and 典型做法之N numbers must count up; headings of a new case or issue reset them. */
function checkAcrossLines(lines: string[]): Located[] {
  const out: Located[] = [];
  type Mark = { line: number; value: number; offset: number; length: number };
  const flush = (marks: Mark[], what: string, spell: (n: number) => string): void => {
    const hits = checkSequence(
      marks.map((m) => ({ value: m.value, offset: m.offset, length: m.length, spell })),
      what,
      true,
      false,
    );
    for (const h of hits) {
      const mark = marks.find((m) => m.offset === h.offset && m.length === h.length)!;
      out.push({ line: mark.line, finding: { ...h, offset: 0, field: 'section' } });
    }
  };
  let labels: Mark[] = [];
  let cases: Mark[] = [];
  const issues: Mark[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const caseMatch = /^典型做法之\s*([0-9０-９]+|[一二三四五六七八九十]+)/u.exec(line);
    const issueMatch = /^第\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*期/u.exec(line);
    // Offsets are made unique per line so findings map back to their mark.
    const at = (length: number): { offset: number; length: number } => ({ offset: i * 10_000, length });
    if (caseMatch || issueMatch) {
      flush(labels, '段落序号', (n) => `（${n}）`);
      labels = [];
    }
    if (issueMatch) {
      flush(cases, '典型做法编号', (n) => `典型做法之${n}`);
      cases = [];
      const value = parseNumeral(issueMatch[1]!);
      if (value !== null) issues.push({ line: i + 1, value, ...at(issueMatch[0].length) });
    }
    if (caseMatch) {
      const value = parseNumeral(caseMatch[1]!);
      if (value !== null) cases.push({ line: i + 1, value, ...at(caseMatch[0].length) });
    }
    const label = sectionLabelAt(line);
    if (label) labels.push({ line: i + 1, value: label.value, ...at(label.length) });
  });
  flush(labels, '段落序号', (n) => `（${n}）`);
  flush(cases, '典型做法编号', (n) => `典型做法之${n}`);
  flush(issues, '期号', (n) => `第${n}期`);
  return out;
}

/**
 * Profile rules, reported on the line right after each case's title (its profile sentence), and
 * the same place's figures compared across every case of the file.
 */
function checkProfiles(text: string, lines: string[]): Located[] {
  const out: Located[] = [];
  const cases = parseCompilation(text).issues.flatMap((issue) => issue.cases);
  const across = crossCheckCases(cases);
  cases.forEach((kase, i) => {
    let line = kase.line + 1;
    while (line <= lines.length && lines[line - 1]!.trim() === '') line++;
    for (const finding of [...proofreadProfile(kase), ...across[i]!]) out.push({ line, finding });
  });
  return out;
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { summary: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch {
    fail(USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) fail(USAGE);
  const file = positionals[0]!;
  let text: string;
  try {
    const bytes = fs.readFileSync(file);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(
      code === 'ENOENT'
        ? `找不到文件：${file}`
        : code === 'EISDIR'
          ? `这是一个目录，不是文件：${file}`
          : code === undefined || code.startsWith('ERR_ENCODING')
            ? `文件不是有效的 UTF-8 文本：${file}`
            : `无法读取文件：${file}（${code}）`,
    );
  }
  text = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const lines = text.split('\n');

  const located: Located[] = [];
  lines.forEach((line, i) => {
    for (const finding of checkText(line, 'section')) located.push({ line: i + 1, finding });
  });
  located.push(...checkAcrossLines(lines), ...checkProfiles(text, lines));
  located.sort((a, b) => a.line - b.line || a.finding.offset - b.finding.offset);

  if (!values.summary) {
    for (const { line, finding } of located) {
      const column = columnOf(lines[line - 1] ?? '', finding.offset);
      const level = finding.severity === 'error' ? '错误' : '提示';
      console.log(`${line}:${column} ${finding.rule} [${level}] ${finding.message}`);
    }
  }
  const errors = located.filter((l) => l.finding.severity === 'error').length;
  console.log(`\n${file}：共 ${located.length} 处（错误 ${errors}，提示 ${located.length - errors}）`);
  for (const rule of RULE_IDS) {
    const of = located.filter((l) => l.finding.rule === rule);
    if (of.length === 0) continue;
    const e = of.filter((l) => l.finding.severity === 'error').length;
    console.log(`  ${rule.padEnd(22)} ${String(of.length).padStart(5)}  ${RULE_LABELS[rule]}（错误 ${e}，提示 ${of.length - e}）`);
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main();
