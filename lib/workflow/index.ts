export { ACTIONS, ACTION_LABELS, PERMISSIONS, can, permissionDenied, type Action } from './permissions';
export {
  isPublishable,
  issueTransition,
  transition,
  type CaseEvent,
  type CaseTransitionContext,
  type IssueEvent,
  type Transition,
} from './transitions';
