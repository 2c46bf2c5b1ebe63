import { describe, expect, it } from 'vitest';
import { caseContentLock, issueCasesLock, issueFieldsLock } from '@/lib/workflow';

// 2026-11-25 02:05 UTC is 10:05 in Beijing: the time is written as the newsroom reads it.
const scheduled = { number: 3, status: 'scheduled' as const, scheduledAt: new Date('2026-11-25T02:05:00Z') };
const published = { number: 3, status: 'published' as const, scheduledAt: null };
const draft = { number: 3, status: 'draft' as const, scheduledAt: null };

describe('what a scheduled or published issue refuses', () => {
  it('a scheduled issue refuses field edits, naming the issue and its time in China time', () => {
    expect(issueFieldsLock(scheduled)).toBe('第三期已排期在2026年11月25日 10:05发布，请先取消排期再修改。');
  });

  it('a scheduled issue refuses changes to its case list and to the content of its cases', () => {
    expect(issueCasesLock(scheduled)).toBe('第三期已排期在2026年11月25日 10:05发布，请先取消排期再调整本期案例。');
    expect(caseContentLock(scheduled)).toBe('本案例所在的第三期已排期在2026年11月25日 10:05发布，请先取消排期再修改。');
  });

  it('a published issue keeps its case list but lets its fields and its cases\' working drafts change', () => {
    expect(issueCasesLock(published)).toBe('第三期已发布，请先撤回发布再调整本期案例。');
    expect(issueFieldsLock(published)).toBeNull();
    expect(caseContentLock(published)).toBeNull();
  });

  it('a draft issue, and a case in no issue, refuse nothing', () => {
    expect([issueFieldsLock(draft), issueCasesLock(draft), caseContentLock(draft), caseContentLock(null)]).toEqual([null, null, null, null]);
  });

  it('never throws for issue numbers past what is spelled in Chinese', () => {
    expect(issueFieldsLock({ ...scheduled, number: 1200 })).toMatch(/^第1200期已排期在/u);
  });
});
