import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { CaseEditor } from '@/components/admin/case-editor/case-editor';
import { formValuesOf } from '@/lib/admin/case-form';
import { loadCaseDetail, loadCorrectionState, parseRouteId } from '@/lib/admin/case-detail';
import { requirePageActor } from '@/lib/admin/session';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '编辑案例' };

export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = parseRouteId(raw);
  const actor = await requirePageActor(`/admin/cases/${raw}`);
  if (id === null) notFound();
  // Reviewers do not edit content: their view of a case is the read-only review page.
  if (!can(actor.role, 'case.edit')) redirect(`/admin/cases/${id}/review`);
  const db = await getDb();
  const detail = await loadCaseDetail(db, actor, id);
  if (!detail) notFound();
  const correction = await loadCorrectionState(db, actor, detail.case);
  return (
    <CaseEditor
      caseId={id}
      version={detail.case.version}
      revisionNumber={detail.revision.number}
      status={detail.case.status}
      initial={formValuesOf(detail.content)}
      initialRegions={detail.regions}
      can={{ submit: can(actor.role, 'case.submit'), withdraw: can(actor.role, 'case.withdraw') }}
      lockedReason={detail.contentLock}
      kicker={detail.kicker}
      publicText={correction ? { revisionNumber: correction.publishedNumber, errors: correction.publishedErrors } : null}
    />
  );
}
