import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/config';
import { withRateLimitStatus } from '@/lib/auth/rate-limit-status';
import { SERVER_BUSY, THROTTLED } from '@/lib/auth/sign-in';
import { LOCK_MINUTES } from '@/lib/auth/throttle';

// A busy server or a throttled attempt is answered 429, with when to try again.
const RETRY_AFTER = new Map([
  [SERVER_BUSY, 5],
  [THROTTLED, LOCK_MINUTES * 60],
]);

// Options are built per request (once, then cached) rather than at import, so `next build` does
// not need AUTH_SECRET.
async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return withRateLimitStatus((await NextAuth(req, context, authOptions())) as Response, RETRY_AFTER);
}

export { handler as GET, handler as POST };
