import 'server-only';
import type { AuthOptions } from 'next-auth';
import { getDb } from '@/db';
import { createAuthOptions } from './options';
import { authSecret } from './secret';

let options: AuthOptions | undefined;

/** The app's next-auth options, built on first use so that `next build` needs no AUTH_SECRET. */
export function authOptions(): AuthOptions {
  options ??= createAuthOptions(getDb, authSecret());
  return options;
}

/** Call at server start (instrumentation) to fail early when production has no AUTH_SECRET. */
export function assertAuthConfigured(): void {
  authSecret();
}
