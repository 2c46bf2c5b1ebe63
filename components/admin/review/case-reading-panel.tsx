import { CommentThread } from '@/components/admin/review/comment-thread';
import type { ReviewDetail } from '@/lib/admin/review-detail';
import { sectionLabel, sectionPlace } from '@/lib/content/numerals';

/** The current revision as readers will see it, read-only, with a comment thread under each part. */
export function CaseReadingPanel({ review }: { review: ReviewDetail }) {
  const { content: c, profileSentence, threadOf, may } = review;
  const caseId = review.detail.case.id;
  const revisionId = review.detail.revision.id;
  return (
    <section className="panel read-only-case" aria-label="当前版本（只读）">
      <h2>概况与导语</h2>
      {profileSentence ? <p>{profileSentence}</p> : null}
      {c.lead ? <p style={{ whiteSpace: 'pre-wrap' }}>{c.lead}</p> : null}
      {!profileSentence && !c.lead ? <p className="muted">（无）</p> : null}
      <CommentThread caseId={caseId} revisionId={revisionId} sectionIndex={-1} label="概况与导语" comments={threadOf(-1)} can={may.comment} />
      {c.sections.map((s, i) => (
        <div key={i}>
          <h2>
            {sectionLabel(i)}
            {s.heading}
          </h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{s.body}</p>
          <CommentThread caseId={caseId} revisionId={revisionId} sectionIndex={i} label={sectionPlace(i, s.heading)} comments={threadOf(i)} can={may.comment} />
        </div>
      ))}
      <h2>整篇意见</h2>
      <CommentThread caseId={caseId} revisionId={revisionId} sectionIndex={null} label="整篇案例" comments={threadOf(null)} can={may.comment} />
    </section>
  );
}
