import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Db } from '@/db/client';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import { sameOriginPath } from './callback-url';
import { endSessions, refreshToken, sessionFromToken } from './callbacks';
import { clientAddressOf } from './client-address';
import { authenticate } from './sign-in';

/** Sessions last a working day; every request still re-checks the account. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function createAuthOptions(getDb: () => Promise<Db>, secret: string): AuthOptions {
  return {
    secret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: '邮箱和密码',
        credentials: { email: { label: '邮箱', type: 'email' }, password: { label: '密码', type: 'password' } },
        async authorize(credentials, req) {
          const outcome = await authenticate(await getDb(), credentials, clientAddressOf(req.headers, env().CASEBOOK_TRUSTED_PROXIES));
          // next-auth hands a thrown message to the sign-in form as the error.
          if (!outcome.ok) throw new Error(outcome.message);
          const { id, name, email, role, sessionVersion } = outcome.user;
          return { id: String(id), name, email, role, sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt: async ({ token, user }) => refreshToken(await getDb(), token, user),
      session: ({ session, token }) => sessionFromToken(session, token),
      // The callbackUrl of a sign-in or sign-out POST obeys the same rule as the sign-in page's.
      redirect: ({ url, baseUrl }) => `${baseUrl}${sameOriginPath(url, baseUrl) ?? '/'}`,
    },
    events: {
      signOut: async ({ token }) => endSessions(await getDb(), token),
    },
  };
}
