import { CASE_STATUS_LABELS, type CaseStatus, type IssueStatus } from '@/lib/content/model';

const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = { draft: '未发布', scheduled: '定时发布', published: '已发布' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`a-badge badge-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`a-badge badge-${status}`}>{ISSUE_STATUS_LABELS[status]}</span>;
}

export { ISSUE_STATUS_LABELS };
