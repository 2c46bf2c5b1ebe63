import type { Role } from '@/lib/content/model';
import type { Actor } from './actor';

// What our sessions carry beyond next-auth's defaults.
declare module 'next-auth' {
  interface Session {
    /** Re-read from the database on every request; absent once the session has been revoked. */
    actor?: Actor;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    /** users.sessionVersion when the token was issued: a bump revokes the token. */
    sv?: number;
    role?: Role;
    revoked?: boolean;
  }
}
