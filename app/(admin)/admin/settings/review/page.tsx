import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { ReviewReasonsForm } from '@/components/admin/settings/review-reasons-form';
import { ReviewStagesForm } from '@/components/admin/settings/review-stages-form';
import { requirePagePermission } from '@/lib/admin/session';
import { loadReviewSettings } from '@/lib/services/review-stages';

export const metadata: Metadata = { title: '审核流程与退回理由' };

export default async function ReviewSettingsPage() {
  const actor = await requirePagePermission('settings.manage', '/admin/settings/review');
  const settings = await loadReviewSettings(await getDb(), actor);
  if (!settings.ok) notFound();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>审核流程与退回理由</h1>
          <p className="sub">
            案例按顺序逐一通过每个审核环节（三审），同一版在不同环节须由不同的人审核，任何人都不能审核自己撰写的内容；最后一个环节通过即为审核通过。
          </p>
        </div>
        <div className="actions">
          <Link className="btn" href="/admin/settings">
            返回设置
          </Link>
        </div>
      </div>
      <section className="panel" aria-labelledby="stages-title">
        <h2 id="stages-title">审核环节</h2>
        <ReviewStagesForm
          stages={settings.stages.map(({ name, roles, userIds, requiredRounds, returnRestarts }) => ({
            name,
            roles: roles.filter((r) => r !== 'editor'),
            userIds: [...userIds],
            requiredRounds,
            returnRestarts,
          }))}
          base={settings.stagesBase}
          candidates={settings.candidates}
        />
      </section>
      <section className="panel" aria-labelledby="reasons-title">
        <h2 id="reasons-title">退回理由</h2>
        <ReviewReasonsForm
          reasons={settings.reasons.map(({ id, label, active, uses }) => ({ id, label, active, uses }))}
          base={settings.reasonsBase}
        />
      </section>
    </>
  );
}
