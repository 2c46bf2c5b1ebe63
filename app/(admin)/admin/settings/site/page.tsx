import type { Metadata } from 'next';
import { getDb } from '@/db';
import { SiteSettingsForm } from '@/components/admin/settings/site-settings-form';
import { requirePagePermission } from '@/lib/admin/session';
import { readSiteSettings } from '@/lib/services/site-settings';

export const metadata: Metadata = { title: '期刊设置' };

export default async function SiteSettingsPage() {
  await requirePagePermission('settings.manage', '/admin/settings/site');
  const settings = await readSiteSettings(await getDb());
  return (
    <>
      <div className="page-header">
        <div>
          <h1>期刊设置</h1>
          <p className="sub">
            每期的年份和年内期号在发布时自动得出，总期号就是每期的期号，都不需要填写；这里只设定它们怎样显示，以及每期末尾的版权页。
          </p>
        </div>
        <div className="actions">
          <a className="btn" href="/admin/settings">
            返回设置
          </a>
        </div>
      </div>
      <div className="panel">
        <SiteSettingsForm settings={settings} />
      </div>
    </>
  );
}
