import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { compilationText } from '@/lib/admin/compilation-export';
import { buildCompilationDocx } from '@/lib/admin/docx-export';
import { placeNameOf } from '@/lib/admin/place-name';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { parseCompilation, toImportJson, type ImportIssue } from '@/lib/import/parse';

const seed = parseCompilation(fs.readFileSync(path.join(process.cwd(), 'db', 'seed', 'compilation.txt'), 'utf8'));

/**
 * The seed lost many figures, so some profiles hold a population scope with no number. A profile
 * sentence cannot say "城区常住人口 (unknown)", nor which facts lost their figure (`unstated`), so the
 * comparison drops what a sentence cannot carry.
 */
function expressible(issues: ImportIssue[]): ImportIssue[] {
  return issues.map((issue) => ({
    ...issue,
    cases: issue.cases.map((c) => {
      if (!c.profile) return c;
      const profile = { ...c.profile, population: c.profile.population?.value == null ? null : c.profile.population };
      delete profile.unstated;
      return { ...c, profile: renderProfileSentence(profile, placeNameOf(c.regions)) ? profile : null };
    }),
  }));
}
const imported = { ...toImportJson(seed), issues: expressible(toImportJson(seed).issues) };

describe('issue export', () => {
  it('lays an issue out like the seed: 第N期, 典型做法之N, the profile sentence, （一） sections', () => {
    const text = compilationText([imported.issues[0]!]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('01');
    expect(lines[1]).toMatch(/^第一期：/u);
    expect(lines[2]).toMatch(/^典型做法之1：广东省深圳市/u);
    expect(text).toMatch(/^（一）主要做法。一是/mu);
    expect(text).toMatch(/^（二）主要成效。/mu);
  });

  it('the text export re-imports to the same content', () => {
    const again = toImportJson(parseCompilation(compilationText(imported.issues)));
    expect(again.issues).toEqual(imported.issues);
  });

  it('the Word export re-imports to the same content', async () => {
    const issue = imported.issues[1]!;
    const buffer = await buildCompilationDocx([{ ...issue, foreword: '' }]);
    expect(buffer.subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
    const { value } = await mammoth.extractRawText({ buffer });
    expect(toImportJson(parseCompilation(value)).issues).toEqual([issue]);
  }, 20_000);
});
