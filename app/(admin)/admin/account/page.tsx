import type { Metadata } from 'next';
import { getDb } from '@/db';
import { ChangePasswordForm } from '@/components/admin/accounts/change-password-form';
import { NotificationPreferencesForm } from '@/components/admin/accounts/notification-preferences-form';
import { requirePageActor } from '@/lib/admin/session';
import { ROLE_LABELS } from '@/lib/content/model';
import { getNotificationPreferences } from '@/lib/services/notification-preferences';

export const metadata: Metadata = { title: '我的账号' };

export default async function MyAccountPage() {
  const actor = await requirePageActor();
  const preferences = await getNotificationPreferences(await getDb(), actor);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>我的账号</h1>
          <p className="sub">
            {actor.name} · {actor.email} · {ROLE_LABELS[actor.role]}
          </p>
        </div>
      </div>
      <div className="panel" style={{ maxWidth: 480 }}>
        <ChangePasswordForm />
      </div>
      {preferences.ok ? (
        <div className="panel" style={{ maxWidth: 480 }}>
          <NotificationPreferencesForm emailNotifications={preferences.preferences.emailNotifications} emailConfigured={preferences.preferences.emailConfigured} />
        </div>
      ) : null}
    </>
  );
}
