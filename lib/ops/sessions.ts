import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

// A signed-in session is a token naming a user id and that user's session version; it is valid while
// the database holds the same version (lib/auth/callbacks.ts). Restoring older rows would hand back
// versions that sign-outs, deactivations and password resets had since moved past, and revoked tokens
// would work again. So a restore ends every session: each version ends above both the backup's and
// the one it replaced.

async function hasSessionVersions(tx: Db): Promise<boolean> {
  const [row] = rowsOf<{ n: number | string }>(
    await tx.execute(sql`
      select count(*)::int as n from pg_attribute
      where attrelid = to_regclass('public.users') and attname = 'session_version' and not attisdropped`),
  );
  return Number(row?.n ?? 0) > 0;
}

/** Before the users table is emptied: remember each account's session version for the transaction. */
export async function rememberSessionVersions(tx: Db): Promise<void> {
  if (!(await hasSessionVersions(tx))) return;
  await tx.execute(sql`create temporary table casebook_restore_sessions on commit drop as select id, session_version from users`);
}

/** After the load: every restored account's session version moves past everything issued before. */
export async function endSessionsAfterRestore(tx: Db): Promise<void> {
  if (!(await hasSessionVersions(tx))) return;
  const [kept] = rowsOf<{ t: string | null }>(await tx.execute(sql`select to_regclass('pg_temp.casebook_restore_sessions')::text as t`));
  const before = kept?.t ? sql`coalesce((select s.session_version from casebook_restore_sessions s where s.id = users.id), 0)` : sql`0`;
  await tx.execute(sql`update users set session_version = greatest(session_version, ${before}) + 1`);
}
