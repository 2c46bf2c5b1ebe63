import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issues, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { ROLE_LABELS, type Role } from '@/lib/content/model';
import { demoEnabled, env, type Env } from '@/lib/env';
import { parseCompilation } from '@/lib/import/parse';
import { materializeIssue } from '@/lib/publication/materialize';
import { writeAudit } from './audit';
import { countUncheckedPublishedErrors } from './corrections';
import { importCompilation } from './import';
import { pdfEditionsEnabled, refreshPdfEditions } from './pdf-editions';

export const DEMO_ACCOUNTS: { role: Role; email: string; name: string }[] = [
  { role: 'admin', email: 'admin@casebook.local', name: '演示管理员' },
  { role: 'editor', email: 'editor@casebook.local', name: '演示编辑' },
  { role: 'reviewer', email: 'reviewer@casebook.local', name: '演示审核' },
  // Three reviewers, so that 初审, 复审 and 终审 can each be passed by someone else.
  { role: 'reviewer', email: 'reviewer2@casebook.local', name: '演示复审' },
  { role: 'reviewer', email: 'reviewer3@casebook.local', name: '演示终审' },
];

export const SEED_FILE = path.join(process.cwd(), 'db', 'seed', 'compilation.txt');

interface DemoOptions {
  dataDir: string;
  log: (line: string) => void;
}

type StoredAccount = { role: Role; email: string; name: string; password: string };

async function ensureDemoAccounts(db: Db, options: DemoOptions): Promise<StoredAccount[] | null> {
  const file = path.join(options.dataDir, 'demo-accounts.json');
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  if (n > 0) {
    if (!fs.existsSync(file)) return null;
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredAccount[];
    // A demo made before some demo account existed gets it now, so its reviewers can walk every stage.
    const taken = new Set((await db.select({ email: users.email }).from(users)).map((u) => u.email));
    const missing = DEMO_ACCOUNTS.filter((a) => !taken.has(a.email) && !stored.some((s) => s.email === a.email));
    if (missing.length === 0) return stored;
    const added = await createDemoAccounts(db, missing);
    fs.writeFileSync(file, JSON.stringify([...stored, ...added], null, 2), { mode: 0o600 });
    return [...stored, ...added];
  }
  const accounts = await createDemoAccounts(db, DEMO_ACCOUNTS);
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}

async function createDemoAccounts(db: Db, wanted: typeof DEMO_ACCOUNTS): Promise<StoredAccount[]> {
  const fixed = process.env.CASEBOOK_DEMO_PASSWORD;
  const accounts = wanted.map((a) => ({ ...a, password: fixed ?? generatePassword() }));
  const rows = await Promise.all(accounts.map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })));
  await db.transaction(async (tx) => {
    for (const { email, name, role, passwordHash } of rows) {
      const [user] = await tx.insert(users).values({ email, name, role, passwordHash }).returning({ id: users.id });
      await writeAudit(tx, { actorId: null, action: 'user.create', targetType: 'user', targetId: user!.id, after: { email, name, role, demo: true } });
    }
  });
  return accounts;
}

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`demo account ${email} missing`);
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

/**
 * Publishes the imported demo issues as the demo reviewer. The seed carries the very errors the
 * proofreader exists to catch, so the demo deliberately skips the workflow's checks: it is the
 * sample the product is shown with, and the audit log says so. The admin shows those cases as
 * 已发布（含待更正）, their errors to be put right by publishing corrections.
 */
async function publishDemoContent(db: Db, issueIds: number[], reviewer: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    for (const issueId of issueIds) {
      const rows = await tx.select().from(cases).where(eq(cases.issueId, issueId));
      for (const row of rows) {
        await tx
          .update(cases)
          .set({ status: 'approved', approvedRevisionId: row.currentRevisionId, lastReviewerId: reviewer.id })
          .where(eq(cases.id, row.id));
      }
      await materializeIssue(tx, issueId, now);
      await writeAudit(tx, { actorId: reviewer.id, action: 'issue.publish', targetType: 'issue', targetId: issueId, after: { demo: true } });
    }
  });
}

/** First start in development: demo accounts, and the seed compilation imported and published. */
export async function bootstrapDemo(db: Db, options: DemoOptions): Promise<void> {
  const accounts = await ensureDemoAccounts(db, options);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(issues);
  if (n === 0 && accounts) {
    const doc = parseCompilation(fs.readFileSync(SEED_FILE, 'utf8'));
    const editor = await actorByEmail(db, 'editor@casebook.local');
    const imported = await importCompilation(db, editor, doc);
    if (!imported.ok) throw new Error(imported.message);
    await publishDemoContent(db, imported.summary.issueIds, await actorByEmail(db, 'reviewer@casebook.local'));
    // Made before the first reader comes rather than in the background; a failure is logged and
    // left to the start-up catch-up, never stopping the demo.
    if (pdfEditionsEnabled()) {
      await refreshPdfEditions(db).catch((error: unknown) => options.log(`[casebook] 演示内容的 PDF 版未能生成，启动后会重试：${error instanceof Error ? error.message : String(error)}`));
    }
    const [{ c } = { c: 0 }] = await db.select({ c: count() }).from(cases).where(isNotNull(cases.publishedRevisionId));
    options.log(`[casebook] 已导入并发布演示内容：${imported.summary.issuesCreated} 期，${c} 个案例。`);
  }
  // A demo published before the 待更正 count existed is counted once, so its errors show as such.
  await countUncheckedPublishedErrors(db);
  if (accounts) {
    options.log('[casebook] 演示账号（仅限开发环境）：');
    for (const a of accounts) options.log(`  ${ROLE_LABELS[a.role]}  ${a.email}  密码：${a.password}`);
  }
}

/** Start-up of the app and of the command-line tools: the demo, when this environment wants one. */
export async function bootstrapDemoIfEnabled(db: Db, e: Env = env()): Promise<void> {
  if (demoEnabled(e)) await bootstrapDemo(db, { dataDir: e.dataDir, log: (line) => console.log(line) });
}
