import { describe, expect, it } from 'vitest';
import { auditChangeSummary } from '@/lib/admin/audit-summary';

describe('the audit log’s change summary', () => {
  it('names changed fields and their values in Chinese, and leaves out what did not change', () => {
    expect(auditChangeSummary({ status: 'in_review', version: 3, title: '甲' }, { status: 'approved', version: 4, title: '甲' })).toBe('状态：待审核 → 已通过；版本号：3 → 4');
  });

  it('shows roles, yes/no and sections as people say them', () => {
    expect(auditChangeSummary({ role: 'editor', active: true }, { role: 'reviewer', active: false })).toBe('角色：编辑 → 审核；启用：是 → 否');
    expect(auditChangeSummary(null, { sectionIndex: 1, comment: '请补充数字' })).toBe('段落：第2段；意见：请补充数字');
  });

  it('cuts long values and keeps unknown keys readable', () => {
    const long = '长'.repeat(100);
    expect(auditChangeSummary(null, { foreword: long })).toBe(`编者按：${'长'.repeat(60)}…`);
    expect(auditChangeSummary(null, { somethingNew: 1 })).toBe('somethingNew：1');
    expect(auditChangeSummary({}, {})).toBe('');
  });
});
