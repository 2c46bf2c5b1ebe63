import 'server-only';
import { and, desc, eq, gte, lt, notLike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { loadAuditNames } from '@/lib/audit/names';
import { auditReferences, type AuditRow } from '@/lib/audit/references';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/content/model';
import { can } from '@/lib/workflow';
import { auditEntryView, type AuditEntryView } from './audit-summary';
import type { SearchParamsInput } from './case-table-state';

export interface AuditFilters {
  actorId: number | null;
  /** An action name ("case.submit") or a prefix ending in "." ("case."). */
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  from: string | null;
  to: string | null;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

function read(params: SearchParamsInput, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/u.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);
const word = (v: string | undefined) => (v && /^[\w.:-]{1,60}$/u.test(v) ? v : null);

export function parseAuditFilters(params: SearchParamsInput): AuditFilters {
  const actor = Number(read(params, 'user'));
  const page = Number(read(params, 'page'));
  return {
    actorId: Number.isInteger(actor) && actor > 0 ? actor : null,
    action: word(read(params, 'action')),
    targetType: word(read(params, 'targetType')),
    targetId: word(read(params, 'targetId')),
    from: day(read(params, 'from')),
    to: day(read(params, 'to')),
    page: Number.isInteger(page) && page > 0 && page <= 10_000 ? page : 1,
  };
}

export function serializeAuditFilters(f: AuditFilters): string {
  const p = new URLSearchParams();
  if (f.actorId) p.set('user', String(f.actorId));
  if (f.action) p.set('action', f.action);
  if (f.targetType) p.set('targetType', f.targetType);
  if (f.targetId) p.set('targetId', f.targetId);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.page > 1) p.set('page', String(f.page));
  return p.toString();
}

/**
 * Sign-in records (auth.*) are for those who manage accounts: they show who tried which email from
 * where, and whether that email has an account. Everyone else reads the log without them, filtered
 * in the query so that no page, count or filter choice can include one.
 */
export function auditScope(role: Role): SQL | undefined {
  return can(role, 'account.manage') ? undefined : notLike(auditLog.action, 'auth.%');
}

/** What an entry's view is made from; join users on the actor. */
export const auditRowColumns = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  before: auditLog.before,
  after: auditLog.after,
  actorName: users.name,
  clientAddress: auditLog.clientAddress,
};

/**
 * A page of the audit log, newest first. Every staff member can read it (the trail is how the
 * newsroom answers "who changed this"); one extra row tells whether there is a next page.
 */
export async function listAuditEntries(db: Db, actor: Actor | null, f: AuditFilters): Promise<{ rows: AuditEntryView[]; hasNext: boolean }> {
  if (!actor) return { rows: [], hasNext: false };
  const scope = auditScope(actor.role);
  const where: SQL[] = scope ? [scope] : [];
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.action) where.push(f.action.endsWith('.') ? sql`${auditLog.action} LIKE ${`${f.action}%`}` : eq(auditLog.action, f.action));
  if (f.targetType) where.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00+08:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    where.push(lt(auditLog.at, end));
  }
  const rows = await db
    .select(auditRowColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE);
  return { rows: await auditEntryViews(db, rows.slice(0, AUDIT_PAGE_SIZE)), hasNext: rows.length > AUDIT_PAGE_SIZE };
}

/** Entries as people read them: the cases, issues, accounts, versions and comments they point at named in one batch. */
export async function auditEntryViews(db: Db, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const names = await loadAuditNames(db, auditReferences(rows));
  return rows.map((row) => auditEntryView(row, names));
}

/** The action names that occur and the actor may see, for the filter's choices. */
export async function auditActionNames(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).where(auditScope(actor.role)).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
