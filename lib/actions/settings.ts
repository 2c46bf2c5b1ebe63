'use server';
import { adminAction } from '@/lib/admin/action';
import { saveReturnReasons, saveReviewStages } from '@/lib/services/review-stages';
import { saveReturnReasonsSchema, saveStagesSchema } from '@/lib/validations/stages';
import { revalidateAdmin } from './revalidate';

// The review settings change what every review page offers (stage names, who may act, reasons), so
// each save refreshes the whole admin.

export const saveReviewStagesAction = adminAction(saveStagesSchema, {
  run: saveReviewStages,
  reply: (r) => ({ base: r.base, message: `审核流程已保存：${r.stages.map((s) => s.name).join(' → ')}。` }),
  revalidate: revalidateAdmin,
});

export const saveReturnReasonsAction = adminAction(saveReturnReasonsSchema, {
  run: saveReturnReasons,
  reply: (r) => ({ base: r.base, message: `退回理由已保存，共${r.reasons.length}个，启用${r.reasons.filter((x) => x.active).length}个。` }),
  revalidate: revalidateAdmin,
});
