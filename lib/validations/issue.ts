import { z } from './zod';
import { id, issueNumberSchema, MAX_BULK_CASES, MAX_CASES_PER_ISSUE } from './common';

export const issueFieldsSchema = z.object({
  number: issueNumberSchema,
  title: z.string().trim().min(1, '请填写主题').max(200, '主题不超过200个字'),
  foreword: z.string().trim().max(5000, '编者按不超过5000个字').default(''),
});

export const createIssueSchema = issueFieldsSchema;

export const updateIssueSchema = issueFieldsSchema.extend({ issueId: id('期'), baseVersion: id('版本号') });

export const issueRefSchema = z.object({ issueId: id('期') });

export const issueCaseSchema = z.object({ issueId: id('期'), caseId: id('案例') });

export const reorderCasesSchema = z.object({
  issueId: id('期'),
  caseIds: z
    .array(id('案例'))
    .max(MAX_CASES_PER_ISSUE, `一期的案例不超过${MAX_CASES_PER_ISSUE}个`)
    .refine((ids) => new Set(ids).size === ids.length, '案例不能重复'),
});

export const scheduleIssueSchema = z.object({
  issueId: id('期'),
  scheduledAt: z.coerce.date({ error: '请填写有效的发布时间' }),
});

/** Adds the selected cases to the end of an issue, in the order they were selected. */
export const bulkAddToIssueSchema = z.object({
  issueId: id('期'),
  caseIds: z.array(id('案例')).min(1, '请先选择案例').max(MAX_BULK_CASES, `一次最多处理${MAX_BULK_CASES}个案例`),
});
