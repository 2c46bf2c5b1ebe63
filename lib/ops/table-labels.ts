// How the backup and restore commands name what a database holds: 案例 25 个、期刊 3 期、账号 3 个.
// Listed in the order people care about; a table missing here is still backed up and is named by
// its database name.

const TABLE_LABELS: Record<string, { label: string; unit: string }> = {
  cases: { label: '案例', unit: '个' },
  issues: { label: '期刊', unit: '期' },
  users: { label: '账号', unit: '个' },
  case_revisions: { label: '修订版本', unit: '个' },
  review_comments: { label: '审核意见', unit: '条' },
  audit_log: { label: '操作日志', unit: '条' },
  published_issues: { label: '已发布期刊', unit: '期' },
  published_cases: { label: '已发布案例', unit: '个' },
  case_corrections: { label: '更正记录', unit: '条' },
  published_case_corrections: { label: '已发布的更正说明', unit: '条' },
  issue_number_redirects: { label: '期号跳转', unit: '条' },
  case_stage_decisions: { label: '审核记录', unit: '条' },
  proofreading_rounds: { label: '校次记录', unit: '条' },
  issue_sections: { label: '栏目', unit: '个' },
  published_pdfs: { label: 'PDF 版', unit: '份' },
  notifications: { label: '通知', unit: '条' },
  email_outbox: { label: '待发与已发邮件', unit: '封' },
  review_stages: { label: '审核环节', unit: '个' },
  return_reasons: { label: '退回理由', unit: '条' },
  site_settings: { label: '期刊设置', unit: '项' },
  sign_in_throttle: { label: '登录限流记录', unit: '条' },
};

export interface TableCount {
  table: string;
  rows: number;
}

const order = Object.keys(TABLE_LABELS);
const rank = (table: string) => (order.includes(table) ? order.indexOf(table) : order.length);

/** "案例 25 个、期刊 3 期、账号 3 个…" for the tables that have rows; "没有任何数据" when none do. */
export function describeCounts(counts: readonly TableCount[]): string {
  const parts = counts
    .filter((c) => c.rows > 0)
    .sort((a, b) => rank(a.table) - rank(b.table) || a.table.localeCompare(b.table))
    .map((c) => {
      const known = TABLE_LABELS[c.table];
      return known ? `${known.label} ${c.rows} ${known.unit}` : `表 ${c.table} ${c.rows} 行`;
    });
  return parts.length > 0 ? parts.join('、') : '没有任何数据';
}
