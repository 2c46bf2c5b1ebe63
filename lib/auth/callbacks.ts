import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { JWT } from 'next-auth/jwt';
import type { Session, User } from 'next-auth';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/services/audit';

// The jwt and session callbacks. A JWT session is stateless, so on every request we re-read the
// user: deactivation, a role change or a password reset (all bump sessionVersion) take effect on
// the very next request.

const revoked = (token: JWT): JWT => ({ sub: token.sub, uid: token.uid, revoked: true });

export async function refreshToken(db: Db, token: JWT, user?: User): Promise<JWT> {
  const next: JWT = user ? { ...token, uid: Number(user.id), sv: user.sessionVersion } : token;
  if (next.revoked || typeof next.uid !== 'number' || typeof next.sv !== 'number') return revoked(next);
  const [row] = await db
    .select({ name: users.name, email: users.email, role: users.role, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, next.uid));
  if (!row || !row.active || row.sessionVersion !== next.sv) return revoked(next);
  return { ...next, name: row.name, email: row.email, role: row.role };
}

export function sessionFromToken(session: Session, token: JWT): Session {
  if (token.revoked || typeof token.uid !== 'number' || !token.role || !token.name || !token.email) return { expires: session.expires };
  return { expires: session.expires, actor: { id: token.uid, name: token.name, email: token.email, role: token.role } };
}

/** Signing out ends the session everywhere: the token itself would stay valid until it expires. */
export async function endSessions(db: Db, token: JWT): Promise<void> {
  if (typeof token.uid !== 'number' || token.revoked) return;
  const uid = token.uid;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, uid));
    await writeAudit(tx, { actorId: uid, action: 'auth.sign_out', targetType: 'user', targetId: uid });
  });
}
