import { describe, expect, it } from 'vitest';
import { issuePlan } from '@/scripts/bench/published-corpus';

// The scale benchmark's synthetic issues must be issues the app accepts: numbered 1–999, with one
// number left for the issue the benchmark then publishes through the real service.

describe('how synthetic cases are split into issues', () => {
  it('puts ten cases in an issue, as a real issue holds, while numbers last', () => {
    expect(issuePlan(975, 4)).toEqual({ perIssue: 10, issueCount: 98 });
  });

  it('puts more in each issue when ten a piece would run past 第998期, leaving 999 free', () => {
    const plan = issuePlan(9_975, 4);
    expect(4 + plan.issueCount - 1).toBeLessThanOrEqual(998);
    expect(plan.perIssue * plan.issueCount).toBeGreaterThanOrEqual(9_975);
    expect(plan.perIssue).toBe(11);
  });

  it('refuses, in Chinese, when no issue number is left', () => {
    expect(() => issuePlan(10, 999)).toThrow('期号已经用完');
  });
});
