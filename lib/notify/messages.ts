import type { NotificationKind } from './kinds';

// The words of a notification. The in-app text is for staff only and may name the case; an email
// can be forwarded outside the staff, so its builder is never given the case's title or text, a
// comment's body or a reason someone typed: it names the kind of work and links to the admin page.

/** What the in-app message may say. */
export interface InAppFacts {
  kind: NotificationKind;
  caseTitle: string;
  actorName: string | null;
  /** The stage the case now waits at (初审…), for case.at_stage. */
  stageName?: string;
  /** It came to the stage by a submission, not by passing the stage before. */
  submitted?: boolean;
  /** The stock reason of a return (数据缺失…), for case.returned. */
  reason?: string;
  /** A reply in a thread rather than a new comment, for comment.addressed. */
  reply?: boolean;
}

/** What an email may say: no case text, no title, no comment. */
export interface EmailFacts {
  kind: NotificationKind;
  caseId: number;
  recipientName: string;
  actorName: string | null;
  stageName?: string;
  reply?: boolean;
}

const who = (name: string | null) => name ?? '系统';

export function inAppMessage(f: InAppFacts): string {
  const title = `《${f.caseTitle}》`;
  switch (f.kind) {
    case 'case.at_stage':
      return f.submitted
        ? `${who(f.actorName)}提交了${title}，等待${f.stageName ?? '审核'}`
        : `${title}经${who(f.actorName)}审核通过，进入${f.stageName ?? '下一审'}`;
    case 'case.returned':
      return `${title}被${who(f.actorName)}退回修改${f.reason ? `：${f.reason}` : ''}`;
    case 'comment.addressed':
      return `${who(f.actorName)}${f.reply ? '回复了关于' : '对'}${title}${f.reply ? '的意见' : '提出了审核意见'}`;
  }
}

/** Where the recipient does the work: a returned case is revised in the editor; comments and reviews are on the review page. */
export function workPath(kind: NotificationKind, caseId: number): string {
  return kind === 'case.returned' ? `/admin/cases/${caseId}` : `/admin/cases/${caseId}/review`;
}

function subjectOf(f: EmailFacts): string {
  switch (f.kind) {
    case 'case.at_stage':
      return `【案例期刊】有一篇案例等待你${f.stageName ?? '审核'}`;
    case 'case.returned':
      return '【案例期刊】你提交的一篇案例被退回修改';
    case 'comment.addressed':
      return f.reply ? '【案例期刊】有人回复了你的审核意见' : '【案例期刊】你收到一条审核意见';
  }
}

function leadOf(f: EmailFacts): string {
  switch (f.kind) {
    case 'case.at_stage':
      return `${who(f.actorName)}将一篇案例送到了${f.stageName ?? '审核'}，现在等待你审核。`;
    case 'case.returned':
      return `${who(f.actorName)}将你提交的一篇案例退回修改，退回原因和意见请在后台查看。`;
    case 'comment.addressed':
      return `${who(f.actorName)}${f.reply ? '回复了一条审核意见' : '对一篇案例提出了审核意见'}，请在后台查看并处理。`;
  }
}

/** Subject and plain-text body of an email; `adminUrl` is the absolute address of the admin's site. */
export function emailMessage(f: EmailFacts, adminUrl: string): { subject: string; body: string } {
  const base = adminUrl.replace(/\/+$/u, '');
  const body = [
    `${f.recipientName}，你好：`,
    '',
    leadOf(f),
    '',
    `请登录编辑后台处理：${base}${workPath(f.kind, f.caseId)}`,
    `你的全部待办：${base}/admin/todo`,
    '',
    '为防止未发布的内容外传，本邮件不包含案例的标题、正文和审核意见。',
    `不想再收到邮件通知，可在“我的账号”中取消“接收邮件通知”：${base}/admin/account`,
    '（本邮件由案例期刊系统自动发送，请勿直接回复。）',
  ].join('\n');
  return { subject: subjectOf(f), body };
}
