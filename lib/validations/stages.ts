import { z } from './zod';
import { MAX_REQUIRED_ROUNDS, MAX_STAGES } from '@/lib/workflow/stages';
import { id } from './common';

// The admin's review settings (stages, return reasons) and the reviewer's 校次, shared by the forms
// and the services. The stages' deeper rules (a stage someone can act at) live in lib/workflow/stages.

/** Roles that may review; an editor at a stage could never pass anything. */
export const STAGE_ROLES = ['reviewer', 'admin'] as const;
export const MAX_STAGE_USERS = 50;
export const MAX_RETURN_REASONS = 30;
/** What the admin saw when they began: a fingerprint of the saved list, so a stale save is refused. */
const base = z.string({ error: '缺少所依据的设置版本' }).max(128, '设置版本无效');

const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const stageSchema = z.object({
  name: z.string({ error: '请填写环节名称' }).trim().min(1, '请填写环节名称').max(20, '环节名称不超过20个字'),
  roles: z.array(z.enum(STAGE_ROLES, { error: '只有审核和管理员角色可以负责审核环节' })).max(STAGE_ROLES.length).refine(unique, '角色不能重复'),
  userIds: z.array(id('审核人员')).max(MAX_STAGE_USERS, `指定人员不超过${MAX_STAGE_USERS}人`).refine(unique, '人员不能重复'),
  requiredRounds: z.coerce
    .number({ error: '校次必须是数字' })
    .int('校次必须是整数')
    .min(0, `校次应在0到${MAX_REQUIRED_ROUNDS}次之间`)
    .max(MAX_REQUIRED_ROUNDS, `校次应在0到${MAX_REQUIRED_ROUNDS}次之间`),
  returnRestarts: z.boolean({ error: '请说明退回后是否从第一个环节重新开始' }),
});

export const saveStagesSchema = z.object({
  base,
  stages: z
    .array(stageSchema)
    .min(1, '至少需要一个审核环节')
    .max(MAX_STAGES, `审核环节不超过${MAX_STAGES}个`)
    .superRefine((stages, ctx) => {
      const names = stages.map((s) => s.name);
      stages.forEach((s, i) => {
        if (names.indexOf(s.name) !== i) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `环节名称“${s.name}”与前面的环节重复` });
        if (s.roles.length === 0 && s.userIds.length === 0) ctx.addIssue({ code: 'custom', path: [i, 'roles'], message: '请至少选择一个角色或一位人员，否则没有人能在这一环节审核' });
      });
    }),
});

export const returnReasonSchema = z.object({
  /** null: a reason added in this save. */
  id: id('退回理由').nullable(),
  label: z.string({ error: '请填写退回理由' }).trim().min(1, '请填写退回理由').max(30, '退回理由不超过30个字'),
  active: z.boolean({ error: '请说明是否启用' }),
});

export const saveReturnReasonsSchema = z.object({
  base,
  reasons: z
    .array(returnReasonSchema)
    .min(1, '至少需要一个退回理由')
    .max(MAX_RETURN_REASONS, `退回理由不超过${MAX_RETURN_REASONS}个`)
    .superRefine((reasons, ctx) => {
      const labels = reasons.map((r) => r.label);
      reasons.forEach((r, i) => {
        if (labels.indexOf(r.label) !== i) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `退回理由“${r.label}”与前面的重复` });
      });
      const ids = reasons.flatMap((r) => (r.id === null ? [] : [r.id]));
      if (!unique(ids)) ctx.addIssue({ code: 'custom', message: '同一个退回理由出现了两次，请刷新页面后重试' });
      if (!reasons.some((r) => r.active)) ctx.addIssue({ code: 'custom', message: '至少要启用一个退回理由，否则审核人员无法退回案例' });
    }),
});

/** 记录校次: on the revision the reviewer read, so a round is never recorded on text they did not see. */
export const recordRoundSchema = z.object({
  caseId: id('案例'),
  revisionId: id('版本'),
  note: z.string({ error: '说明必须是文字' }).trim().max(500, '说明不超过500个字').default(''),
});

export type StageInput = z.input<typeof stageSchema>;
export type SaveStagesInput = z.input<typeof saveStagesSchema>;
export type SaveReturnReasonsInput = z.input<typeof saveReturnReasonsSchema>;

/** The forms' own values: the lists without the fingerprint, which the form keeps beside them. */
export const stagesFormSchema = saveStagesSchema.pick({ stages: true });
export const returnReasonsFormSchema = saveReturnReasonsSchema.pick({ reasons: true });
