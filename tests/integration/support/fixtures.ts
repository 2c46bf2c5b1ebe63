import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import type { CaseContent, Role } from '@/lib/content/model';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let hash: Promise<string> | undefined;

/** Creates an active account; every test account shares one password (hashed once: scrypt is slow on purpose). */
export async function createActor(db: Db, role: Role, name: string = role): Promise<Actor> {
  hash ??= hashPassword(TEST_PASSWORD);
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const [row] = await db.insert(users).values({ email, name, role, passwordHash: await hash }).returning();
  return { id: row!.id, name: row!.name, email: row!.email, role: row!.role };
}

export function sampleContent(overrides: Partial<CaseContent> = {}): CaseContent {
  return {
    title: '浙江省义乌市向随迁子女扩大义务教育学位供给',
    regions: ['330782'],
    profile: {
      year: 2021,
      landAreaKm2: 1105,
      population: { scope: '市域', value: 186 },
      urbanizationRatePct: 79.7,
      gdpYi: 1835,
      budgetRevenueYi: 119,
    },
    lead: '',
    sections: [
      { kind: 'practice', heading: '主要做法', body: '一是在城区不同区位建设中小学校。二是建立随迁子女教育经费保障机制。' },
      { kind: 'outcome', heading: '主要成效', body: '“十三五”期间，建成投用了27所中小学校。' },
    ],
    tags: ['教育'],
    ...overrides,
  };
}
