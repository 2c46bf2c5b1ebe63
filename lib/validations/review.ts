import { z } from './zod';
import { MAX_SECTIONS } from './case';
import { id } from './common';

export const commentSchema = z.object({
  caseId: id('案例'),
  revisionId: id('版本'),
  /** null: the case as a whole; -1: the profile or lead; otherwise the section's index. */
  sectionIndex: z.number().int('段落无效').min(-1, '段落无效').max(MAX_SECTIONS - 1, '段落无效').nullable().default(null),
  parentId: id('所回复的意见').nullable().default(null),
  body: z.string().trim().min(1, '意见内容不能为空').max(5000, '意见不超过5000个字'),
});

export const commentRefSchema = z.object({ commentId: id('意见') });

/** Marks a comment handled (resolved: true) or opens it again, from the page of the case it is on. */
export const resolveCommentSchema = commentRefSchema.extend({ caseId: id('案例'), resolved: z.boolean({ error: '请说明是处理还是重新打开意见' }) });
