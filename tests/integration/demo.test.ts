import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, publishedCases, publishedIssues, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { bootstrapDemo } from '@/lib/services/demo';
import { createTestDatabase, testTarget } from './support/test-db';

describe(`first start with an empty database (${testTarget})`, () => {
  let database: Database;
  let dataDir: string;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-demo-'));
    await bootstrapDemo(database.db, { dataDir, log: (l) => lines.push(l) });
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an account per role, three reviewers for the three stages, and prints each with its password', async () => {
    const rows = await database.db.select().from(users).orderBy(asc(users.id));
    expect(rows.map((u) => [u.role, u.email])).toEqual([
      ['admin', 'admin@casebook.local'],
      ['editor', 'editor@casebook.local'],
      ['reviewer', 'reviewer@casebook.local'],
      ['reviewer', 'reviewer2@casebook.local'],
      ['reviewer', 'reviewer3@casebook.local'],
    ]);
    for (const u of rows) {
      const line = lines.find((l) => l.includes(u.email));
      expect(line).toBeDefined();
      const password = line!.split('密码：')[1]!.trim();
      expect(await verifyPassword(password, u.passwordHash)).toBe(true);
    }
  });

  it('imports and publishes the three seed issues for the public site', async () => {
    const issues = await database.db.select().from(publishedIssues).orderBy(asc(publishedIssues.number));
    expect(issues.map((i) => i.title)).toEqual(['加快城镇基本公共服务均等化', '提升农业转移人口融入城市能力', '促进城市群一体化发展']);
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(publishedCases);
    expect(n).toBe(25);
    const statuses = await database.db.selectDistinct({ s: cases.status }).from(cases);
    expect(statuses).toEqual([{ s: 'published' }]);
  });

  it('does nothing more on the next start', async () => {
    await bootstrapDemo(database.db, { dataDir, log: () => {} });
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(users);
    const [{ c } = { c: 0 }] = await database.db.select({ c: count() }).from(cases);
    expect([n, c]).toEqual([5, 25]);
  });

  it('gives a demo made before the extra reviewers existed its missing accounts, printed with the others', async () => {
    const file = path.join(dataDir, 'demo-accounts.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { email: string }[];
    // As an older demo left it: three accounts in the database and in the file.
    await database.db.delete(users).where(inArray(users.email, ['reviewer2@casebook.local', 'reviewer3@casebook.local']));
    fs.writeFileSync(file, JSON.stringify(stored.slice(0, 3)));
    const later: string[] = [];
    await bootstrapDemo(database.db, { dataDir, log: (l) => later.push(l) });
    const emails = (await database.db.select({ email: users.email }).from(users).orderBy(asc(users.id))).map((u) => u.email);
    expect(emails.slice(3)).toEqual(['reviewer2@casebook.local', 'reviewer3@casebook.local']);
    expect(later.filter((l) => l.includes('@casebook.local'))).toHaveLength(5);
    const [{ c } = { c: 0 }] = await database.db.select({ c: count() }).from(cases);
    expect(c).toBe(25);
  });
});
