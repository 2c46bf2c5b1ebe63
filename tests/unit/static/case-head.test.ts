import { describe, expect, it } from 'vitest';
import { caseMetadata, caseSummary } from '@/lib/public/case-meta';
import type { PublicCase } from '@/lib/public/types';
import { caseHead } from '@/lib/static/render/case-head';

// The snapshot's head tags for a case page, from the same fields as the page's metadata: text that
// means something to a string replacement or to HTML is written as text, a site URL with a path
// keeps its path, and a summary is never cut inside a character.

function caseOf(patch: Partial<PublicCase>): PublicCase {
  return {
    caseId: 12,
    issueId: 3,
    issueNumber: 3,
    issueYear: 2026,
    issueYearNumber: 1,
    issueLabel: '2026年第1期（总第3期）',
    issueShortLabel: '2026年第1期',
    issueTitle: '公共服务',
    position: 1,
    sectionTitle: null,
    title: '投入$&产出 <b>"并重"</b>',
    regions: ['330782'],
    provinces: ['330000'],
    tags: ['公共服务'],
    publishedAt: '2026-03-01T02:00:00.000Z',
    profile: null,
    lead: '义乌市推进基本公共服务均等化。',
    sections: [],
    ...patch,
  };
}

describe('case page head tags', () => {
  it('writes a title with $ patterns and markup as text, the same title the page’s metadata gives', () => {
    const c = caseOf({});
    const head = caseHead(c, 'https://cases.example.gov.cn');
    expect(head).toContain('<title>投入$&amp;产出 &lt;b&gt;&quot;并重&quot;&lt;/b&gt; · 案例期刊</title>');
    expect(caseMetadata(c).title).toEqual({ absolute: '投入$&产出 <b>"并重"</b> · 案例期刊' });
  });

  it('keeps the path of a site URL that has one in the canonical and OpenGraph addresses', () => {
    const head = caseHead(caseOf({}), 'https://www.example.gov.cn/anli');
    expect(head).toContain('<link rel="canonical" href="https://www.example.gov.cn/anli/cases/12"/>');
    expect(head).toContain('<meta property="og:url" content="https://www.example.gov.cn/anli/cases/12"/>');
  });

  it('leaves out keywords and descriptions that would be empty, as the framework does', () => {
    const head = caseHead(caseOf({ tags: [], lead: '', sections: [] }), 'https://cases.example.gov.cn');
    expect(head).not.toContain('keywords');
    expect(head).not.toContain('description');
    expect(head).not.toContain('article:tag');
  });

  it('cuts a long summary between characters, never inside one', () => {
    // 𠀀 is outside the Basic Multilingual Plane: two UTF-16 units, one character.
    const summary = caseSummary(caseOf({ lead: `${'镇'.repeat(149)}𠀀${'村'.repeat(10)}` }));
    expect(Array.from(summary)).toHaveLength(150);
    expect(summary.endsWith('𠀀')).toBe(true);
  });
});
