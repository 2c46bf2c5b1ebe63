// How an audit entry reads in the log, the dashboard and a case's trail: who did what to which case
// or issue, and what changed, in the words a person uses (《标题》, 第三期, 张三, 第4版). Never JSON,
// never a row id. Pure, so it is unit-tested without a database; the names come from lib/audit/names.ts.
import { auditActionLabel } from '@/lib/audit/actions';
import { isSignInRefusalReason, SIGN_IN_REFUSAL_LABELS } from '@/lib/audit/reasons';
import { asId, asRecord, targetIds, type AuditNames, type AuditRow } from '@/lib/audit/references';
import { CASE_STATUS_LABELS, ISSUE_STATUS_LABELS, ROLE_LABELS, type CaseStatus, type IssueStatus, type Role } from '@/lib/content/model';
import { caseLabel, issueLabel, sectionPlace } from '@/lib/content/numerals';
import { roundLabel } from '@/lib/workflow/stages';
import { serialLabel } from '@/lib/content/serial';

/** One audit entry as the screens show it. */
export interface AuditEntryView {
  id: number;
  at: Date;
  /** The stored name, for filters and links; show actionLabel. */
  action: string;
  actionLabel: string;
  actorName: string;
  /** The case, issue or account acted on; href when it has an admin page. */
  target: { label: string; href: string | null } | null;
  /** "状态：待审核 → 已通过；修订版本：第4版", or '' when there is nothing more to say. */
  summary: string;
}

/**
 * Every key the services record in before/after, in the order the log lists them, with its label;
 * null for bookkeeping a reader has no use for (the row version, which only guards against
 * overwriting, while 修订版本 says which text it was).
 */
export const DETAIL_KEYS = [
  'status',
  'number',
  'title',
  'foreword',
  'responsibleEditor',
  'fields',
  'revision',
  'revisionId',
  'restoredFrom',
  'note',
  'issueId',
  'issueNumber',
  'position',
  'caseIds',
  'sections',
  'section',
  'cases',
  'scheduled',
  'scheduledAt',
  'publishedAt',
  'sectionIndex',
  'commentId',
  'body',
  'resolved',
  'name',
  'email',
  'role',
  'active',
  'passwordChanged',
  'emailNotifications',
  'stageName',
  'waitingAt',
  'reviewStage',
  'stage',
  'round',
  'errors',
  'warnings',
  'reason',
  'comment',
  'stages',
  'reasons',
  'addresseeId',
  'details',
  'lockedUntil',
  'issuesCreated',
  'casesCreated',
  'demo',
  'issueLabelFormat',
  'showColophon',
  'publisherName',
  'version',
] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];

export const DETAIL_LABELS: Record<DetailKey, string | null> = {
  status: '状态',
  number: '期号',
  title: '标题',
  foreword: '编者按',
  responsibleEditor: '责任编辑',
  fields: '改动',
  revision: '修订版本',
  revisionId: '修订版本',
  restoredFrom: '恢复自',
  note: '更正说明',
  issueId: '期刊',
  issueNumber: '期刊',
  position: '位置',
  caseIds: '案例顺序',
  sections: '栏目',
  section: '所属栏目',
  cases: '收录案例',
  scheduled: '发布方式',
  scheduledAt: '定时发布',
  publishedAt: '发布时间',
  sectionIndex: '段落',
  commentId: '意见',
  body: '意见',
  resolved: '意见状态',
  name: '姓名',
  email: '邮箱',
  role: '角色',
  active: '账号状态',
  passwordChanged: '密码',
  emailNotifications: '邮件通知',
  stageName: '审核环节',
  waitingAt: '转入',
  reviewStage: null,
  stage: null,
  round: '校次',
  errors: '校对错误',
  warnings: '校对提醒',
  reason: '原因',
  comment: '说明',
  stages: '审核流程',
  reasons: '退回理由',
  addresseeId: null,
  details: '问题',
  lockedUntil: '登录限制',
  issuesCreated: '新建期刊',
  casesCreated: '新建案例',
  demo: '演示数据',
  issueLabelFormat: '期号格式',
  showColophon: '版权页',
  publisherName: '编印单位',
  version: null,
};

const isDetailKey = (key: string): key is DetailKey => Object.hasOwn(DETAIL_LABELS, key);

const clip = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);
const quoted = (text: string) => `“${clip(text.replace(/\s+/gu, ' ').trim(), 30)}”`;

const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
function dateTime(value: unknown): string | null {
  const d = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? `${dateFormat.format(d)} ${timeFormat.format(d)}` : null;
}

/** 第三期; numbers past the spelled range keep their digits (第1000期). */
export function issueNumberLabel(n: number): string {
  return issueLabel(n);
}

function caseTitle(names: AuditNames, id: unknown, max = 24): string {
  const n = asId(id);
  const title = n === null ? undefined : names.cases.get(n);
  return title === undefined ? '已删除的案例' : `《${clip(title, max)}》`;
}

function caseList(names: AuditNames, ids: unknown[]): string {
  return clip(ids.map((id) => caseTitle(names, id)).join('、'), 80);
}

function issueName(names: AuditNames, id: unknown, numberAtTheTime?: unknown): string {
  const n = asId(id);
  const issue = n === null ? undefined : names.issues.get(n);
  if (issue) return issueNumberLabel(issue.number);
  const number = asId(numberAtTheTime);
  return number === null ? '已删除的一期' : issueNumberLabel(number);
}

/** 初审 → 复审 → 终审（校对1次）: a stage configuration as the settings screen shows it. */
function stagesLine(stages: unknown[]): string {
  return stages
    .map((s) => {
      const { name, requiredRounds } = asRecord(s);
      return `${String(name ?? '')}${typeof requiredRounds === 'number' && requiredRounds > 0 ? `（校对${requiredRounds}次）` : ''}`;
    })
    .join(' → ');
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const count = (v: unknown, unit: string) => (typeof v === 'number' ? `${v}${unit}` : null);

interface Context {
  names: AuditNames;
  targetType: string;
  /** The before or after object the value comes from, for keys read together (issueId with issueNumber). */
  side: Record<string, unknown>;
}

/** One value as a person reads it; null when the value is not of the shape the services write. */
function showValue(key: DetailKey, value: unknown, { names, targetType, side }: Context): string | null {
  switch (key) {
    case 'status':
      if (typeof value !== 'string') return null;
      return targetType === 'issue'
        ? (ISSUE_STATUS_LABELS[value as IssueStatus] ?? null)
        : (CASE_STATUS_LABELS[value as CaseStatus] ?? ISSUE_STATUS_LABELS[value as IssueStatus] ?? null);
    case 'number':
    case 'issueNumber': {
      const n = asId(value);
      return n === null ? null : issueNumberLabel(n);
    }
    case 'title':
    case 'name':
    case 'email':
      return typeof value === 'string' ? clip(value) : null;
    case 'foreword':
      return typeof value === 'string' ? (value.trim() ? quoted(value) : '无') : null;
    case 'body':
    case 'note':
      return typeof value === 'string' ? quoted(value) : null;
    case 'fields':
    case 'details':
      return stringList(value).length ? clip(stringList(value).join('、'), 60) : null;
    case 'revision':
    case 'restoredFrom': {
      const n = asId(value);
      return n === null ? null : `第${n}版`;
    }
    case 'revisionId': {
      const id = asId(value);
      const n = id === null ? undefined : names.revisions.get(id);
      return n === undefined ? '已删除的版本' : `第${n}版`;
    }
    case 'issueId':
      return issueName(names, value, side.issueNumber);
    case 'position': {
      const n = asId(value);
      return n === null ? null : caseLabel(n);
    }
    case 'caseIds':
      return Array.isArray(value) ? caseList(names, value) : null;
    case 'cases':
      return Array.isArray(value) ? `共${value.length}篇，${caseList(names, value.map((c) => asRecord(c).caseId))}` : null;
    case 'scheduled':
      return typeof value === 'boolean' ? (value ? '到时自动发布' : '立即发布') : null;
    case 'scheduledAt':
      return value === null ? '未设定' : dateTime(value);
    case 'publishedAt':
      return value === null ? '未发布' : dateTime(value);
    case 'lockedUntil': {
      if (value === null) return '已解除';
      const until = dateTime(value);
      return until && `至${until}`;
    }
    case 'sectionIndex':
      return typeof value === 'number' ? (value < 0 ? '概况与导语' : sectionPlace(value)) : value === null ? '整篇' : null;
    case 'commentId': {
      const id = asId(value);
      const text = id === null ? undefined : names.comments.get(id);
      return text === undefined ? '已删除的意见' : quoted(text);
    }
    case 'resolved':
      return typeof value === 'boolean' ? (value ? '已解决' : '未解决') : null;
    case 'role':
      return typeof value === 'string' ? (ROLE_LABELS[value as Role] ?? null) : null;
    case 'active':
      return typeof value === 'boolean' ? (value ? '启用' : '停用') : null;
    case 'passwordChanged':
      return value === true ? '已更换' : null;
    case 'emailNotifications':
      return typeof value === 'boolean' ? (value ? '接收' : '不接收') : null;
    case 'stageName':
    case 'waitingAt':
      return typeof value === 'string' ? clip(value) : null;
    case 'round': {
      const n = asId(value);
      return n === null ? null : roundLabel(n);
    }
    case 'errors':
    case 'warnings':
      return count(value, '处');
    case 'comment':
      return typeof value === 'string' ? (value.trim() ? quoted(value) : '无') : null;
    case 'stages':
      return Array.isArray(value) ? stagesLine(value) : null;
    case 'reasons':
      return Array.isArray(value) ? clip(value.map((r) => `${String(asRecord(r).label ?? '')}${asRecord(r).active === false ? '（停用）' : ''}`).join('、'), 80) : null;
    case 'reviewStage':
    case 'stage':
    case 'addresseeId':
      return null;
    case 'reason':
      if (typeof value !== 'string') return null;
      // A failed scheduled publish records the refusal's own sentence; it joins the list without its full stop.
      return isSignInRefusalReason(value) ? SIGN_IN_REFUSAL_LABELS[value] : clip(value.replace(/[。.]$/u, ''), 60);
    case 'issuesCreated':
      return count(value, '期');
    case 'casesCreated':
      return count(value, '篇');
    case 'demo':
      return typeof value === 'boolean' ? (value ? '是' : '否') : null;
    case 'sections':
      return Array.isArray(value) ? (stringList(value).length ? clip(stringList(value).join('、'), 60) : '无') : null;
    case 'section':
    case 'responsibleEditor':
      return value === null ? '无' : typeof value === 'string' ? clip(value) : null;
    case 'publisherName':
      return typeof value === 'string' ? (value.trim() ? clip(value) : '无') : null;
    case 'issueLabelFormat':
      // Shown as the label it makes, so the log reads like the site (no placeholders in braces).
      return typeof value === 'string' ? `如${quoted(serialLabel({ year: 2025, yearNumber: 3, number: 27 }, value))}` : null;
    case 'showColophon':
      return typeof value === 'boolean' ? (value ? '显示' : '不显示') : null;
    case 'version':
      return null;
  }
}

/** Keys that say which thing was acted on, shown even when before and after agree. */
const CONTEXT_KEYS: ReadonlySet<DetailKey> = new Set(['commentId']);

/** Keys another key on the same side already says better. */
function redundant(key: DetailKey, side: Record<string, unknown>): boolean {
  return (key === 'issueNumber' && 'issueId' in side) || (key === 'commentId' && 'body' in side);
}

/**
 * "状态：待审核 → 已通过；修订版本：第4版": the keys that changed (or that only one side records),
 * each named in Chinese and shown as a person reads it. Keys outside DETAIL_KEYS are left out
 * rather than shown raw.
 */
export function auditChangeSummary(row: Pick<AuditRow, 'targetType' | 'before' | 'after' | 'clientAddress'>, names: AuditNames, limit = 6): string {
  const b = asRecord(row.before);
  const a = asRecord(row.after);
  const parts: string[] = [];
  for (const key of DETAIL_KEYS) {
    // An issue's title is its theme (主题), as the issue screens call it.
    const label = key === 'title' && row.targetType === 'issue' ? '主题' : DETAIL_LABELS[key];
    const inB = key in b && !redundant(key, b);
    const inA = key in a && !redundant(key, a);
    if (!label || (!inB && !inA)) continue;
    if (inB && inA && JSON.stringify(b[key]) === JSON.stringify(a[key]) && !CONTEXT_KEYS.has(key)) continue;
    const from = inB ? showValue(key, b[key], { names, targetType: row.targetType, side: b }) : null;
    const to = inA ? showValue(key, a[key], { names, targetType: row.targetType, side: a }) : null;
    if (from !== null && to !== null && from !== to) parts.push(`${label}：${from} → ${to}`);
    else if (to !== null || from !== null) parts.push(`${label}：${to ?? from}`);
  }
  if (row.clientAddress) parts.push(`地址：${clip(row.clientAddress)}`);
  return parts.slice(0, limit).join('；');
}

function targetView(row: AuditRow, names: AuditNames): AuditEntryView['target'] {
  const ids = targetIds(row.targetId);
  if (ids.length === 0) return null;
  if (row.targetType === 'case') {
    const id = ids[0]!;
    return names.cases.has(id) ? { label: caseTitle(names, id, Infinity), href: `/admin/cases/${id}` } : { label: '已删除的案例', href: null };
  }
  if (row.targetType === 'issue') {
    const labels = ids.map((id) => {
      const issue = names.issues.get(id);
      return issue ? `${issueNumberLabel(issue.number)}：${issue.title}` : '已删除的一期';
    });
    const only = ids.length === 1 && names.issues.has(ids[0]!) ? `/admin/issues/${ids[0]}` : null;
    return { label: labels.join('、'), href: only };
  }
  if (row.targetType === 'user') return { label: names.users.get(ids[0]!) ?? '已删除的账号', href: null };
  return null;
}

export function auditEntryView(row: AuditRow, names: AuditNames): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    actorName: row.actorName ?? '系统',
    target: targetView(row, names),
    summary: auditChangeSummary(row, names),
  };
}
