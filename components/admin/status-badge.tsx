import { CASE_STATUS_LABELS, ISSUE_STATUS_LABELS, type CaseStatus, type IssueStatus } from '@/lib/content/model';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`a-badge badge-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`a-badge badge-${status}`}>{ISSUE_STATUS_LABELS[status]}</span>;
}

/** A proofreading finding's severity: errors block submitting and publishing, warnings advise. */
export function SeverityBadge({ severity }: { severity: 'error' | 'warning' }) {
  return <span className={`a-badge ${severity === 'error' ? 'badge-changes_requested' : 'badge-draft'}`}>{severity === 'error' ? '错误' : '提醒'}</span>;
}
