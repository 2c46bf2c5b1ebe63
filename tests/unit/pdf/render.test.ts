import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCaseEdition } from '@/lib/pdf/case-edition';
import type { EditionCase, EditionIssue } from '@/lib/pdf/edition-types';
import { renderIssueEdition } from '@/lib/pdf/issue-edition';
import { hostileString, prose } from '../hostile/support';

// The editions are made from whatever editors typed: no text may stop one from being made (an
// issue without its PDF until someone edits the text), and what is printed is real text.

function text(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-render-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/gu, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const kase = (overrides: Partial<EditionCase> = {}): EditionCase => ({
  caseId: 1,
  label: '典型做法之1',
  sectionTitle: null,
  title: '浙江省义乌市向随迁子女扩大义务教育学位供给',
  place: '浙江省金华市义乌市',
  placeName: '义乌市',
  profile: { year: 2021, landAreaKm2: 1105, population: { scope: '市域', value: 186 }, urbanizationRatePct: 79.7, gdpYi: 1835, budgetRevenueYi: 119 },
  lead: '',
  sections: [{ kind: 'practice', heading: '主要做法', body: '一是在城区不同区位建设中小学校。二是建立随迁子女教育经费保障机制。' }],
  corrections: [],
  ...overrides,
});

const issue = (cases: EditionCase[], overrides: Partial<EditionIssue> = {}): EditionIssue => ({
  publication: '案例期刊',
  serialLabel: '2025年第3期（总第27期）',
  title: '加快城镇基本公共服务均等化',
  foreword: '',
  publishedDate: '2025年6月1日',
  publishedAt: new Date('2025-06-01T02:00:00Z'),
  colophon: null,
  cases,
  ...overrides,
});

describe('PDF editions of any text', () => {
  it('sets the 概况 card, the 更正说明 and numbered sections as the case page shows them', async () => {
    const c = kase({ corrections: ['2025年6月2日更正：补全了国土面积。'], sections: [...kase().sections, { kind: 'outcome', heading: '主要成效', body: '建成投用了27所中小学校。' }] });
    const printed = text((await renderCaseEdition(issue([c]), c)).bytes);
    for (const expected of ['义乌市概况（2021年）', '国土面积1105平方公里', '常住人口城镇化率79.7%', '更正说明2025年6月2日更正：补全了国土面积。', '（一）主要做法', '（二）主要成效', '2025年第3期（总第27期）·典型做法之1']) {
      expect(printed).toContain(expected);
    }
  });

  it('makes a long case run over pages, numbered 第 N 页 / 共 M 页', async () => {
    const c = kase({ sections: Array.from({ length: 30 }, (_, i) => ({ kind: 'custom' as const, heading: `小节${i + 1}`, body: prose(3_000) })) });
    const file = await renderCaseEdition(issue([c]), c);
    expect(file.pages).toBeGreaterThan(30);
    const printed = text(file.bytes);
    expect(printed).toContain(`第1页/共${file.pages}页`);
    expect(printed).toContain(`第${file.pages}页/共${file.pages}页`);
  }, 120_000);

  it('is made whatever the fields hold: control characters, lone surrogates, emoji, brackets, no text at all', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString(200), hostileString(60), async (body, title) => {
        const c = kase({ title, lead: body, sections: [{ kind: 'custom', heading: title, body }, { kind: 'practice', heading: '', body: '' }], corrections: [body] });
        const whole = await renderIssueEdition(issue([c, { ...c, caseId: 2, sectionTitle: title }], { title, foreword: body, colophon: { publisher: title, responsibleEditor: title, stages: [{ name: title, signers: [title] }] } }));
        expect(whole.pages).toBeGreaterThanOrEqual(4);
        expect((await renderCaseEdition(issue([c]), c)).pages).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
