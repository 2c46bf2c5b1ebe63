import { COUNT_CAP, type TodoCounts } from '@/lib/services/todo';

const shown = (n: number) => (n > COUNT_CAP ? `${COUNT_CAP}+` : String(n));

/** The header's 待办 badge: how much work waits, or 新 when only unread notifications do; nothing when neither. */
export function todoBadge({ work, unread }: TodoCounts): { text: string; description: string } | undefined {
  if (work === 0 && unread === 0) return undefined;
  const parts = [work > 0 ? `${shown(work)} 项待处理` : null, unread > 0 ? `${shown(unread)} 条未读通知` : null].filter(Boolean);
  return { text: work > 0 ? shown(work) : '新', description: parts.join('，') };
}
