'use server';
import { adminAction } from '@/lib/admin/action';
import { revalidatePublicSite } from '@/lib/public/cache';
import { saveSiteSettings, SITE_SETTING_LABELS } from '@/lib/services/site-settings';
import { saveSiteSettingsSchema } from '@/lib/validations/site-settings';
import { revalidateAdmin } from './revalidate';

export const saveSiteSettingsAction = adminAction(saveSiteSettingsSchema, {
  run: saveSiteSettings,
  reply: (r) => ({
    version: r.settings.version,
    message: r.changed.length === 0 ? '设置没有变化。' : `已保存：${r.changed.join('、')}。${r.changed.some((f) => f !== SITE_SETTING_LABELS.issueLabelFormat) ? '版权页的修改在各期再次发布后生效。' : ''}`,
  }),
  // A new format renames every issue on the public site at once.
  revalidate: (r) => {
    revalidateAdmin();
    if (r.changed.includes(SITE_SETTING_LABELS.issueLabelFormat)) revalidatePublicSite();
  },
});
