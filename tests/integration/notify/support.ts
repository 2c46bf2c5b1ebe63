import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, notifications, returnReasons, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createActor } from '../support/fixtures';

/** The people of a newsroom, each a fresh account; the reviewer "off" is deactivated. */
export async function newsroom(db: Db) {
  const cast = {
    editor: await createActor(db, 'editor', 'editor'),
    otherEditor: await createActor(db, 'editor', 'other-editor'),
    r1: await createActor(db, 'reviewer', 'reviewer-one'),
    r2: await createActor(db, 'reviewer', 'reviewer-two'),
    r3: await createActor(db, 'reviewer', 'reviewer-three'),
    off: await createActor(db, 'reviewer', 'reviewer-off'),
    /** An admin who writes text, so may not review it. */
    writingAdmin: await createActor(db, 'admin', 'writing-admin'),
    admin: await createActor(db, 'admin', 'admin'),
  };
  await db.update(users).set({ active: false }).where(eq(users.id, cast.off.id));
  return cast;
}

export const ids = (actors: Actor[]) => actors.map((a) => a.id).sort((a, b) => a - b);

/** Who was notified about a case, of which kind. */
export async function notified(db: Db, caseId: number, kind?: string): Promise<number[]> {
  const rows = await db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(eq(notifications.caseId, caseId)).orderBy(asc(notifications.id));
  return rows
    .filter((r) => kind === undefined || r.kind === kind)
    .map((r) => r.userId)
    .sort((a, b) => a - b);
}

export async function notificationsOf(db: Db, userId: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.id));
}

export async function outboxRows(db: Db) {
  return db.select().from(emailOutbox).orderBy(asc(emailOutbox.id));
}

export async function reasonId(db: Db, label: string): Promise<number> {
  const [row] = await db.select({ id: returnReasons.id }).from(returnReasons).where(eq(returnReasons.label, label));
  return row!.id;
}
