import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { auditActionNames, listAuditEntries, parseAuditFilters } from '@/lib/admin/audit-list';
import { loadDashboard } from '@/lib/admin/dashboard';
import { ROLES } from '@/lib/content/model';
import { writeAudit } from '@/lib/services/audit';
import { createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';

// Sign-in records say who tried which email from where, and whether that email has an account:
// only admins may read them, on the audit page; the dashboard shows editorial work only, to everyone.
describe(`who sees sign-in records in the audit log (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  const actors = {} as Record<(typeof ROLES)[number], Actor>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    for (const role of ROLES) actors[role] = await createActor(db, role, `reader-${role}`);
    const base = { targetType: 'user' as const, clientAddress: '10.50.0.1' };
    await writeAudit(db, { ...base, actorId: null, action: 'auth.sign_in_failed', after: { email: 'someone@example.test', reason: 'unknown_email' } });
    await writeAudit(db, { ...base, actorId: null, action: 'auth.sign_in_locked', after: { email: 'someone@example.test', reason: 'too_many_pair' } });
    await writeAudit(db, { ...base, actorId: actors.editor.id, action: 'auth.sign_in', targetId: actors.editor.id });
    await writeAudit(db, { actorId: actors.editor.id, action: 'case.create', targetType: 'case', targetId: 1 });
  });
  afterAll(async () => database?.close());

  const authActions = (actions: string[]) => actions.filter((a) => a.startsWith('auth.'));

  for (const role of ROLES) {
    const admin = role === 'admin';
    it(`${role}: ${admin ? 'sees' : 'does not see'} sign-in records on the audit page, and none on the dashboard`, async () => {
      const actor = actors[role];
      const all = await listAuditEntries(db, actor, parseAuditFilters({}));
      // Asking for them by name is no way around it either.
      const asked = await listAuditEntries(db, actor, parseAuditFilters({ action: 'auth.' }));
      const dashboard = await loadDashboard(db, actor);
      const seen = {
        page: authActions(all.rows.map((r) => r.action)).length,
        asked: asked.rows.length,
        dashboard: authActions(dashboard.activity.map((a) => a.action)).length,
        choices: authActions(await auditActionNames(db, actor)).length,
      };
      expect(seen).toEqual(admin ? { page: 3, asked: 3, dashboard: 0, choices: 3 } : { page: 0, asked: 0, dashboard: 0, choices: 0 });
      // Everything else stays visible to everyone.
      expect(all.rows.map((r) => r.action)).toContain('case.create');
      expect(dashboard.activity.map((a) => a.action)).toContain('case.create');
    });
  }
});
