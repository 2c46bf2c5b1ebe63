import { labelFormatProblems } from '@/lib/content/serial';
import { z } from './zod';
import { id } from './common';

// The site's editorial settings (期号格式, 版权页): one schema for the settings form and the service.

export const MAX_PUBLISHER_NAME_LENGTH = 60;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const siteSettingsFieldsSchema = z.object({
  issueLabelFormat: z
    .string({ error: '请填写期号格式' })
    .trim()
    .superRefine((format, ctx) => {
      for (const message of labelFormatProblems(format)) ctx.addIssue({ code: 'custom', message });
    }),
  showColophon: z.boolean({ error: '请选择是否显示版权页' }),
  publisherName: z
    .string({ error: '编印单位必须是文字' })
    .trim()
    .max(MAX_PUBLISHER_NAME_LENGTH, `编印单位不超过${MAX_PUBLISHER_NAME_LENGTH}个字`)
    .refine((name) => !CONTROL.test(name), '编印单位只能是一行文字，不能含有换行、制表符或其他控制字符'),
});

/** A save names the settings version it was based on, so a concurrent change is never overwritten. */
export const saveSiteSettingsSchema = siteSettingsFieldsSchema.extend({ baseVersion: id('版本号') });

export type SiteSettingsInput = z.input<typeof saveSiteSettingsSchema>;
