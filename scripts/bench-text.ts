// npm run bench:text — how the time of every function that runs on user text grows with its
// input: 10k, 100k and 1M characters of realistic text (the seed compilation, repeated) and of the
// worst hostile input known for that function. Linear code grows about ×10 per step; the
// backtracking and rescanning code this replaced grew ×100 or ×1000 per step.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseContent } from '@/lib/content/model';
import { parseNumeral } from '@/lib/content/numerals';
import { classifyLine, splitSectionHeading } from '@/lib/import/lines';
import { parseCompilation } from '@/lib/import/parse';
import { parseProfileSentence } from '@/lib/import/profile';
import { proofreadDocument } from '@/lib/import/proofread-document';
import { applyFixes, checkText, proofreadCase, type Finding } from '@/lib/proofread';
import { cleanQuery } from '@/lib/public/search';
import { highlight, snippetOf } from '@/lib/public/snippet';
import { resolveRegionsFromText } from '@/lib/regions/resolve';
import { documentTokens, queryTerms, queryTsquery } from '@/lib/search/tokens';
import { diffContents } from '@/lib/services/revision-diff';
import { runCli } from './cli';

const SIZES = [10_000, 100_000, 1_000_000] as const;

const SEED = fs.readFileSync(path.join(process.cwd(), 'db', 'seed', 'compilation.txt'), 'utf8');
const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
/** The seed compilation repeated: a document as the importer reads it. */
const document = (n: number): string => fill(`${SEED}\n`, n);
/** The seed's paragraphs run together: one long line of realistic prose. */
const prose = (n: number): string => fill(SEED.replace(/\n+/gu, ''), n);

const kase = (body: string): CaseContent => ({
  title: '北京市延庆区结合重大赛事开展职业技能培训',
  regions: ['110119'],
  profile: null,
  lead: '',
  sections: [{ kind: 'practice', heading: '主要做法', body }],
  tags: [],
});
/** A section of n characters, and the same with a few words changed every 10,000 characters. */
function editedPair(body: string): [CaseContent, CaseContent] {
  let edited = '';
  for (let i = 0; i < body.length; i += 10_000) edited += `${body.slice(i, i + 9_990)}随迁子女`;
  return [kase(body), kase(edited)];
}

/** Builds the input outside the timed part. */
const on =
  (input: (n: number) => string, run: (text: string) => unknown) =>
  (n: number): (() => unknown) => {
    const text = input(n);
    return () => run(text);
  };

interface Case {
  name: string;
  /** What the hostile input is, for the table. */
  worst: string;
  realistic: (n: number) => () => unknown;
  hostile: (n: number) => () => unknown;
}

const withFindings = (text: string): (() => unknown) => {
  const findings: Finding[] = checkText(text, 'section', 0);
  return () => applyFixes(text, findings);
};
const longTerms = ['a'.repeat(199) + 'b', 'a'.repeat(150) + 'c', '住房'];

const CASES: Case[] = [
  {
    name: 'classifyLine',
    worst: '第1期 + spaces + x\\u2028y',
    realistic: on(prose, classifyLine),
    hostile: on((n) => `第1期${' '.repeat(n)}x\u2028y`, classifyLine),
  },
  {
    name: 'splitSectionHeading',
    worst: '1.1.1.… (stops beside digits)',
    realistic: on(prose, splitSectionHeading),
    hostile: on((n) => fill('1.', n), splitSectionHeading),
  },
  {
    name: 'parseCompilation',
    worst: '（一） + spaces + x\\u2028y',
    realistic: on(document, parseCompilation),
    hostile: on((n) => `第1期：主题\n典型做法之1：北京市\n（一）${' '.repeat(n)}x\u2028y`, parseCompilation),
  },
  {
    name: 'parseProfileSentence',
    worst: '，，，… (empty clauses)',
    realistic: on(prose, parseProfileSentence),
    hostile: on((n) => fill('，', n), parseProfileSentence),
  },
  {
    name: 'checkText',
    worst: '的的的… (no word breaks)',
    realistic: on(prose, (t) => checkText(t, 'section', 0)),
    hostile: on((n) => fill('的', n), (t) => checkText(t, 'section', 0)),
  },
  {
    name: 'proofreadCase',
    worst: '（（（…】】】 (unclosed pairs)',
    realistic: on(prose, (t) => proofreadCase(kase(t))),
    hostile: on((n) => fill('（', n / 2) + fill('】', n / 2), (t) => proofreadCase(kase(t))),
  },
  {
    name: 'proofreadDocument',
    worst: '((((…)))) (nested pairs)',
    realistic: (n) => {
      const doc = parseCompilation(document(n));
      return () => proofreadDocument(doc);
    },
    hostile: (n) => {
      const doc = parseCompilation(`第1期：主题\n典型做法之1：北京市\n（一）主要做法。${fill('(', n / 2)}${fill(')', n / 2)}`);
      return () => proofreadDocument(doc);
    },
  },
  {
    name: 'applyFixes',
    worst: '，，字… (a fix every 3 chars)',
    realistic: (n) => withFindings(prose(n).replace(/，/gu, ',')),
    hostile: (n) => withFindings(fill('，，字', n)),
  },
  {
    name: 'cleanQuery+queryTsquery',
    worst: 'lone surrogates',
    realistic: on(prose, (t) => queryTsquery(cleanQuery(t))),
    hostile: on((n) => fill('\ud800a\udc00', n), (t) => queryTsquery(cleanQuery(t))),
  },
  {
    name: 'documentTokens',
    worst: 'lone surrogates',
    realistic: on(prose, documentTokens),
    hostile: on((n) => fill('\ud800a\udc00', n), documentTokens),
  },
  {
    name: 'highlight',
    worst: 'aaa… with terms aaa…ab',
    realistic: (n) => {
      const text = prose(n);
      const terms = queryTerms('住房公积金 教育');
      return () => highlight(text, terms);
    },
    hostile: on((n) => fill('a', n), (t) => highlight(t, longTerms)),
  },
  {
    name: 'snippetOf',
    worst: 'aaa… with terms aaa…ab',
    realistic: (n) => {
      const text = prose(n);
      const terms = queryTerms('住房公积金 教育');
      return () => snippetOf(text, terms);
    },
    hostile: on((n) => fill('a', n), (t) => snippetOf(t, longTerms)),
  },
  {
    name: 'resolveRegionsFromText',
    worst: '江苏省江苏省… (a province per 3 chars)',
    realistic: on(prose, (t) => resolveRegionsFromText('城市群建设', t)),
    hostile: on((n) => fill('江苏省', n), (t) => resolveRegionsFromText('城市群建设', t)),
  },
  {
    name: 'diffContents',
    worst: 'halves swapped (same characters)',
    realistic: (n) => {
      const [from, to] = editedPair(prose(n));
      return () => diffContents(from, to);
    },
    hostile: (n) => {
      const body = prose(n);
      const from = kase(body);
      const to = kase(body.slice(n / 2) + body.slice(0, n / 2));
      return () => diffContents(from, to);
    },
  },
  {
    name: 'parseNumeral',
    worst: '111… (a digit run)',
    realistic: on(prose, parseNumeral),
    hostile: on((n) => fill('1', n), parseNumeral),
  },
];

/** Best of a few runs for the small sizes (JIT and GC noise), one run for 1M. */
function measure(prepare: () => () => unknown, n: number): number {
  const runs = n <= 10_000 ? 5 : n <= 100_000 ? 2 : 1;
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const run = prepare();
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const ms = (t: number): string => (t < 10 ? t.toFixed(2) : t < 100 ? t.toFixed(1) : t.toFixed(0)).padStart(9);
const growth = (a: number, b: number): string => `×${(b / Math.max(a, 0.01)).toFixed(1)}`.padStart(8);

async function main(): Promise<void> {
  const started = performance.now();
  console.log('时间（毫秒）随输入长度的增长：线性代码每一档约 ×10。');
  console.log(`${'函数'.padEnd(24)}${'输入'.padEnd(10)}${SIZES.map((s) => `${s / 1000}k`.padStart(9)).join('')}${'10k→100k'.padStart(9)}${'100k→1M'.padStart(9)}  最坏输入`);
  for (const c of CASES) {
    for (const [label, make] of [['真实文本', c.realistic], ['恶意输入', c.hostile]] as const) {
      make(1000)(); // warm up the code paths
      const times = SIZES.map((n) => measure(() => make(n), n));
      const [a, b, d] = times as [number, number, number];
      const note = label === '恶意输入' ? `  ${c.worst}` : '';
      console.log(`${c.name.padEnd(26)}${label.padEnd(8)}${times.map(ms).join('')}${growth(a, b)}${growth(b, d)}${note}`);
    }
  }
  console.log(`共用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
}

runCli(main);
