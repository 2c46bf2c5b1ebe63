import { CASE_STATUS_LABELS, type CaseStatus, type IssueStatus, type Role } from '@/lib/content/model';
import { can, permissionDenied, type Action } from './permissions';

// The case and issue state machines. Pure: the services read the facts, this decides.

export type CaseEvent = 'edit' | 'submit' | 'withdraw' | 'requestChanges' | 'approve';

export interface CaseTransitionContext {
  role: Role;
  actorId: number;
  /** Everyone whose not-yet-reviewed text is in the revision the event is about (the current one). */
  revisionContributorIds: readonly number[];
  /** Who put the case into review; known while it is in review. */
  submittedById: number | null;
  /** For approve: whether the stage the case waits at is the last one (lib/workflow/stages.ts); absent, it is. */
  finalStage?: boolean;
}

export type Transition<S> = { ok: true; status: S } | { ok: false; reason: string };

/** The permission each case event needs. */
export const CASE_EVENT_ACTIONS: Record<CaseEvent, Action> = {
  edit: 'case.edit',
  submit: 'case.submit',
  withdraw: 'case.withdraw',
  requestChanges: 'case.requestChanges',
  approve: 'case.approve',
};

const refuse = <S>(reason: string): Transition<S> => ({ ok: false, reason });
const to = <S>(status: S): Transition<S> => ({ ok: true, status });
const inState = (status: CaseStatus) => `案例当前为“${CASE_STATUS_LABELS[status]}”`;

export function transition(status: CaseStatus, event: CaseEvent, ctx: CaseTransitionContext): Transition<CaseStatus> {
  const action = CASE_EVENT_ACTIONS[event];
  if (!can(ctx.role, action)) return refuse(permissionDenied(action));
  switch (event) {
    case 'edit':
      if (status === 'in_review') return refuse('案例正在审核中，不能修改；请先撤回提交。');
      // Editing an approved or published case starts a new working draft; a published case's
      // public copy stays as it was until the new revision is approved and published.
      if (status === 'approved' || status === 'published') return to('draft');
      return to(status);
    case 'submit':
      if (status === 'draft' || status === 'changes_requested') return to('in_review');
      if (status === 'in_review') return refuse('案例已在审核中。');
      return refuse(`${inState(status)}，没有需要提交审核的修改。`);
    case 'withdraw':
      if (status !== 'in_review') return refuse(`${inState(status)}，没有可撤回的提交。`);
      if (ctx.role !== 'admin' && ctx.submittedById !== ctx.actorId) return refuse('只能撤回自己提交的审核。');
      return to('draft');
    case 'requestChanges':
      if (status !== 'in_review') return refuse(`${inState(status)}，只有待审核的案例可以退回修改。`);
      return to('changes_requested');
    case 'approve':
      if (status !== 'in_review') return refuse(`${inState(status)}，只有待审核的案例可以审核通过。`);
      // Separation of duties holds for everyone, admins included, and follows the text: restoring or
      // editing someone's unreviewed draft does not make it anyone else's.
      if (ctx.revisionContributorIds.includes(ctx.actorId)) {
        return refuse('这一版含有你自己撰写、尚未经他人审核的内容（包括别人恢复或接着修改的你的文字），不能由你审核通过，请由其他审核人员审核。');
      }
      // A pass at an earlier stage moves the case on to the next stage; the last stage's pass approves it.
      return to(ctx.finalStage === false ? 'in_review' : 'approved');
  }
}

/** What publishing needs from a case: approved, or already public with no newer working revision. */
export function isPublishable(c: { status: CaseStatus; currentRevisionId: number | null; publishedRevisionId: number | null }): boolean {
  if (c.status === 'approved') return true;
  return c.status === 'published' && c.currentRevisionId !== null && c.currentRevisionId === c.publishedRevisionId;
}

export type IssueEvent = 'publish' | 'unpublish' | 'schedule' | 'unschedule';

const ISSUE_EVENT_ACTIONS: Record<IssueEvent, Action> = {
  publish: 'issue.publish',
  unpublish: 'issue.unpublish',
  schedule: 'issue.schedule',
  unschedule: 'issue.schedule',
};

export function issueTransition(status: IssueStatus, event: IssueEvent, role: Role): Transition<IssueStatus> {
  const action = ISSUE_EVENT_ACTIONS[event];
  if (!can(role, action)) return refuse(permissionDenied(action));
  switch (event) {
    case 'publish':
      // Publishing a published issue again pushes newly approved revisions out.
      return to('published');
    case 'unpublish':
      return status === 'published' ? to('draft') : refuse('本期尚未发布，无需撤回。');
    case 'schedule':
      return status === 'published' ? refuse('本期已经发布，不能再定时发布。') : to('scheduled');
    case 'unschedule':
      return status === 'scheduled' ? to('draft') : refuse('本期没有设定定时发布。');
  }
}
