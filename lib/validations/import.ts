import { z } from './zod';
import { caseContentSchema, MAX_SECTIONS, profileSchema, sectionSchema } from './case';
import { casePositionSchema, issueNumberSchema, MAX_CASES_PER_ISSUE, MAX_ISSUE_NUMBER } from './common';
import { issueFieldsSchema } from './issue';

/** The largest file the importer reads, upload or command line alike. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The longest text (pasted, or decoded from a file) the importer parses. */
export const MAX_IMPORT_CHARS = 1_000_000;

export const importTextSchema = z.object({
  text: z.string().min(1, '没有可导入的内容').max(MAX_IMPORT_CHARS, '文本过长（超过100万字），请拆分后再导入'),
});

const content = caseContentSchema.shape;

/** The JSON the export writes (and `import --dry-run --json` prints), read back by the importer. */
export const importJsonSchema = z.object({
  issues: z
    .array(
      z.object({
        number: issueNumberSchema,
        title: issueFieldsSchema.shape.title,
        cases: z
          .array(
            z.object({
              position: casePositionSchema,
              title: content.title,
              regions: content.regions,
              profile: profileSchema.nullable(),
              lead: content.lead,
              sections: z.array(sectionSchema).max(MAX_SECTIONS, `段落不超过${MAX_SECTIONS}个`),
            }),
          )
          .max(MAX_CASES_PER_ISSUE, `一期的案例不超过${MAX_CASES_PER_ISSUE}个`),
      }),
    )
    .min(1, '没有任何一期')
    .max(MAX_ISSUE_NUMBER, `期数不超过${MAX_ISSUE_NUMBER}`),
});
