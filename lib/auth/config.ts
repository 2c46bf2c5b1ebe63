import 'server-only';
import type { AuthOptions } from 'next-auth';
import { getDb } from '@/db';
import { appUrl, env, type Env } from '@/lib/env';
import { createAuthOptions } from './options';
import { authSecret } from './secret';

let options: AuthOptions | undefined;

/** The app's next-auth options, built on first use so that `next build` needs no AUTH_SECRET. */
export function authOptions(): AuthOptions {
  if (!options) {
    const e = env();
    exportAuthUrl(e);
    options = createAuthOptions(getDb, authSecret(e));
  }
  return options;
}

/**
 * next-auth v4 reads its own address from process.env.NEXTAUTH_URL on every request, and without it
 * assumes http://localhost:3000: cookies lose `Secure` and sign-out lands on localhost. Setting only
 * CASEBOOK_SITE_URL is enough, so it is handed on here.
 */
export function exportAuthUrl(e: Env = env()): void {
  const url = e.NEXTAUTH_URL ?? e.CASEBOOK_SITE_URL;
  if (url && !process.env.NEXTAUTH_URL) process.env.NEXTAUTH_URL = url;
}

/**
 * What the server needs before it may answer anyone: a valid environment and, in production, the
 * session key and the public address. Returns the Chinese message that says what to set, or null.
 */
export function configurationProblem(): string | null {
  try {
    const e = env();
    authSecret(e);
    appUrl(e);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** For server start-up: a misconfigured server stops with the message instead of answering errors. */
export function exitUnlessConfigured(): void {
  const problem = configurationProblem();
  if (problem) {
    console.error(`Casebook 无法启动：${problem}`);
    process.exit(1);
  }
  exportAuthUrl();
}
