import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import type { Actor } from './actor';
import { authOptions } from './config';

/** The signed-in user for server code, re-validated against the database on this request; or null. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  return session?.actor ?? null;
}

/** For pages and layouts: the signed-in user, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return actor;
}
