import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/current';
import { fail, type Failure, type Result } from '@/lib/services/result';

export type ActionResult<T extends object = object> = Result<T & { message?: string }>;

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.map(String).join('.') || '_form'] ??= []).push(issue.message);
  return out;
}

/**
 * The one wrapper every admin server action goes through: who is asking (from the session, never
 * the client), the shared zod schema, then the service. Services check the permission themselves.
 */
export function adminAction<S extends z.ZodType, T extends object>(
  schema: S,
  run: (input: z.output<S>, actor: Actor) => Promise<Result<T> | Failure>,
): (input: unknown) => Promise<Result<T> | Failure> {
  return async (input: unknown) => {
    const actor = await getActor();
    if (!actor) return fail('登录已过期，请重新登录后再试。');
    const parsed = schema.safeParse(input);
    if (!parsed.success) return fail('输入有误，请检查标出的字段。', fieldErrorsOf(parsed.error));
    try {
      return await run(parsed.data, actor);
    } catch (error) {
      unstable_rethrow(error);
      // A crash must not reach the editor as a blank screen; the server log keeps the detail.
      console.error('[admin action]', error);
      return fail('操作未完成：服务器出错，请稍后重试。内容没有被改动。');
    }
  };
}
