// npm run eval:proofread -- [--misses]
// Measures the proofreader on text it was not written against: paragraphs of published prose in
// tests/fixtures/proofread-corpus/, with their numbers intact. Every Arabic number of every
// paragraph is deleted in turn (one deletion per sample), as copy-and-paste loses them; a hole is
// caught when an error's span covers or touches it. Intact copies of every paragraph (plus prose
// of other genres, never cut) must draw no error. A paragraph belongs to the held-out part by a
// hash of its text, so adding a paragraph never moves another; --misses lists what the tuning
// part missed or flagged wrongly and never shows a held-out sample.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkText, RULE_IDS, RULE_LABELS, type Finding, type RuleId } from '@/lib/proofread';

const CORPUS = path.join(process.cwd(), 'tests/fixtures/proofread-corpus');
/** Files whose paragraphs are only checked intact: genres the rules were not meant to read. */
const INTACT_ONLY = new Set(['other.txt', 'narrative.txt']);
/** A number as copying loses it; not one inside a name (PM2.5, 5G, G20). */
const NUMBER = /(?<![A-Za-z0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?(?![A-Za-z0-9０-９])/gu;

type Part = 'tuning' | 'held-out';

interface Paragraph {
  file: string;
  text: string;
  part: Part;
  intactOnly: boolean;
}

interface Sample {
  paragraph: Paragraph;
  text: string;
  /** Offset of the hole; null for an intact copy. */
  hole: number | null;
  deleted: string;
}

/** FNV-1a over UTF-16 units: a stable split that does not depend on file order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function loadCorpus(): Paragraph[] {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(CORPUS, file), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((text) => ({ file, text, part: hash(text) % 3 === 0 ? ('held-out' as const) : ('tuning' as const), intactOnly: INTACT_ONLY.has(file) })),
  );
}

function samplesOf(p: Paragraph): Sample[] {
  const intact: Sample = { paragraph: p, text: p.text, hole: null, deleted: '' };
  if (p.intactOnly) return [intact];
  const cut = [...p.text.matchAll(NUMBER)].map((m) => ({
    paragraph: p,
    text: p.text.slice(0, m.index) + p.text.slice(m.index + m[0].length),
    hole: m.index,
    deleted: m[0],
  }));
  return [intact, ...cut];
}

const onHole = (f: Finding, hole: number | null): boolean => hole !== null && f.offset <= hole && f.offset + f.length >= hole;

interface Tally {
  holes: number;
  caught: number;
  errors: number;
  trueErrors: number;
  caughtBy: Map<RuleId, number>;
  falseBy: Map<RuleId, number>;
  errorsBy: Map<RuleId, number>;
  misses: Sample[];
  falseErrors: { sample: Sample; finding: Finding }[];
}

const emptyTally = (): Tally => ({
  holes: 0,
  caught: 0,
  errors: 0,
  trueErrors: 0,
  caughtBy: new Map(),
  falseBy: new Map(),
  errorsBy: new Map(),
  misses: [],
  falseErrors: [],
});

const bump = (m: Map<RuleId, number>, r: RuleId): void => {
  m.set(r, (m.get(r) ?? 0) + 1);
};

function evaluate(samples: Sample[]): Tally {
  const t = emptyTally();
  for (const s of samples) {
    const errors = checkText(s.text, 'section', 0).filter((f) => f.severity === 'error');
    if (s.hole !== null) t.holes++;
    const catcher = errors.find((f) => onHole(f, s.hole));
    if (catcher) {
      t.caught++;
      bump(t.caughtBy, catcher.rule);
    } else if (s.hole !== null) {
      t.misses.push(s);
    }
    for (const f of errors) {
      t.errors++;
      bump(t.errorsBy, f.rule);
      if (onHole(f, s.hole)) t.trueErrors++;
      else {
        bump(t.falseBy, f.rule);
        t.falseErrors.push({ sample: s, finding: f });
      }
    }
  }
  return t;
}

const pct = (a: number, b: number): string => (b === 0 ? '   —  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function report(part: Part, t: Tally, paragraphs: number): void {
  console.log(`\n[${part === 'tuning' ? '调校集' : '留出集'}] 段落 ${paragraphs}，删去数字的样本 ${t.holes}`);
  console.log(`  召回率（空缺处报错）  ${pct(t.caught, t.holes)}  (${t.caught}/${t.holes})`);
  console.log(`  精确率（错误落在空缺）${pct(t.trueErrors, t.errors)}  (${t.trueErrors}/${t.errors})`);
  for (const rule of RULE_IDS) {
    const errors = t.errorsBy.get(rule) ?? 0;
    if (errors === 0) continue;
    const caught = t.caughtBy.get(rule) ?? 0;
    const wrong = t.falseBy.get(rule) ?? 0;
    console.log(
      `  ${rule.padEnd(22)} 捕获 ${String(caught).padStart(5)}  错误 ${String(errors).padStart(5)}  误报 ${String(wrong).padStart(4)}  精确率 ${pct(errors - wrong, errors)}  ${RULE_LABELS[rule]}`,
    );
  }
}

function showTuningDetails(t: Tally): void {
  console.log('\n调校集漏报：');
  for (const s of t.misses) console.log(`  ${s.text.slice(Math.max(0, s.hole! - 12), s.hole!)}▯${s.text.slice(s.hole!, s.hole! + 8)}  （删去 ${s.deleted}）`);
  console.log('\n调校集误报：');
  for (const { sample, finding } of t.falseErrors) {
    const at = finding.offset;
    console.log(`  ${sample.text.slice(Math.max(0, at - 12), at)}【${sample.text.slice(at, at + finding.length)}】${sample.text.slice(at + finding.length, at + finding.length + 6)}  ${finding.rule}`);
  }
}

function main(): void {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });
  const paragraphs = loadCorpus();
  const started = performance.now();
  for (const part of ['tuning', 'held-out'] as const) {
    const mine = paragraphs.filter((p) => p.part === part);
    const tally = evaluate(mine.flatMap(samplesOf));
    report(part, tally, mine.length);
    if (values.misses && part === 'tuning') showTuningDetails(tally);
  }
  console.log(`\n用时 ${Math.round(performance.now() - started)} 毫秒`);
}

main();
