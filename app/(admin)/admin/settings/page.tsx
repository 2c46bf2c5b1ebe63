import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePagePermission } from '@/lib/admin/session';
import { readReturnReasons, readReviewStages } from '@/lib/services/review-stages';

export const metadata: Metadata = { title: '设置' };

/** The admin's settings, one page per subject. */
export default async function SettingsPage() {
  await requirePagePermission('settings.manage', '/admin/settings');
  const db = await getDb();
  const [stages, reasons] = await Promise.all([readReviewStages(db), readReturnReasons(db, 'active')]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>设置</h1>
          <p className="sub">只有管理员可以修改；每次保存都记入操作日志。</p>
        </div>
      </div>
      <div className="grid-2">
        <section className="panel" aria-labelledby="settings-review">
          <h2 id="settings-review">
            <Link href="/admin/settings/review">审核流程与退回理由</Link>
          </h2>
          <p>
            现在的审核环节：{stages.map((s) => s.name).join(' → ')}；退回理由{reasons.length}个。
          </p>
          <p className="small muted">设定几审、每一审由哪些角色或人员负责、终审前需要几次校对，以及审核人员退回案例时可选的理由。</p>
        </section>
        <section className="panel" aria-labelledby="settings-site">
          <h2 id="settings-site">
            <Link href="/admin/settings/site">期刊设置</Link>
          </h2>
          <p className="small muted">期号的显示格式（如 2025年第3期（总第27期））、版权页和编印单位。</p>
        </section>
      </div>
    </>
  );
}
