import { z } from './zod';
import { POPULATION_SCOPES, PROFILE_FACT_KEYS, SECTION_KINDS } from '@/lib/content/model';
import { id, INT4_MAX, MAX_BULK_CASES } from './common';

// Shared by the admin forms (react-hook-form + zodResolver), the services and the importer: no
// server imports. Every string, array and number is bounded.

export const MAX_SECTIONS = 30;
/** Generous ceilings (China: 9.6 million km², 141,000 万人, about 1.3 million 亿元 of GDP). The
 *  proofreader judges plausibility; these only keep absurd figures out of the database. */
const MAX_AREA_KM2 = 10_000_000;
const MAX_POPULATION_WAN = 200_000;
const MAX_YI = 10_000_000;

const optionalNumber = (label: string, rule: (n: z.ZodNumber) => z.ZodNumber) =>
  rule(z.number({ error: `${label}必须是数字` })).nullable();

export const profileSchema = z.object({
  year: optionalNumber('年份', (n) => n.int('年份必须是整数').min(1949, '年份不早于1949年').max(2100, '年份不晚于2100年')),
  landAreaKm2: optionalNumber('国土面积', (n) => n.positive('国土面积必须大于0').max(MAX_AREA_KM2, '国土面积不超过1000万平方公里')),
  population: z
    .object({
      scope: z.enum(POPULATION_SCOPES, { error: '请选择人口统计范围' }),
      value: optionalNumber('常住人口', (n) => n.positive('常住人口必须大于0').max(MAX_POPULATION_WAN, '常住人口不超过200000万人')),
    })
    .nullable(),
  urbanizationRatePct: optionalNumber('城镇化率', (n) => n.min(0, '城镇化率不能小于0').max(100, '城镇化率不能超过100%')),
  gdpYi: optionalNumber('地区生产总值', (n) => n.nonnegative('地区生产总值不能为负数').max(MAX_YI, '地区生产总值不超过1000万亿元')),
  budgetRevenueYi: optionalNumber('一般公共预算收入', (n) => n.nonnegative('一般公共预算收入不能为负数').max(MAX_YI, '一般公共预算收入不超过1000万亿元')),
  /** Facts the source named without a figure; the proofreader keeps each an error until settled. */
  unstated: z
    .array(z.enum(PROFILE_FACT_KEYS, { error: '未知的概况项' }))
    .max(PROFILE_FACT_KEYS.length, '概况项不能重复')
    .refine((keys) => new Set(keys).size === keys.length, '概况项不能重复')
    .optional(),
});

export const sectionSchema = z.object({
  kind: z.enum(SECTION_KINDS, { error: '请选择段落类型' }),
  heading: z.string().trim().min(1, '请填写段落标题').max(50, '段落标题不超过50个字'),
  body: z.string().trim().min(1, '段落内容不能为空').max(20000, '段落内容不超过20000个字'),
});

export const caseContentSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(200, '标题不超过200个字'),
  regions: z
    .array(z.string().regex(/^\d{6}(\d{3})?$/, '地区代码应为6位或9位数字'))
    .max(50, '地区不超过50个')
    .refine((codes) => new Set(codes).size === codes.length, '地区不能重复'),
  profile: profileSchema.nullable(),
  lead: z.string().trim().max(5000, '导语不超过5000个字'),
  sections: z.array(sectionSchema).min(1, '至少需要一个段落').max(MAX_SECTIONS, `段落不超过${MAX_SECTIONS}个`),
  tags: z
    .array(z.string().trim().min(1, '主题不能为空').max(20, '主题不超过20个字'))
    .max(20, '主题不超过20个')
    .refine((tags) => new Set(tags).size === tags.length, '主题不能重复'),
});

export const createCaseSchema = z.object({ content: caseContentSchema });

export const saveCaseSchema = z.object({
  caseId: id('案例'),
  /** The version the editor started from; a stale one is a conflict, never an overwrite. */
  baseVersion: id('版本号'),
  content: caseContentSchema,
});

export const caseRefSchema = z.object({ caseId: id('案例') });

/** Submit and withdraw: the version the editor saw, so acting on a case that changed since is a conflict. */
export const caseStatusChangeSchema = z.object({ caseId: id('案例'), baseVersion: id('版本号') });

/** Each selected case with the version its row showed, so a case changed since is refused, not submitted unseen. */
export const bulkSubmitSchema = z.object({
  cases: z
    .array(caseStatusChangeSchema)
    .min(1, '请先选择案例')
    .max(MAX_BULK_CASES, `一次最多处理${MAX_BULK_CASES}个案例`)
    .refine((items) => new Set(items.map((i) => i.caseId)).size === items.length, '案例不能重复'),
});

/** The region picker's search box: a long query is cut, not refused, as the picker only needs its start. */
export const regionQuerySchema = z.object({ query: z.string({ error: '请输入地名或代码' }).transform((q) => q.slice(0, 40)) });

/** The review stage the reviewer saw the case wait at, so a decision is never taken at a stage they did not see. */
const stageSeen = z.number({ error: '审核环节无效' }).int('审核环节无效').min(1, '审核环节无效').max(3, '审核环节无效').optional();

/** The stock reason whose return must say in words what is wrong. */
export const OTHER_RETURN_REASON = '其他';

/** A return from the stage the case waits at: a stock reason (required) and free text (required for 其他). */
export const requestChangesSchema = z.object({
  caseId: id('案例'),
  reasonId: z.number({ error: '请选择退回理由' }).int('请选择退回理由').positive('请选择退回理由').max(INT4_MAX, '请选择退回理由'),
  comment: z.string({ error: '意见必须是文字' }).trim().max(5000, '意见不超过5000个字').default(''),
  sectionIndex: z.number().int('段落无效').min(-1, '段落无效').max(MAX_SECTIONS - 1, '段落无效').nullable().default(null),
  stage: stageSeen,
});

export const approveSchema = z.object({
  caseId: id('案例'),
  /** The revision the reviewer read: approving is about that text, not whatever is current. */
  revisionId: id('版本'),
  stage: stageSeen,
});

export type CaseContentInput = z.infer<typeof caseContentSchema>;
export type SaveCaseInput = z.infer<typeof saveCaseSchema>;
