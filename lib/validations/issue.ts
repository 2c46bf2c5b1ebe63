import { z } from './zod';
import { id, issueNumberSchema, MAX_BULK_CASES, MAX_CASES_PER_ISSUE } from './common';

export const issueFieldsSchema = z.object({
  number: issueNumberSchema,
  title: z.string().trim().min(1, '请填写主题').max(200, '主题不超过200个字'),
  foreword: z.string().trim().max(5000, '编者按不超过5000个字').default(''),
  /** 责任编辑, named on the colophon: an active editor or admin; null for none, left out to keep it as it is. */
  responsibleEditorId: id('责任编辑').nullable().optional(),
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

// 栏目: the sections of an issue's table of contents.

export const MAX_SECTIONS_PER_ISSUE = 30;
export const MAX_SECTION_TITLE_LENGTH = 30;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const sectionTitleSchema = z
  .string({ error: '请填写栏目名称' })
  .trim()
  .min(1, '请填写栏目名称')
  .max(MAX_SECTION_TITLE_LENGTH, `栏目名称不超过${MAX_SECTION_TITLE_LENGTH}个字`)
  .refine((title) => !CONTROL.test(title), '栏目名称只能是一行文字，不能含有换行、制表符或其他控制字符');

export const createSectionSchema = z.object({ issueId: id('期'), title: sectionTitleSchema });

export const renameSectionSchema = z.object({ issueId: id('期'), sectionId: id('栏目'), title: sectionTitleSchema });

export const sectionRefSchema = z.object({ issueId: id('期'), sectionId: id('栏目') });

export const reorderSectionsSchema = z.object({
  issueId: id('期'),
  sectionIds: z
    .array(id('栏目'))
    .max(MAX_SECTIONS_PER_ISSUE, `一期的栏目不超过${MAX_SECTIONS_PER_ISSUE}个`)
    .refine((ids) => new Set(ids).size === ids.length, '栏目不能重复'),
});

/** Lists a case of the issue under a 栏目 (at its end), or under none (null). */
export const assignSectionSchema = z.object({ issueId: id('期'), caseId: id('案例'), sectionId: id('栏目').nullable() });
