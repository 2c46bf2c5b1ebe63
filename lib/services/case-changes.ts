import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { auditActionLabel } from '@/lib/audit/actions';
import type { CaseContent } from '@/lib/content/model';
import type { Conflict } from './result';
import { sectionPlace } from '@/lib/content/numerals';

/** Human labels of the parts of a case content that differ, e.g. 标题, （二）主要做法. */
export function changedFields(before: CaseContent, after: CaseContent): string[] {
  const out: string[] = [];
  if (before.title !== after.title) out.push('标题');
  if (!isDeepStrictEqual(before.regions, after.regions)) out.push('地区');
  if (!isDeepStrictEqual(before.profile, after.profile)) out.push('概况');
  if (before.lead !== after.lead) out.push('导语');
  const n = Math.max(before.sections.length, after.sections.length);
  for (let i = 0; i < n; i++) {
    const a = before.sections[i];
    const b = after.sections[i];
    if (!isDeepStrictEqual(a, b)) out.push(`${sectionPlace(i, (b ?? a)!.heading)}${!a ? '（新增）' : !b ? '（删除）' : ''}`);
  }
  if (!isDeepStrictEqual(before.tags, after.tags)) out.push('主题');
  return out;
}

/**
 * Who changed a case after the version an editor started from, read from the audit trail (every
 * change to a case writes an entry carrying the version it produced, in the same transaction).
 */
export async function conflictSince(
  tx: Db,
  target: { type: 'case' | 'issue'; id: number },
  baseVersion: number,
  currentVersion: number,
): Promise<Conflict> {
  const rows = await tx
    .select({ action: auditLog.action, at: auditLog.at, after: auditLog.after, by: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.targetType, target.type),
        eq(auditLog.targetId, String(target.id)),
        gt(sql<number>`(${auditLog.after} ->> 'version')::int`, baseVersion),
      ),
    )
    .orderBy(asc(auditLog.id));
  return {
    currentVersion,
    changes: rows.map((r) => {
      const after = (r.after ?? {}) as { fields?: unknown };
      return {
        by: r.by ?? '系统',
        at: r.at.toISOString(),
        action: auditActionLabel(r.action),
        fields: Array.isArray(after.fields) ? after.fields.filter((f): f is string => typeof f === 'string') : [],
      };
    }),
  };
}

/** attempted: what the user tried, when it was not a save (提交审核, 撤回提交). */
export function conflictMessage(conflict: Conflict, what = '案例', attempted?: string): string {
  const parts = conflict.changes.map((c) => `${c.by}${c.action}${c.fields.length ? `（${c.fields.join('、')}）` : ''}`);
  if (attempted) {
    const since = parts.length ? `你打开之后，${what}已被修改：${parts.join('；')}。` : `${what}已被其他人修改。`;
    return `${since}你的“${attempted}”未生效，请查看最新内容后再决定。`;
  }
  if (conflict.changes.length === 0) return `${what}已被其他人修改，你的保存未生效；请刷新后重新修改。`;
  return `你打开之后，${what}已被修改：${parts.join('；')}。你的保存未生效，请对照最新内容重新修改。`;
}
