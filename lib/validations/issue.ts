import { z } from 'zod';

const id = (label: string) => z.number({ error: `缺少${label}` }).int(`${label}无效`).positive(`${label}无效`);

export const issueFieldsSchema = z.object({
  number: z.coerce.number({ error: '期号必须是数字' }).int('期号必须是整数').positive('期号必须大于0').max(9999, '期号不超过9999'),
  title: z.string().trim().min(1, '请填写主题').max(200, '主题不超过200个字'),
  foreword: z.string().trim().max(5000, '编者按不超过5000个字').default(''),
});

export const createIssueSchema = issueFieldsSchema;

export const updateIssueSchema = issueFieldsSchema.extend({ issueId: id('期'), baseVersion: id('版本号') });

export const issueRefSchema = z.object({ issueId: id('期') });

export const issueCaseSchema = z.object({ issueId: id('期'), caseId: id('案例') });

export const reorderCasesSchema = z.object({
  issueId: id('期'),
  caseIds: z.array(id('案例')).refine((ids) => new Set(ids).size === ids.length, '案例不能重复'),
});

export const scheduleIssueSchema = z.object({
  issueId: id('期'),
  scheduledAt: z.coerce.date({ error: '请填写有效的发布时间' }),
});
