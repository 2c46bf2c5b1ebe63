import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  caseContentSchema,
  caseRefSchema,
  changeOwnPasswordSchema,
  commentSchema,
  createUserSchema,
  importJsonSchema,
  importTextSchema,
  issueFieldsSchema,
  reorderCasesSchema,
  requestChangesSchema,
  resetPasswordSchema,
  restoreRevisionSchema,
  saveCaseSchema,
  signInSchema,
} from '@/lib/validations';
import { recordRoundSchema, saveReturnReasonsSchema, saveStagesSchema } from '@/lib/validations/stages';

// Every field a person (or a script posting to a server action) can fill has a ceiling, and going
// over it is refused with a Chinese message tied to the field, before any service runs.

const content = {
  title: '浙江省义乌市向随迁子女扩大义务教育学位供给',
  regions: ['330782'],
  profile: { year: 2021, landAreaKm2: 1105, population: { scope: '市域', value: 186 }, urbanizationRatePct: 79.7, gdpYi: 1835, budgetRevenueYi: 119 },
  lead: '',
  sections: [{ kind: 'practice', heading: '主要做法', body: '一是在城区建设中小学校。' }],
  tags: ['义务教育'],
};

/** The messages a schema gives for one field (dotted path), or [] when the input is accepted. */
function messagesAt(schema: z.ZodType, input: unknown, path: string): string[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.filter((i) => i.path.map(String).join('.') === path).map((i) => i.message);
}

const long = (n: number, ch = '字') => ch.repeat(n);
const stage = { name: '初审', roles: ['reviewer'], userIds: [], requiredRounds: 0, returnRestarts: true };
const reason = { id: null, label: '数据缺失', active: true };

type Case = [what: string, schema: z.ZodType, valid: unknown, over: unknown, path: string, message: string];

const CASES: Case[] = [
  ['sign-in password', signInSchema, { email: 'a@example.gov.cn', password: 'x' }, { email: 'a@example.gov.cn', password: long(201, 'x') }, 'password', '密码不超过200个字符'],
  ['sign-in email', signInSchema, { email: 'a@example.gov.cn', password: 'x' }, { email: `${long(200, 'a')}@example.gov.cn`, password: 'x' }, 'email', '邮箱不超过200个字符'],
  ['account name', createUserSchema, { email: 'a@example.gov.cn', name: '张三', role: 'editor' }, { email: 'a@example.gov.cn', name: long(51), role: 'editor' }, 'name', '姓名不超过50个字'],
  ['new account password', createUserSchema, { email: 'a@example.gov.cn', name: '张三', role: 'editor' }, { email: 'a@example.gov.cn', name: '张三', role: 'editor', password: long(201, 'x') }, 'password', '密码不超过200个字符'],
  ['reset password', resetPasswordSchema, { userId: 1 }, { userId: 1, newPassword: long(201, 'x') }, 'newPassword', '密码不超过200个字符'],
  [
    'current password (it is hashed to be checked)',
    changeOwnPasswordSchema,
    { currentPassword: 'old-password', newPassword: 'a-new-password', confirmPassword: 'a-new-password' },
    { currentPassword: long(100_000, 'x'), newPassword: 'a-new-password', confirmPassword: 'a-new-password' },
    'currentPassword',
    '密码不超过200个字符',
  ],
  ['case title', caseContentSchema, content, { ...content, title: long(201) }, 'title', '标题不超过200个字'],
  ['case lead', caseContentSchema, content, { ...content, lead: long(5001) }, 'lead', '导语不超过5000个字'],
  ['section heading', caseContentSchema, content, { ...content, sections: [{ ...content.sections[0], heading: long(51) }] }, 'sections.0.heading', '段落标题不超过50个字'],
  ['section body', caseContentSchema, content, { ...content, sections: [{ ...content.sections[0], body: long(20_001) }] }, 'sections.0.body', '段落内容不超过20000个字'],
  ['number of sections', caseContentSchema, content, { ...content, sections: Array(31).fill(content.sections[0]) }, 'sections', '段落不超过30个'],
  ['number of regions', caseContentSchema, content, { ...content, regions: Array.from({ length: 51 }, (_, i) => String(110101 + i)) }, 'regions', '地区不超过50个'],
  ['number of themes', caseContentSchema, content, { ...content, tags: Array.from({ length: 21 }, (_, i) => `主题${i}`) }, 'tags', '主题不超过20个'],
  ['theme length', caseContentSchema, content, { ...content, tags: [long(21)] }, 'tags.0', '主题不超过20个字'],
  ['land area', caseContentSchema, content, { ...content, profile: { ...content.profile, landAreaKm2: 1e12 } }, 'profile.landAreaKm2', '国土面积不超过1000万平方公里'],
  ['population', caseContentSchema, content, { ...content, profile: { ...content.profile, population: { scope: '市域', value: 1e9 } } }, 'profile.population.value', '常住人口不超过200000万人'],
  ['GDP', caseContentSchema, content, { ...content, profile: { ...content.profile, gdpYi: 1e15 } }, 'profile.gdpYi', '地区生产总值不超过1000万亿元'],
  ['case id beyond int4', saveCaseSchema, { caseId: 1, baseVersion: 1, content }, { caseId: 2 ** 31, baseVersion: 1, content }, 'caseId', '案例无效'],
  ['version beyond int4', restoreRevisionSchema, { caseId: 1, revisionId: 1, baseVersion: 1 }, { caseId: 1, revisionId: 1, baseVersion: 1e12 }, 'baseVersion', '版本号无效'],
  ['case reference beyond int4', caseRefSchema, { caseId: 2_147_483_647 }, { caseId: 99_999_999_999 }, 'caseId', '案例无效'],
  ['request-changes comment', requestChangesSchema, { caseId: 1, reasonId: 1, comment: '请补充数字' }, { caseId: 1, reasonId: 1, comment: long(5001) }, 'comment', '意见不超过5000个字'],
  ['request-changes section', requestChangesSchema, { caseId: 1, reasonId: 1, comment: '请补充', sectionIndex: 29 }, { caseId: 1, reasonId: 1, comment: '请补充', sectionIndex: 2 ** 31 }, 'sectionIndex', '段落无效'],
  ['request-changes reason beyond int4', requestChangesSchema, { caseId: 1, reasonId: 2 ** 31 - 1 }, { caseId: 1, reasonId: 2 ** 31 }, 'reasonId', '请选择退回理由'],
  ['校次 note', recordRoundSchema, { caseId: 1, revisionId: 1, note: '核对了数字' }, { caseId: 1, revisionId: 1, note: long(501) }, 'note', '说明不超过500个字'],
  ['stage name', saveStagesSchema, { base: 'x', stages: [stage] }, { base: 'x', stages: [{ ...stage, name: long(21) }] }, 'stages.0.name', '环节名称不超过20个字'],
  ['number of stages', saveStagesSchema, { base: 'x', stages: [stage] }, { base: 'x', stages: [stage, { ...stage, name: '复审' }, { ...stage, name: '终审' }, { ...stage, name: '四审' }] }, 'stages', '审核环节不超过3个'],
  ['校次 a stage requires', saveStagesSchema, { base: 'x', stages: [stage] }, { base: 'x', stages: [{ ...stage, requiredRounds: 4 }] }, 'stages.0.requiredRounds', '校次应在0到3次之间'],
  ['people named at a stage', saveStagesSchema, { base: 'x', stages: [stage] }, { base: 'x', stages: [{ ...stage, userIds: Array.from({ length: 51 }, (_, i) => i + 1) }] }, 'stages.0.userIds', '指定人员不超过50人'],
  ['settings fingerprint', saveStagesSchema, { base: 'x', stages: [stage] }, { base: long(129, 'x'), stages: [stage] }, 'base', '设置版本无效'],
  ['return reason label', saveReturnReasonsSchema, { base: 'x', reasons: [reason] }, { base: 'x', reasons: [{ ...reason, label: long(31) }] }, 'reasons.0.label', '退回理由不超过30个字'],
  ['number of return reasons', saveReturnReasonsSchema, { base: 'x', reasons: [reason] }, { base: 'x', reasons: Array.from({ length: 31 }, (_, i) => ({ ...reason, label: `理由${i}` })) }, 'reasons', '退回理由不超过30个'],
  ['comment body', commentSchema, { caseId: 1, revisionId: 1, body: '请补充' }, { caseId: 1, revisionId: 1, body: long(5001) }, 'body', '意见不超过5000个字'],
  ['comment section', commentSchema, { caseId: 1, revisionId: 1, body: '请补充', sectionIndex: 0 }, { caseId: 1, revisionId: 1, body: '请补充', sectionIndex: 1e10 }, 'sectionIndex', '段落无效'],
  ['issue theme', issueFieldsSchema, { number: 1, title: '主题' }, { number: 1, title: long(201) }, 'title', '主题不超过200个字'],
  ['issue foreword', issueFieldsSchema, { number: 1, title: '主题' }, { number: 1, title: '主题', foreword: long(5001) }, 'foreword', '编者按不超过5000个字'],
  ['issue number beyond int4, as the form sends it', issueFieldsSchema, { number: '999', title: '主题' }, { number: '99999999999', title: '主题' }, 'number', '期号不超过999'],
  ['issue number beyond what 第N期 can spell', issueFieldsSchema, { number: 999, title: '主题' }, { number: 1000, title: '主题' }, 'number', '期号不超过999'],
  ['cases in one reorder', reorderCasesSchema, { issueId: 1, caseIds: [1, 2] }, { issueId: 1, caseIds: Array.from({ length: 1000 }, (_, i) => i + 1) }, 'caseIds', '一期的案例不超过999个'],
  ['import text', importTextSchema, { text: '第一期：主题' }, { text: long(1_000_001) }, 'text', '文本过长（超过100万字），请拆分后再导入'],
  ['imported JSON issue number', importJsonSchema, { issues: [{ number: 1, title: '主题', cases: [] }] }, { issues: [{ number: 99_999_999_999, title: '主题', cases: [] }] }, 'issues.0.number', '期号不超过999'],
];

describe('every input has a ceiling with a Chinese message', () => {
  it.each(CASES)('%s', (_what, schema, valid, over, path, message) => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(messagesAt(schema, over, path)).toContain(message);
  });
});
