import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { requestLogger } from '@/lib/log';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/current';
import { fail, ok, type Ok, type Result } from '@/lib/services/result';

/** What an admin action answers: typed data and a message on success, or the service's refusal. */
export type ActionResult<T extends object = object> = Result<T>;

/** A service: it checks the permission and parses its own input, so tests and scripts call it directly. */
export type Service<R extends object> = (db: Db, actor: Actor, input: unknown) => Promise<Result<R>>;

export interface ActionSpec<R extends object, T extends object> {
  /** The service that does the work; it parses the input with the same schema the action is typed by. */
  run: Service<R>;
  /** What the person is told on success, and the ids the form needs next. */
  reply: (result: Ok<R>) => T;
  /** The pages that show what `run` changed; called only after it succeeded. */
  revalidate?: (result: Ok<R>) => void;
}

export const SESSION_EXPIRED = '登录已过期，请重新登录后再试。';
export const SERVER_FAILED = '操作未完成：服务器出错，请稍后重试。内容没有被改动。';

/**
 * Who is asking (from the session, never the client), and a crash turned into a refusal. Every admin
 * action runs inside it; `adminAction` below is the usual way, the upload preview uses it directly.
 */
export async function withActor<T extends object>(work: (actor: Actor) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const actor = await getActor();
    if (!actor) return fail(SESSION_EXPIRED);
    return await work(actor);
  } catch (error) {
    // redirect() and notFound() are Next.js control flow, not crashes.
    unstable_rethrow(error);
    // A crash must not reach the editor as a blank screen; the server log keeps the detail.
    (await requestLogger()).error({ event: 'admin.action_failed', err: error }, '后台操作出错');
    return fail(SERVER_FAILED);
  }
}

/**
 * The one wrapper for admin Server Actions. The input is parsed once, by the service, which checks
 * the permission first and returns every field error; this wrapper does not parse it again. The
 * schema is the one the service parses with: here it only types the call site, so a form that sends
 * the wrong shape does not compile. Revalidation is declared beside the action and runs on success.
 */
export function adminAction<S extends z.ZodType, R extends object, T extends object>(
  schema: S,
  spec: ActionSpec<R, T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input: z.input<S>) =>
    withActor(async (actor) => {
      const result = await spec.run(await getDb(), actor, input);
      if (!result.ok) return result;
      spec.revalidate?.(result);
      return ok(spec.reply(result));
    });
}
