import { CASE_STATUS_LABELS, ISSUE_STATUS_LABELS, type CaseStatus, type IssueStatus } from '@/lib/content/model';

/** The status of a published case whose public text has errors still to correct. */
export const PUBLISHED_WITH_CORRECTIONS = '已发布（含待更正）';

/**
 * A case's status. `publishedErrors` counts the proofreading errors in the text the public sees
 * (待更正): a published case with some reads 已发布（含待更正）; a case being corrected says so beside
 * its working status, since the public text is still the one with the errors.
 */
export function CaseStatusBadge({ status, publishedErrors = 0 }: { status: CaseStatus; publishedErrors?: number | null }) {
  const pending = (publishedErrors ?? 0) > 0;
  if (pending && status === 'published') return <span className="a-badge badge-correction">{PUBLISHED_WITH_CORRECTIONS}</span>;
  return (
    <>
      <span className={`a-badge badge-${status}`}>{CASE_STATUS_LABELS[status]}</span>
      {pending ? (
        <>
          {' '}
          <span className="a-badge badge-correction">公开版本待更正</span>
        </>
      ) : null}
    </>
  );
}

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`a-badge badge-${status}`}>{ISSUE_STATUS_LABELS[status]}</span>;
}

/** A proofreading finding's severity: errors block submitting and publishing, warnings advise. */
export function SeverityBadge({ severity }: { severity: 'error' | 'warning' }) {
  return <span className={`a-badge ${severity === 'error' ? 'badge-changes_requested' : 'badge-draft'}`}>{severity === 'error' ? '错误' : '提醒'}</span>;
}
