import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { can, permissionDenied, type Action } from '@/lib/workflow';
import { fail, type Failure, type FieldErrors } from './result';

// The steps every service starts with: permission from lib/workflow, then the shared zod schema.

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export type Parsed<T> = { ok: true; data: T } | Failure;

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return fail('输入有误，请检查标出的字段。', fieldErrorsOf(parsed.error));
}

/** Permission and validation in one step: a refusal, or the parsed input. */
export function authorize<S extends z.ZodType>(actor: Actor, action: Action, schema: S, input: unknown): Parsed<z.output<S>> {
  if (!can(actor.role, action)) return fail(permissionDenied(action));
  return parseInput(schema, input);
}

/** Thrown inside a transaction to roll it back and return a refusal instead. */
export class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function refuse(message: string, extra: Omit<Failure, 'ok' | 'message'> = {}): never {
  throw new Refusal({ ...extra, ok: false, message });
}

/** Runs fn in one transaction; a Refusal rolls everything back and becomes the result. */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T | Failure> {
  try {
    return await db.transaction((tx) => fn(tx));
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}

/** Postgres unique_violation, from either driver, possibly wrapped by drizzle. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name: name1, constraint: name2 } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === '23505') return !constraint || name1 === constraint || name2 === constraint;
  }
  return false;
}
