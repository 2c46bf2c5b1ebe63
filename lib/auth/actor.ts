import type { Role } from '@/lib/content/model';

/** The signed-in user a service acts for. Services never trust anything else about identity. */
export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
}
