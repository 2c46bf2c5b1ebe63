// The proofreader on pasted text: every rule must finish in time proportional to the text and
// never throw. The old rules rescanned: the word segmenter per word, the bracket rules per
// bracket (nested pairs, closing marks), the doubled-word and de-duplication steps per finding,
// and applying fixes copied the text once per fix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '@/lib/content/model';
import { parseCompilation } from '@/lib/import/parse';
import { proofreadDocument } from '@/lib/import/proofread-document';
import { applyFix, applyFixes, checkText, proofreadCase, proofreadIssue, type Finding } from '@/lib/proofread';
import { wordAt } from '@/lib/proofread/words';
import { adversarial, BOUND_MS, hostileString, SEED, timed } from './support';

const content = (body: string): CaseContent => ({
  title: '北京市延庆区结合重大赛事开展职业技能培训',
  regions: ['110119'],
  profile: null,
  lead: body.slice(0, 5000),
  sections: [{ kind: 'practice', heading: '主要做法', body }],
  tags: [],
});

/** Applying fixes one at a time, right to left, as the proofreader always has. */
function applyOneByOne(text: string, findings: readonly Finding[]): string {
  const fixable = findings.filter((f) => f.fix).sort((a, b) => b.offset - a.offset);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const f of fixable) {
    if (f.offset + f.length > limit) continue;
    out = applyFix(out, f);
    limit = f.offset;
  }
  return out;
}

describe('proofreader: properties', () => {
  it('checks any text without throwing; every finding points inside it and speaks Chinese', () => {
    fc.assert(
      fc.property(hostileString(), (text) => {
        for (const f of checkText(text, 'section', 0)) {
          expect(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length).toBe(true);
          expect(f.message).toMatch(/\p{Script=Han}/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applies all fixes exactly as applying them one by one would', () => {
    const extra = fc.array(
      fc.record({ offset: fc.integer({ min: -3, max: 400 }), length: fc.integer({ min: 0, max: 5 }), replacement: fc.string({ maxLength: 3 }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(hostileString(), extra, (text, more) => {
        const findings: Finding[] = [
          ...checkText(text, 'lead'),
          ...more.map((m): Finding => ({
            rule: 'doubled-word',
            severity: 'error',
            field: 'lead',
            offset: m.offset,
            length: m.length,
            message: '重复',
            fix: { replacement: m.replacement },
          })),
        ];
        expect(applyFixes(text, findings)).toBe(applyOneByOne(text, findings));
      }),
      { numRuns: 300 },
    );
  });

  it('proofreads whole cases, issues and imported documents without throwing', () => {
    fc.assert(
      fc.property(fc.array(hostileString(80), { maxLength: 5 }), hostileString(80), (bodies, title) => {
        const kase: CaseContent = { ...content(''), title, sections: bodies.map((body) => ({ kind: 'custom', heading: '段落', body })) };
        expect(Array.isArray(proofreadCase(kase))).toBe(true);
        expect(proofreadIssue({ title, foreword: bodies.join('\n'), cases: [kase] }).cases).toHaveLength(1);
        const doc = parseCompilation(['第1期：主题', `典型做法之1：${title}`, ...bodies.map((b) => `（一）主要做法。${b}`)].join('\n'));
        expect(Array.isArray(proofreadDocument(doc))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('segments ordinary prose into the same words as segmenting it whole', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const paragraph of SEED.split('\n')) {
      for (const s of segmenter.segment(paragraph)) {
        for (let k = s.index; k < s.index + s.segment.length; k++) {
          expect(wordAt(paragraph, k)).toEqual([s.index, s.index + s.segment.length]);
        }
      }
    }
  });
});

describe('proofreader: the largest inputs', () => {
  it.each(Object.entries(adversarial(100_000)))('checks and fixes 100,000 characters of %s in time', (_, text) => {
    let findings: Finding[] = [];
    expect(timed(() => (findings = checkText(text, 'section', 0)))).toBeLessThan(BOUND_MS);
    expect(timed(() => applyFixes(text, findings))).toBeLessThan(BOUND_MS);
  }, 120_000);

  it('proofreads a case, an issue and an imported document of 30 long sections in time', () => {
    const bodies = Object.values(adversarial(20_000)).slice(0, 30);
    const kase: CaseContent = { ...content(bodies[0]!), sections: bodies.map((body) => ({ kind: 'custom', heading: '段落', body })) };
    expect(timed(() => proofreadCase(kase))).toBeLessThan(BOUND_MS * 5);
    expect(timed(() => proofreadIssue({ title: bodies[1]!, foreword: bodies[2]!, cases: [content(bodies[3]!)] }))).toBeLessThan(BOUND_MS);
    const doc = parseCompilation(['第1期：主题', '典型做法之1：北京市', ...bodies.map((b) => `（一）主要做法。${b}`)].join('\n'));
    expect(timed(() => proofreadDocument(doc))).toBeLessThan(BOUND_MS * 5);
  }, 120_000);
});
