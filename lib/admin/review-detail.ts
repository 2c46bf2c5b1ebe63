import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { errorsFirst, proofreadCase } from '@/lib/proofread';
import { listComments } from '@/lib/services/reviews';
import { compareRevisions, listRevisions } from '@/lib/services/revisions';
import { can } from '@/lib/workflow';
import { listAuditEntries, parseAuditFilters } from './audit-list';
import { loadCaseDetail } from './case-detail';
import { placeNameOf } from './place-name';
import { loadStageView } from './review-stages-view';

/** A comment as a thread shows it. */
export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  body: string;
  createdAt: string;
  resolved: boolean;
  revisionNumber: number;
}

/** Which two revisions to compare: from the address, else what changed since the previous revision. */
function comparedIds(query: { from?: string; to?: string }, revisions: { id: number; number: number }[], current: { id: number; number: number }) {
  const toId = Number(query.to) || current.id;
  const fromId = Number(query.from) || revisions.find((r) => r.number === current.number - 1)?.id || current.id;
  return { fromId, toId };
}

/**
 * Everything the review screen shows for one case, read once: the current revision with its
 * comment threads, two revisions compared, the proofreading findings, the history and the trail,
 * and what this reader may do. Null when the case is missing or not readable.
 */
export async function loadReviewDetail(db: Db, actor: Actor, caseId: number, query: { from?: string; to?: string }) {
  const detail = await loadCaseDetail(db, actor, caseId);
  if (!detail) return null;
  const [revisionList, commentList, trail] = await Promise.all([
    listRevisions(db, actor, { caseId }),
    listComments(db, actor, { caseId }),
    listAuditEntries(db, actor, { ...parseAuditFilters({}), targetType: 'case', targetId: String(caseId) }),
  ]);
  const revisions = revisionList.ok ? revisionList.revisions : [];
  const comments = commentList.ok ? commentList.comments : [];
  const current = detail.revision;
  const { fromId, toId } = comparedIds(query, revisions, current);
  const compared = fromId !== toId ? await compareRevisions(db, actor, { caseId, fromRevisionId: fromId, toRevisionId: toId }) : null;

  // Only the names this screen shows: the comments' authors and the current revision's.
  const authorIds = Array.from(new Set([current.authorId, ...comments.map((c) => c.authorId)]));
  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))).map((u) => [u.id, u.name]));
  const numbers = new Map(revisions.map((r) => [r.id, r.number]));
  const threads = new Map<number | null, CommentView[]>();
  for (const c of comments) {
    const list = threads.get(c.sectionIndex) ?? [];
    list.push({
      id: c.id,
      parentId: c.parentId,
      authorName: names.get(c.authorId) ?? '—',
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      resolved: c.resolvedAt !== null,
      revisionNumber: numbers.get(c.revisionId) ?? 0,
    });
    threads.set(c.sectionIndex, list);
  }

  const content = detail.content;
  const inReview = detail.case.status === 'in_review';
  const findings = errorsFirst(proofreadCase(content));
  const stages = await loadStageView(db, actor, detail.case, current);
  return {
    detail,
    content,
    profileSentence: content.profile ? renderProfileSentence(content.profile, placeNameOf(content.regions)) : '',
    currentAuthorName: names.get(current.authorId) ?? '—',
    threadOf: (sectionIndex: number | null): CommentView[] => threads.get(sectionIndex) ?? [],
    revisions,
    compare: { fromId, toId, result: compared, labelOf: (revisionId: number) => `第${numbers.get(revisionId) ?? '?'}版` },
    findings,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    trail: trail.rows,
    may: {
      edit: can(actor.role, 'case.edit'),
      requestChanges: inReview && can(actor.role, 'case.requestChanges'),
      approve: inReview && can(actor.role, 'case.approve'),
      // Restoring makes a new revision, which a case in review cannot take.
      restore: can(actor.role, 'case.edit') && !inReview,
      comment: { create: can(actor.role, 'comment.create'), reply: can(actor.role, 'comment.reply'), resolve: can(actor.role, 'comment.resolve') },
    },
    /** The review stages: progress, decisions, 校次, and what this reader may do at the stage the case waits at. */
    stages,
    /** Why this reader may not pass the stage the current revision waits at (separation of duties, 校次), or null. */
    approveBlocked:
      current.authorId === actor.id
        ? '这一版是你撰写的，需由其他人审核通过。'
        : current.contributorIds.includes(actor.id)
          ? '这一版含有你撰写、尚未经他人审核的内容（经他人恢复或接着修改），需由其他人审核通过。'
          : stages.passBlocked,
  };
}
export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof loadReviewDetail>>>;
