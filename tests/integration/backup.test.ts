import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases, emailOutbox, notifications, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { endSessions, refreshToken } from '@/lib/auth/callbacks';
import { chargeAttempt } from '@/lib/auth/throttle';
import { createBackup } from '@/lib/ops/backup';
import { BackupRefusal } from '@/lib/ops/backup-file';
import { applyMigrations, knownMigrations } from '@/lib/ops/migrations';
import { inspectBackup } from '@/lib/ops/backup-reader';
import { restoreBackup } from '@/lib/ops/restore';
import { createCase, saveCase, submitForReview } from '@/lib/services/cases';
import { publishCorrection } from '@/lib/services/corrections';
import { DEMO_ACCOUNTS, bootstrapDemo } from '@/lib/services/demo';
import { updateIssue } from '@/lib/services/issues';
import { assignCaseSection, createIssueSection } from '@/lib/services/issue-sections';
import { refreshPdfEditions } from '@/lib/services/pdf-editions';
import { publishIssue, unpublishIssue } from '@/lib/services/publishing';
import { addComment, requestChanges, resolveComment } from '@/lib/services/reviews';
import { createUser } from '@/lib/services/users';
import { createBlankDatabase } from './support/blank-db';
import { sampleContent } from './support/fixtures';
import { migrationLevel, tableContents, type IgnoredColumns } from './support/table-contents';
import { createTestDatabase, testTarget } from './support/test-db';
import { approveFully, must, readyIssue, reasonId, submitted } from './workflow/helpers';

async function demoActor(db: Db, role: 'admin' | 'editor' | 'reviewer'): Promise<Actor> {
  const email = DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { id: u!.id, name: u!.name, email: u!.email, role: u!.role };
}

/** The demo site plus one of everything the editors and the sign-in produce, through the real services. */
async function populate(db: Db, dataDir: string): Promise<void> {
  await bootstrapDemo(db, { dataDir, log: () => {} });
  const [admin, editor, reviewer] = [await demoActor(db, 'admin'), await demoActor(db, 'editor'), await demoActor(db, 'reviewer')];
  must(await createUser(db, admin, { email: 'zhang.bianji@example.test', name: '张编辑', role: 'editor' }));

  const [demoCase] = await db.select().from(cases).orderBy(asc(cases.id)).limit(1);
  must(await saveCase(db, editor, { caseId: demoCase!.id, baseVersion: demoCase!.version, content: sampleContent({ title: '深圳市扩大义务教育学位供给' }) }));

  // Published, renumbered and published again: the old number becomes a redirect.
  const { issue, cases: [first] } = await readyIssue(db, editor, reviewer, 1);
  // Under a 栏目 of its own.
  const [section] = must(await createIssueSection(db, editor, { issueId: issue.id, title: '义务教育' })).sections;
  must(await assignCaseSection(db, editor, { issueId: issue.id, caseId: first!.id, sectionId: section!.id }));
  const published = must(await publishIssue(db, reviewer, { issueId: issue.id })).issue;
  must(await updateIssue(db, editor, { issueId: issue.id, baseVersion: published.version, number: issue.number + 50, title: issue.title, foreword: '编者按' }));
  must(await publishIssue(db, reviewer, { issueId: issue.id }));
  // Then corrected, and the correction published with its 更正说明.
  const [live] = await db.select().from(cases).where(eq(cases.id, first!.id));
  const saved = must(await saveCase(db, editor, { caseId: live!.id, baseVersion: live!.version, content: sampleContent({ title: '更正后的标题' }) }));
  const corrected = must(await submitForReview(db, editor, { caseId: live!.id, baseVersion: saved.case.version })).case;
  must(await approveFully(db, reviewer, { caseId: live!.id, revisionId: corrected.currentRevisionId }));
  must(await publishCorrection(db, reviewer, { caseId: live!.id, revisionId: corrected.currentRevisionId, note: '标题已更正。' }));

  const inReview = await submitted(db, editor);
  const asked = must(await requestChanges(db, reviewer, { caseId: inReview.id, reasonId: await reasonId(db), comment: '第二段数字缺失', sectionIndex: 1 })).comment;
  must(await addComment(db, editor, { caseId: inReview.id, revisionId: inReview.currentRevisionId, parentId: asked.id, body: '已补上' }));
  must(await resolveComment(db, editor, { commentId: asked.id }));

  // The PDF editions (binary rows) of everything published, as the background job makes them.
  expect((await refreshPdfEditions(db)).failed).toEqual([]);
  // An email waiting in the outbox: fan-out queues one only when SMTP is configured, so it is written
  // here as the fan-out would write it.
  const [notification] = await db.select({ id: notifications.id, userId: notifications.userId }).from(notifications).limit(1);
  await db.insert(emailOutbox).values({ notificationId: notification!.id, toAddress: editor.email, subject: '案例期刊：有一篇案例退回给你', body: '请登录后台查看。' });

  await chargeAttempt(db, { email: 'nobody@example.test', clientAddress: '203.0.113.7', userId: null }, new Date());
}

/** Decompresses a backup, lets `edit` change its lines, and writes the result as a new gzip file. */
function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]): string {
  const lines = zlib.gunzipSync(fs.readFileSync(from)).toString('utf8').split('\n');
  fs.writeFileSync(to, zlib.gzipSync(edit(lines).join('\n')));
  return to;
}

// A restore ends every signed-in session by moving each account's session version on (tested below);
// everything else comes back exactly as it was backed up.
const AFTER_RESTORE: IgnoredColumns = { users: ['session_version'] };

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupRefusal);
  return (error as BackupRefusal).message;
}

describe(`backup and restore (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let dir: string;
  let file: string;
  let atBackup: Record<string, string[]>;
  let atBackupRestored: Record<string, string[]>;
  const known = knownMigrations();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-backup-'));
    await populate(db, dir);
    atBackup = await tableContents(db);
    atBackupRestored = await tableContents(db, AFTER_RESTORE);
    file = path.join(dir, 'casebook.jsonl.gz');
    await createBackup(database, file);
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('covers every table the database has, with every row counted', async () => {
    const { header } = await inspectBackup(file);
    expect(header.tables.map((t) => t.name).sort()).toEqual(Object.keys(atBackup).sort());
    expect(Object.fromEntries(header.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(atBackup).map(([name, rows]) => [name, rows.length])),
    );
    // The round trip below proves something for a table only if the table has rows to lose.
    expect(header.tables.filter((t) => t.rows === 0).map((t) => t.name)).toEqual([]);
    expect(header.migrations.map((m) => m.createdAt)).toEqual(known.map((m) => m.createdAt));
  });

  it('is readable by its owner only: it holds password hashes and client addresses', () => {
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to back up a database holding a table db/schema.ts does not declare, and leaves no file behind', async () => {
    await db.execute(sql`create table stray_notes (id serial primary key, body text)`);
    try {
      const target = path.join(dir, 'with-stray.jsonl.gz');
      expect(await refusal(createBackup(database, target))).toContain('不认识的表 stray_notes');
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('with-stray'))).toEqual([]);
    } finally {
      await db.execute(sql`drop table stray_notes`);
    }
  });

  it('refuses to write over an existing file', async () => {
    const message = await refusal(createBackup(database, file));
    expect(message).toContain('文件已存在');
  });

  it('after further work, a forced restore brings back every table exactly as it was', async () => {
    const admin = await demoActor(db, 'admin');
    const editor = await demoActor(db, 'editor');
    const reviewer = await demoActor(db, 'reviewer');
    const [c] = await db.select().from(cases).where(eq(cases.status, 'published')).orderBy(asc(cases.id)).limit(1);
    must(await saveCase(db, editor, { caseId: c!.id, baseVersion: c!.version, content: sampleContent({ title: '恢复前的修改' }) }));
    must(await unpublishIssue(db, reviewer, { issueId: c!.issueId }));
    must(await createUser(db, admin, { email: 'late@example.test', name: '后来的账号', role: 'reviewer' }));
    expect(await tableContents(db)).not.toEqual(atBackup);

    const summary = await restoreBackup(database, await inspectBackup(file), { force: true });
    expect(await tableContents(db, AFTER_RESTORE)).toEqual(atBackupRestored);
    expect(await migrationLevel(db)).toEqual(known.map((m) => m.createdAt));
    expect(summary.replaced.find((t) => t.table === 'users')?.rows).toBe(atBackup.users!.length + 1);
    expect(summary.upgradedWith).toEqual([]);
  });

  it('ends every session: a sign-out after the backup stays signed out, and a discarded account id is not handed out again', async () => {
    const editor = await demoActor(db, 'editor');
    const admin = await demoActor(db, 'admin');
    const [row] = await db.select().from(users).where(eq(users.id, editor.id));
    const snapshot = path.join(dir, 'sessions.jsonl.gz');
    await createBackup(database, snapshot);

    const signedOut = { uid: editor.id, sv: row!.sessionVersion } as JWT;
    await endSessions(db, signedOut);
    const late = must(await createUser(db, admin, { email: 'discarded@example.test', name: '被丢弃的账号', role: 'admin' })).user;
    const lateSession = { uid: late.id, sv: 1 } as JWT;
    expect((await refreshToken(db, lateSession)).revoked).toBeUndefined();

    await restoreBackup(database, await inspectBackup(snapshot), { force: true });
    expect((await refreshToken(db, signedOut)).revoked).toBe(true);
    expect((await refreshToken(db, lateSession)).revoked).toBe(true);
    const next = must(await createUser(db, admin, { email: 'next@example.test', name: '恢复后新建的账号', role: 'admin' })).user;
    expect(next.id).toBeGreaterThan(late.id);
    expect((await refreshToken(db, lateSession)).revoked).toBe(true);

    // Signing in again works: a new session carries the version the database now holds.
    const [now] = await db.select().from(users).where(eq(users.id, editor.id));
    expect(now!.sessionVersion).toBeGreaterThan(row!.sessionVersion + 1);
    expect((await refreshToken(db, { uid: editor.id, sv: now!.sessionVersion } as JWT)).revoked).toBeUndefined();
  });

  it('restores into a blank database, whose ids then carry on after the restored ones', async () => {
    const blank = await createBlankDatabase();
    try {
      await restoreBackup(blank, await inspectBackup(file));
      expect(await tableContents(blank.db, AFTER_RESTORE)).toEqual(atBackupRestored);
      expect(await migrationLevel(blank.db)).toEqual(known.map((m) => m.createdAt));

      const admin = await demoActor(blank.db, 'admin');
      const editor = await demoActor(blank.db, 'editor');
      const [top] = await blank.db.select({ id: users.id }).from(users).orderBy(sql`${users.id} desc`).limit(1);
      const created = must(await createUser(blank.db, admin, { email: 'after@example.test', name: '恢复后的账号', role: 'editor' }));
      expect(created.user.id).toBeGreaterThan(top!.id);
      const fresh = must(await createCase(blank.db, editor, { content: sampleContent() })).case;
      must(await saveCase(blank.db, editor, { caseId: fresh.id, baseVersion: fresh.version, content: sampleContent({ lead: '恢复后新写的导语' }) }));
    } finally {
      await blank.close();
    }
  });

  it('refuses a database that holds data unless forced, saying what would be replaced, and changes nothing', async () => {
    const before = await tableContents(db);
    const message = await refusal(restoreBackup(database, await inspectBackup(file)));
    expect(message).toContain('将覆盖：');
    expect(message).toContain(`案例 ${before.cases!.length} 个`);
    expect(message).toContain(`期刊 ${before.issues!.length} 期`);
    expect(message).toContain(`账号 ${before.users!.length} 个`);
    expect(message).toContain('--force');
    expect(await tableContents(db)).toEqual(before);
  });

  it('refuses a damaged file', async () => {
    const bytes = fs.readFileSync(file);
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
    const damaged = path.join(dir, 'damaged.jsonl.gz');
    fs.writeFileSync(damaged, bytes);
    expect(await refusal(inspectBackup(damaged))).toContain('已损坏');
  });

  it('refuses a file cut short, whether mid-stream or at a line', async () => {
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(await refusal(inspectBackup(cut))).toContain('不完整');
    const short = rewriteBackup(file, path.join(dir, 'short.jsonl.gz'), (lines) => lines.slice(0, -4));
    expect(await refusal(inspectBackup(short))).toContain('不完整');
  });

  it('rolls back a restore that fails part-way: the database keeps what it had', async () => {
    const before = await tableContents(db);
    const target = path.join(dir, 'changes-under-us.jsonl.gz');
    fs.copyFileSync(file, target);
    const inspected = await inspectBackup(target);
    // The file loses its last rows after the check: the restore has emptied and reloaded most tables by then.
    rewriteBackup(file, target, (lines) => lines.slice(0, -4));
    expect(await refusal(restoreBackup(database, inspected, { force: true }))).toContain('不完整');
    expect(await tableContents(db)).toEqual(before);
  });

  it('refuses files that are not Casebook backups', async () => {
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, '这不是备份\n');
    expect(await refusal(inspectBackup(text))).toContain('不是 Casebook 备份文件');
    const otherJson = path.join(dir, 'other.json.gz');
    fs.writeFileSync(otherJson, zlib.gzipSync('{"issues":[]}\n'));
    expect(await refusal(inspectBackup(otherJson))).toContain('不是 Casebook 备份文件');
    const empty = path.join(dir, 'empty.gz');
    fs.writeFileSync(empty, '');
    expect(await refusal(inspectBackup(empty))).toContain('不是 Casebook 备份文件');
    expect(await refusal(inspectBackup(path.join(dir, 'missing.gz')))).toContain('找不到备份文件');
  });

  it('refuses a backup from a newer Casebook, by migration or by file format, and changes nothing', async () => {
    const before = await tableContents(db);
    const future = rewriteBackup(file, path.join(dir, 'future.jsonl.gz'), ([head, ...rest]) => {
      const header = JSON.parse(head!) as { migrations: object[] };
      header.migrations.push({ id: '9999_from_the_future', hash: 'f'.repeat(64), createdAt: 4_102_444_800_000 });
      return [JSON.stringify(header), ...rest];
    });
    expect(await refusal(restoreBackup(database, await inspectBackup(future), { force: true }))).toContain('更新版本');
    const v2 = rewriteBackup(file, path.join(dir, 'v2.jsonl.gz'), ([head, ...rest]) => [JSON.stringify({ ...JSON.parse(head!), version: 2 }), ...rest]);
    expect(await refusal(inspectBackup(v2))).toContain('第 2 版');
    expect(await tableContents(db)).toEqual(before);
  });

  it('restores a backup taken before the latest migration into a blank database and upgrades it; an up-to-date one is refused', async () => {
    const older = known.slice(0, -1);
    const old = await createBlankDatabase();
    const target = await createBlankDatabase();
    try {
      await old.db.transaction((tx) => applyMigrations(tx, older));
      await old.db.execute(sql`insert into users (email, name, role, password_hash) values ('old@example.test', '旧版本的账号', 'admin', 'x')`);
      const oldFile = path.join(dir, 'older.jsonl.gz');
      await createBackup(old, oldFile);
      const inspected = await inspectBackup(oldFile);
      expect(inspected.header.migrations.map((m) => m.id)).toEqual(older.map((m) => m.id));

      const summary = await restoreBackup(target, inspected);
      expect(summary.upgradedWith).toEqual([known.at(-1)!.id]);
      expect(await migrationLevel(target.db)).toEqual(known.map((m) => m.createdAt));
      expect((await target.db.select().from(users)).map((u) => [u.email, u.name])).toEqual([['old@example.test', '旧版本的账号']]);

      const before = await tableContents(db);
      expect(await refusal(restoreBackup(database, inspected, { force: true }))).toContain('新建的空数据库');
      expect(await tableContents(db)).toEqual(before);
    } finally {
      await old.close();
      await target.close();
    }
  });
});

// The upgrade path from the embedded database to a PostgreSQL server, and back. It needs a server, so it
// belongs to the PostgreSQL run of this suite (the integration-pg project), which CI always makes.
if (testTarget === 'postgres') {
  describe('between PGlite and PostgreSQL', () => {
    it('a PGlite backup restores into PostgreSQL, and a backup of that restores into PGlite, row for row', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-cross-'));
      const lite = await openDatabase({ memory: true });
      const server = await createTestDatabase();
      const back = await createBlankDatabase('pglite');
      try {
        await migrateDatabase(lite);
        await populate(lite.db, dir);
        const original = await tableContents(lite.db, AFTER_RESTORE);

        await createBackup(lite, path.join(dir, 'from-pglite.jsonl.gz'));
        await restoreBackup(server, await inspectBackup(path.join(dir, 'from-pglite.jsonl.gz')));
        expect(await tableContents(server.db, AFTER_RESTORE)).toEqual(original);

        await createBackup(server, path.join(dir, 'from-postgres.jsonl.gz'));
        const { header } = await inspectBackup(path.join(dir, 'from-postgres.jsonl.gz'));
        expect(header.source).toBe('postgres');
        await restoreBackup(back, await inspectBackup(path.join(dir, 'from-postgres.jsonl.gz')));
        expect(await tableContents(back.db, AFTER_RESTORE)).toEqual(original);
        expect(await migrationLevel(back.db)).toEqual(knownMigrations().map((m) => m.createdAt));
      } finally {
        await Promise.all([lite.close(), server.close(), back.close()]);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
