// How an audit entry's before/after reads in the log: only what changed, with Chinese names for the
// fields and values the services record. Pure, so it is unit-tested without a database.
import { CASE_STATUS_LABELS, ISSUE_STATUS_LABELS, ROLE_LABELS, type CaseStatus, type IssueStatus, type Role } from '@/lib/content/model';

const FIELD_LABELS: Record<string, string> = {
  status: '状态',
  version: '版本号',
  title: '标题',
  foreword: '编者按',
  number: '期号',
  issueNumber: '期号',
  issueId: '期',
  position: '序号',
  role: '角色',
  name: '姓名',
  email: '邮箱',
  active: '启用',
  demo: '演示数据',
  scheduledAt: '定时发布',
  publishedAt: '发布时间',
  revision: '修订版本',
  revisionId: '修订版本',
  sectionIndex: '段落',
  comment: '意见',
  commentId: '意见',
  resolved: '已处理',
  caseIds: '案例',
  casesCreated: '新建案例',
  issuesCreated: '新建期刊',
  passwordChanged: '密码已修改',
  reason: '原因',
  clientAddress: '客户端地址',
  fields: '字段',
};

function showValue(key: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  if (key === 'status' && typeof value === 'string') return CASE_STATUS_LABELS[value as CaseStatus] ?? ISSUE_STATUS_LABELS[value as IssueStatus] ?? value;
  if (key === 'sectionIndex' && typeof value === 'number') return value < 0 ? '概况与导语' : `第${value + 1}段`;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v))).join('、').slice(0, 60);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** "状态：待审核 → 已通过；版本号：3 → 4": at most `limit` changed fields, each named in Chinese. */
export function auditChangeSummary(before: unknown, after: unknown, limit = 4): string {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = Array.from(new Set([...Object.keys(b), ...Object.keys(a)])).filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys
    .slice(0, limit)
    .map((k) => {
      const label = FIELD_LABELS[k] ?? k;
      return k in b && k in a ? `${label}：${showValue(k, b[k])} → ${showValue(k, a[k])}` : `${label}：${showValue(k, k in a ? a[k] : b[k])}`;
    })
    .join('；');
}
