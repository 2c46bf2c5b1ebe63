import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/admin/accounts/change-password-form';
import { requirePageActor } from '@/lib/admin/session';
import { ROLE_LABELS } from '@/lib/content/model';

export const metadata: Metadata = { title: '我的账号' };

export default async function MyAccountPage() {
  const actor = await requirePageActor();
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
    </>
  );
}
