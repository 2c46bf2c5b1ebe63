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
export {
  MAX_REQUIRED_ROUNDS,
  MAX_ROUNDS,
  MAX_STAGES,
  bindingPasses,
  entryStage,
  isAssignedToStage,
  mayActAtStage,
  nextStage,
  requiredRoundsToPublish,
  resumeAfterReturn,
  roundLabel,
  roundsShortfall,
  stageAt,
  stageConfigProblems,
  standingPasses,
  type PassDecision,
  type ReviewStage,
  type StageActor,
  type StageFacts,
  type StageVerdict,
  type StandingPass,
} from './stages';
