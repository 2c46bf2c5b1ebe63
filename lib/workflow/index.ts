export { ACTIONS, ACTION_LABELS, PERMISSIONS, can, permissionDenied, type Action } from './permissions';
export { revisionContributors, type ContributorSource } from './contributors';
export { caseContentLock, issueCasesLock, issueFieldsLock, scheduleTimeLabel, type IssueLockFacts } from './issue-lock';
export {
  CASE_EVENT_ACTIONS,
  isPublishable,
  issueTransition,
  transition,
  type CaseEvent,
  type CaseTransitionContext,
  type IssueEvent,
  type Transition,
} from './transitions';
