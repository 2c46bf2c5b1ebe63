// The import parser on pasted text: it must answer at once whatever the line holds, and never
// throw. The old line patterns (`\s*(?:[:：]\s*|\s+|$)(.*)$`) tried every split of a run of
// spaces before failing on a line separator: 2,000 spaces took tens of seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine, splitSectionHeading } from '@/lib/import/lines';
import { parseCompilation } from '@/lib/import/parse';
import { adversarial, BOUND_MS, fill, hostileString, prose, timed, WHITESPACE } from './support';

const JS_WHITESPACE = WHITESPACE.filter((c) => /\s/u.test(c));

describe('import lines: the reported inputs', () => {
  it('reads the reported line (第1期, 2,000 spaces, a line separator, a letter) at once', () => {
    const line = `第1期${' '.repeat(2000)}\u2028x`;
    expect(timed(() => classifyLine(line))).toBeLessThan(BOUND_MS);
    expect(classifyLine(line)).toEqual({ kind: 'issue', number: 1, numeral: '1', title: 'x' });
  });

  it.each([
    ['an issue heading', '第1期', { kind: 'issue', number: 1, numeral: '1', title: 'x\u2028y' }],
    ['a case heading', '典型做法之1', { kind: 'case', position: 1, numeral: '1', title: 'x\u2028y' }],
    ['a section label', '（一）', { kind: 'section', number: 1, numeral: '一', rest: 'x\u2028y' }],
  ])('reads %s followed by a run of spaces and text holding a line separator at once', (_, head, expected) => {
    // 2,000 spaces took the old issue and case patterns about 15 s; the section pattern grew quadratically.
    const line = `${head}${' '.repeat(2000)}x\u2028y`;
    expect(timed(() => classifyLine(line))).toBeLessThan(BOUND_MS);
    // 100,000 spaces: the old section pattern took about a minute.
    const long = `${head}${' '.repeat(100_000)}x\u2028y`;
    expect(timed(() => classifyLine(long))).toBeLessThan(BOUND_MS);
    expect(classifyLine(line)).toEqual(expected);
  }, 120_000);
});

describe('import lines: properties', () => {
  const numeral = fc.integer({ min: 1, max: 999 });
  const gap = fc.array(fc.constantFrom(...JS_WHITESPACE), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
  // A title as an author writes it, possibly with a line separator pasted inside.
  const title = fc
    .tuple(fc.constantFrom('主题', '推进公共服务', 'A区'), fc.constantFrom('', '\u2028', '\u2029', '\u0085', '\u3000'), fc.constantFrom('', '建设', 'x'))
    .map(([a, sep, b]) => `${a}${sep}${b}`.trim());

  it('reads 第N期 / 典型做法之N with any whitespace or colon before the title, whatever the title holds', () => {
    fc.assert(
      fc.property(numeral, gap, fc.constantFrom('', '：', ':'), title, (n, space, colon, t) => {
        expect(classifyLine(`第${n}期${space}${colon}${t}`)).toEqual({ kind: 'issue', number: n, numeral: String(n), title: t });
        expect(classifyLine(`典型做法之${n}${colon}${space}${t}`)).toEqual({ kind: 'case', position: n, numeral: String(n), title: t });
      }),
    );
  });

  it('does not read "第1期的成果" as an issue heading', () => {
    expect(classifyLine('第1期的成果很好')).toEqual({ kind: 'text', text: '第1期的成果很好' });
    expect(classifyLine('典型做法之1是')).toEqual({ kind: 'text', text: '典型做法之1是' });
  });

  it('classifies any line without throwing, and titles come trimmed', () => {
    fc.assert(
      fc.property(hostileString(), (line) => {
        const kind = classifyLine(line);
        const text = kind.kind === 'issue' || kind.kind === 'case' ? kind.title : kind.kind === 'section' ? kind.rest : kind.kind === 'text' ? kind.text : '';
        expect(text).toBe(text.trim());
        const { heading, body } = splitSectionHeading(line);
        expect(heading).toBe(heading.trim());
        expect(body).toBe(body.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('parses any document without throwing: warnings point at real lines, numbers are exact', () => {
    const doc = fc
      .array(fc.oneof(hostileString(40), fc.constantFrom('第1期：主题', '典型做法之1：北京市', '（一）主要做法。正文', '01', `第${'9'.repeat(25)}期：主题`)), {
        maxLength: 40,
      })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(doc, (text) => {
        const parsed = parseCompilation(text);
        const lines = text.replace(/\r\n?/gu, '\n').split('\n').length;
        for (const w of parsed.warnings) expect(w.line >= 1 && w.line <= lines).toBe(true);
        for (const issue of parsed.issues) {
          expect(Number.isSafeInteger(issue.number) && issue.number > 0).toBe(true);
          for (const c of issue.cases) expect(Number.isSafeInteger(c.position) && c.position > 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('import: the largest inputs', () => {
  it('reports an issue number too long to be exact instead of importing it', () => {
    const doc = parseCompilation(`第${'9'.repeat(30)}期：主题\n典型做法之1：北京市\n（一）主要做法。正文`);
    expect(doc.issues).toEqual([]);
    expect(doc.warnings[0]!.message).toContain('无法识别的期号');
  });

  it('reports a case with more than 999 section labels instead of crashing', () => {
    const doc = parseCompilation(['第1期：主题', '典型做法之1：北京市', ...Array.from({ length: 1200 }, () => '（一）主要做法。正文')].join('\n'));
    expect(doc.issues[0]!.cases[0]!.sections).toHaveLength(1200);
    expect(doc.warnings.some((w) => w.message === '小节序号应为（1000），实为（一）')).toBe(true);
  });

  it.each(Object.entries(adversarial(100_000)))('classifies and parses a 100,000-character line of %s in time', (_, line) => {
    expect(timed(() => classifyLine(line))).toBeLessThan(BOUND_MS);
    expect(timed(() => splitSectionHeading(line))).toBeLessThan(BOUND_MS);
    expect(timed(() => parseCompilation(line))).toBeLessThan(BOUND_MS);
  }, 120_000);

  it.each([
    ['issue headings', (i: number) => `第${i}期：主题`],
    ['repeated issue headings', () => '第1期 第1期 第1期'],
    ['case headings', (i: number) => `典型做法之${i}：北京市延庆区`],
    ['section labels', () => '（一）（一）（一）主要做法。正文'],
    ['enumerations', () => '典型做法之一是二是一是'],
    ['prose', (i: number) => prose(60 + (i % 40))],
  ])('parses a 20,000-line document of %s in time', (_, line) => {
    const text = ['第1期：主题', '典型做法之1：北京市', ...Array.from({ length: 20_000 }, (_, i) => line(i + 1))].join('\n');
    expect(timed(() => parseCompilation(text))).toBeLessThan(BOUND_MS);
  }, 120_000);

  it('parses a 1,000,000-character document (the import limit) in time', () => {
    const text = fill(`${prose(5000)}\n（一）主要做法。${' '.repeat(500)}x\u2028y\n`, 1_000_000);
    expect(timed(() => parseCompilation(`第1期：主题\n典型做法之1：北京市\n${text}`))).toBeLessThan(BOUND_MS * 2);
  }, 120_000);
});
