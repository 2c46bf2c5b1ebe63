import type { Metadata } from 'next';
import { CaseEditor } from '@/components/admin/case-editor/case-editor';
import { NEW_CASE_VALUES } from '@/lib/admin/case-form';
import { requirePagePermission } from '@/lib/admin/session';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '新建案例' };

export default async function NewCasePage() {
  const actor = await requirePagePermission('case.create', '/admin/cases/new');
  return (
    <CaseEditor
      caseId={null}
      version={null}
      status={null}
      initial={NEW_CASE_VALUES}
      initialRegions={[]}
      can={{ submit: can(actor.role, 'case.submit'), withdraw: can(actor.role, 'case.withdraw') }}
      kicker="未编入期刊"
    />
  );
}
