import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { ActivityList } from '@/components/admin/activity-list';
import { formatDateTime } from '@/components/admin/format';
import { CaseReadingPanel } from '@/components/admin/review/case-reading-panel';
import { CorrectionPanel } from '@/components/admin/review/correction-panel';
import { ProofreadingPanel } from '@/components/admin/review/proofreading-panel';
import { ReviewActions } from '@/components/admin/review/review-actions';
import { ReviewDraftsProvider } from '@/components/admin/review/review-drafts';
import { RevisionComparePanel } from '@/components/admin/review/revision-compare-panel';
import { RevisionHistoryPanel } from '@/components/admin/review/revision-history-panel';
import { RoundsPanel } from '@/components/admin/review/rounds-panel';
import { StageDecisionsPanel } from '@/components/admin/review/stage-decisions-panel';
import { StageProgress } from '@/components/admin/review/stage-progress';
import { CaseStatusBadge } from '@/components/admin/status-badge';
import { loadCorrectionState, parseRouteId } from '@/lib/admin/case-detail';
import { loadReviewDetail } from '@/lib/admin/review-detail';
import { requirePageActor } from '@/lib/admin/session';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '审核与历史' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/cases/${raw}/review`);
  const id = parseRouteId(raw);
  if (id === null) notFound();
  const db = await getDb();
  const review = await loadReviewDetail(db, actor, id, await searchParams);
  if (!review) notFound();
  const { detail, content: c, may, stages } = review;
  const current = detail.revision;
  const correction = await loadCorrectionState(db, actor, detail.case);
  // The current revision is the one readers see: its errors are public, to be corrected.
  const showingPublicText = correction !== null && detail.case.status === 'published';

  return (
    <ReviewDraftsProvider>
      <div className="page-header">
        <div>
          <h1>
            {c.title} <CaseStatusBadge status={detail.case.status} publishedErrors={correction?.publishedErrors} />
          </h1>
          <p className="sub">
            {detail.kicker} · 当前第{current.number}版，{review.currentAuthorName}撰写于{formatDateTime(current.createdAt)}
          </p>
          <StageProgress progress={stages.progress} />
        </div>
        <div className="actions">
          {may.edit ? (
            <Link className="btn" href={`/admin/cases/${id}`}>
              编辑
            </Link>
          ) : null}
          {/* Always mounted, so its success message survives the refresh that ends the review. */}
          <ReviewActions
            caseId={id}
            revisionId={current.id}
            revisionNumber={current.number}
            sections={c.sections.map((s, index) => ({ index, heading: s.heading }))}
            can={{ requestChanges: may.requestChanges, approve: may.approve }}
            stage={stages.waiting}
            approveBlocked={review.approveBlocked}
            returnBlocked={stages.returnBlocked}
            reasons={stages.reasons}
            errorCount={review.errorCount}
          />
        </div>
      </div>
      <div className="review-grid">
        <CaseReadingPanel review={review} />
        <div>
          {correction && (correction.publishedErrors > 0 || correction.pending || correction.history.length > 0) ? (
            <CorrectionPanel
              caseId={id}
              publishedNumber={correction.publishedNumber}
              publishedErrors={correction.publishedErrors}
              pending={
                correction.pending
                  ? { revisionId: correction.pending.to.id, fromNumber: correction.pending.from.number, toNumber: correction.pending.to.number, changed: correction.pending.changed }
                  : null
              }
              history={correction.history.map((h) => ({ ...h, publishedAt: h.publishedAt.toISOString() }))}
              canPublish={can(actor.role, 'issue.publish')}
            />
          ) : null}
          <RevisionComparePanel review={review} />
          <ProofreadingPanel findings={review.findings} publicRevision={showingPublicText ? correction.publishedNumber : undefined} />
          <RoundsPanel
            caseId={id}
            revisionId={current.id}
            revisionNumber={current.number}
            rounds={stages.rounds}
            required={stages.roundsToPublish}
            allowed={stages.recordRound.allowed}
            blocked={stages.recordRound.blocked}
            errorCount={review.errorCount}
            warningCount={review.findings.length - review.errorCount}
          />
          <StageDecisionsPanel decisions={stages.decisions} />
          <RevisionHistoryPanel review={review} />
          <section className="panel" aria-labelledby="trail-title">
            <h2 id="trail-title">操作记录</h2>
            <div className="small">
              <ActivityList entries={review.trail} />
            </div>
          </section>
        </div>
      </div>
    </ReviewDraftsProvider>
  );
}
