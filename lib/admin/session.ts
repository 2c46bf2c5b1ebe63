import 'server-only';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/current';
import { can, type Action } from '@/lib/workflow';

/** The signed-in staff member for an admin page, or a redirect to sign in. */
export async function requirePageActor(from = '/admin'): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(from)}`);
  return actor;
}

/** An admin page only some roles may open: others get the dashboard's refusal note, not the page. */
export async function requirePagePermission(action: Action, from: string): Promise<Actor> {
  const actor = await requirePageActor(from);
  if (!can(actor.role, action)) redirect(`/admin?denied=${encodeURIComponent(action)}`);
  return actor;
}
