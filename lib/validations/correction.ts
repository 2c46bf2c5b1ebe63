import { z } from './zod';
import { id, MAX_CASES_PER_ISSUE } from './common';

// The 更正说明 that goes public beside a corrected case: one short paragraph from the person who
// publishes the correction. Shared by the publish forms and the services; no server imports.

export const MAX_CORRECTION_NOTE_LENGTH = 200;

/** Line breaks, tabs, other C0/C1 controls and the bidirectional overrides that can disguise text. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Empty is allowed here: whether a note is needed depends on whether the public text changes, which
 * only the service can tell (lib/services/corrections.ts). Everything else about a note is checked here.
 */
export const correctionNoteSchema = z
  .string({ error: '更正说明必须是文字' })
  .trim()
  .max(MAX_CORRECTION_NOTE_LENGTH, `更正说明不超过${MAX_CORRECTION_NOTE_LENGTH}个字`)
  .refine((note) => !CONTROL.test(note), '更正说明只能是一段文字，不能含有换行、制表符或其他控制字符')
  .default('');

/** The message when a changed public text comes without a note. */
export const CORRECTION_NOTE_REQUIRED = '请填写更正说明：公众看到的文字有改动，需向读者说明更正了什么（如：将“每人每年元”更正为“每人每年1200元”）。';

/** 发布更正 for one case: the approved revision the publisher saw, and the note. */
export const publishCorrectionSchema = z.object({
  caseId: id('案例'),
  /** The approved revision the publisher read; if the case moved on since, nothing is published. */
  revisionId: id('版本'),
  note: correctionNoteSchema,
});

/** Publishing an issue, with a note for each of its cases whose public text the publish would change. */
export const publishIssueSchema = z.object({
  issueId: id('期'),
  corrections: z
    .array(z.object({ caseId: id('案例'), note: correctionNoteSchema }))
    .max(MAX_CASES_PER_ISSUE, `一期的案例不超过${MAX_CASES_PER_ISSUE}个`)
    .refine((items) => new Set(items.map((i) => i.caseId)).size === items.length, '每个案例只写一条更正说明')
    .default([]),
});

export type PublishIssueInput = z.input<typeof publishIssueSchema>;
