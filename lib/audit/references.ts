// Which rows an audit entry points at (its target, and the ids inside its before/after), so that a
// page of entries can be named in one batch of lookups instead of one query per entry. Pure.

/** An audit entry as read from the database, with the acting person's name joined. */
export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  actorName: string | null;
  clientAddress: string | null;
}

export interface AuditRefs {
  cases: number[];
  issues: number[];
  users: number[];
  revisions: number[];
  comments: number[];
}

/** What the referenced rows are called now; an id missing from a map is a row that no longer exists. */
export interface AuditNames {
  cases: ReadonlyMap<number, string>;
  issues: ReadonlyMap<number, { number: number; title: string }>;
  users: ReadonlyMap<number, string>;
  /** Revision id → its number within its case (第N版). */
  revisions: ReadonlyMap<number, number>;
  /** Comment id → its text. */
  comments: ReadonlyMap<number, string>;
}

export const NO_AUDIT_NAMES: AuditNames = { cases: new Map(), issues: new Map(), users: new Map(), revisions: new Map(), comments: new Map() };

export const asId = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,15}$/u.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
};

export const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** An import's target names every issue it created: "3,4,5". */
export function targetIds(targetId: string | null): number[] {
  if (!targetId) return [];
  return targetId.split(',').flatMap((part) => {
    const id = asId(part.trim());
    return id === null ? [] : [id];
  });
}

export function auditReferences(rows: readonly AuditRow[]): AuditRefs {
  const sets = { cases: new Set<number>(), issues: new Set<number>(), users: new Set<number>(), revisions: new Set<number>(), comments: new Set<number>() };
  const add = (set: Set<number>, v: unknown) => {
    const id = asId(v);
    if (id !== null) set.add(id);
  };
  for (const row of rows) {
    const target = row.targetType === 'case' ? sets.cases : row.targetType === 'issue' ? sets.issues : row.targetType === 'user' ? sets.users : null;
    if (target) for (const id of targetIds(row.targetId)) target.add(id);
    for (const side of [asRecord(row.before), asRecord(row.after)]) {
      add(sets.issues, side.issueId);
      add(sets.revisions, side.revisionId);
      add(sets.comments, side.commentId);
      if (Array.isArray(side.caseIds)) for (const id of side.caseIds) add(sets.cases, id);
      if (Array.isArray(side.cases)) for (const c of side.cases) add(sets.cases, asRecord(c).caseId);
    }
  }
  return {
    cases: [...sets.cases],
    issues: [...sets.issues],
    users: [...sets.users],
    revisions: [...sets.revisions],
    comments: [...sets.comments],
  };
}
