import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { compilationText } from '@/lib/admin/compilation-export';
import { buildCompilationDocx } from '@/lib/admin/docx-export';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { parseCompilation, toImportJson } from '@/lib/import/parse';

// A fact the source named without its figure ("国土面积平方公里") stays owed on the case until an
// editor settles it. An export must write it as the source did, so that exporting and importing
// again keeps it owed instead of silently dropping the fact and its error.

const seed = toImportJson(parseCompilation(fs.readFileSync(path.join(process.cwd(), 'db', 'seed', 'compilation.txt'), 'utf8')));
const owed = (issues: typeof seed.issues) => issues.flatMap((i) => i.cases.map((c) => c.profile?.unstated ?? []));

describe('exporting facts stated without a figure', () => {
  it('the seed has such facts to carry (国土面积平方公里 and the like)', () => {
    expect(owed(seed.issues).flat().length).toBeGreaterThan(20);
  });

  it('the text export writes them as the source did and re-imports to the same content, unstated facts included', () => {
    const text = compilationText(seed.issues);
    expect(text).toContain('范家屯镇国土面积平方公里');
    const again = toImportJson(parseCompilation(text));
    expect(owed(again.issues)).toEqual(owed(seed.issues));
    expect(again.issues).toEqual(seed.issues);
  });

  it('the Word export re-imports with the unstated facts too', async () => {
    const issue = seed.issues[0]!;
    const { value } = await mammoth.extractRawText({ buffer: await buildCompilationDocx([{ ...issue, foreword: '' }]) });
    expect(toImportJson(parseCompilation(value)).issues).toEqual([issue]);
  }, 20_000);

  it('readers still never see a fact without its figure', () => {
    const profile = { year: 2021, landAreaKm2: null, population: { scope: '镇域' as const, value: 14 }, urbanizationRatePct: null, gdpYi: null, budgetRevenueYi: 6, unstated: ['landAreaKm2' as const, 'gdpYi' as const] };
    expect(renderProfileSentence(profile, '范家屯镇')).toBe('2021年，范家屯镇镇域常住人口14万人，一般公共预算收入6亿元。');
    expect(renderProfileSentence(profile, '范家屯镇', { withUnstated: true })).toBe('2021年，范家屯镇国土面积平方公里，镇域常住人口14万人，地区生产总值亿元，一般公共预算收入6亿元。');
  });
});
