// Dates and times as the newsroom reads them: China time, Chinese form (2026年11月25日 14:05).
const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDate(value: Date | string): string {
  return dateFormat.format(toDate(value));
}

export function formatDateTime(value: Date | string): string {
  const d = toDate(value);
  return `${dateFormat.format(d)} ${timeFormat.format(d)}`;
}

/** 12,345 in the Chinese locale's grouping. */
export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}
