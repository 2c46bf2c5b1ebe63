import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Db } from '@/db/client';
import { auditLog, emailOutbox, notifications } from '@/db/schema';
import { mailSettings } from '@/lib/notify/config';
import { startMailer } from '@/lib/notify/mailer';
import { DROPPED_NOTE, drainOutbox, retryDelayMs } from '@/lib/notify/outbox';
import { smtpSender } from '@/lib/notify/transport';
import { submitForReview } from '@/lib/services/cases';
import { updateNotificationPreferences } from '@/lib/services/notification-preferences';
import { addComment, requestChanges } from '@/lib/services/reviews';
import { sampleContent } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase } from '../workflow/helpers';
import { newsroom, notified, outboxRows, reasonId } from './support';
import { SMTP_USER, startSmtpServer, type Received } from './smtp';

// Email through a real SMTP server in this process. What an email may carry: the kind of work and
// a link to the admin. What it must never carry: a case's title or text, a comment, a reason typed
// by a reviewer — an email can be forwarded outside the staff, and the case is not published.

const SITE = 'https://cases.example.gov.cn';
// Unpublished words, in Chinese and in ASCII (the ASCII one would show even in an encoded message).
const SECRET_ZH = '尚未发布的机密样稿';
const SECRET_ASCII = 'LEAKMARK7Q';
const SECRET_COMMENT = '意见里的内部判断ZX42';
const SECRET_REASON = '退回时写的内部说明QW19';

const secretCase = (n: number) =>
  sampleContent({
    title: `${SECRET_ZH}${SECRET_ASCII}第${n}篇`,
    lead: '',
    sections: [
      { kind: 'practice', heading: '主要做法', body: `一是${SECRET_ZH}的做法${SECRET_ASCII}。二是建立保障机制。` },
      { kind: 'outcome', heading: '主要成效', body: '“十三五”期间，建成投用了27所中小学校。' },
    ],
  });

function expectNothingUnpublished(messages: Received[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    // The body travels base64-encoded, so the decoded message is what is checked, headers included.
    const decoded = [JSON.stringify([...m.mail.headers]), m.mail.text ?? '', typeof m.mail.html === 'string' ? m.mail.html : ''].join('\n');
    for (const secret of [SECRET_ZH, SECRET_ASCII, SECRET_COMMENT, SECRET_REASON, '机密样稿']) {
      expect(m.raw).not.toContain(secret);
      expect(decoded).not.toContain(secret);
    }
  }
}

const addressOf = (m: Received) => (Array.isArray(m.mail.to) ? m.mail.to : m.mail.to ? [m.mail.to] : []).flatMap((a) => a.value.map((v) => v.address));

describe(`email notifications through SMTP (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let cast: Awaited<ReturnType<typeof newsroom>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let caseNumber = 0;
  const newSecretCase = (author = cast.editor) => newCase(db, author, secretCase(++caseNumber));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    vi.stubEnv('CASEBOOK_SMTP_URL', smtp.url);
    vi.stubEnv('CASEBOOK_MAIL_FROM', '案例期刊 <casebook@example.gov.cn>');
    vi.stubEnv('CASEBOOK_SITE_URL', SITE);
    vi.stubEnv('NEXTAUTH_URL', '');
    database = await createTestDatabase();
    db = database.db;
    cast = await newsroom(db);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
    await smtp?.close();
  });

  describe('sent in the background once the action has committed', () => {
    let stopMailer: () => Promise<void>;
    beforeAll(() => {
      // Only commits wake it during these tests: the periodic run is an hour away.
      stopMailer = startMailer(async () => db, { intervalMs: 3_600_000 });
    });
    afterAll(async () => stopMailer?.());

    it('a submission emails exactly the active staff who may act at 初审, in Chinese, linking to the case, with no unpublished text', async () => {
      const c = await newSecretCase();
      const result = await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: c.version });
      expect(result.ok).toBe(true);
      const expected = [cast.r1, cast.r2, cast.r3, cast.writingAdmin, cast.admin].map((a) => a.email).sort();
      const messages = await smtp.waitFor(expected.length);
      expect(messages.flatMap((m) => m.envelopeTo).sort()).toEqual(expected);
      for (const m of messages) {
        // One recipient per message: nobody learns who else was told.
        expect(m.envelopeTo).toHaveLength(1);
        expect(addressOf(m)).toEqual(m.envelopeTo);
        expect(m.user).toBe(SMTP_USER);
        expect(m.mail.from?.value[0]?.address).toBe('casebook@example.gov.cn');
        expect(m.mail.subject).toMatch(/[\u4e00-\u9fff]/u);
        expect(m.mail.subject).toContain('初审');
        expect(m.mail.text).toContain('你好');
        expect(m.mail.text).toContain(`${SITE}/admin/cases/${c.id}/review`);
        expect(m.mail.text).toContain(`${SITE}/admin/account`);
      }
      expectNothingUnpublished(messages);
      // The server has each message before the mailer records it as sent: wait for the records.
      await expect.poll(async () => (await outboxRows(db)).filter((r) => r.sentAt !== null).length, { timeout: 5_000 }).toBe(expected.length);
      const rows = await outboxRows(db);
      expect(rows).toHaveLength(expected.length);
      expect(rows.every((r) => r.sentAt !== null && r.attempts === 1 && r.lastError === null)).toBe(true);
    });

    it('a comment and a return email the person they are addressed to, without the comment or the reviewer’s words', async () => {
      const c = await newSecretCase();
      const before = smtp.received.length;
      const submitted = must(await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: c.version })).case;
      await smtp.waitFor(before + 5);
      must(await addComment(db, cast.r1, { caseId: c.id, revisionId: submitted.currentRevisionId, sectionIndex: 0, body: `${SECRET_COMMENT}：${SECRET_ZH}` }));
      const [toEditor] = (await smtp.waitFor(before + 6)).slice(before + 5);
      expect(toEditor!.envelopeTo).toEqual([cast.editor.email]);
      expect(toEditor!.mail.subject).toContain('审核意见');
      expect(toEditor!.mail.text).toContain(`${SITE}/admin/cases/${c.id}/review`);
      must(await requestChanges(db, cast.r2, { caseId: c.id, reasonId: await reasonId(db, '其他'), comment: `${SECRET_REASON}${SECRET_ASCII}` }));
      const [returned] = (await smtp.waitFor(before + 7)).slice(before + 6);
      expect(returned!.envelopeTo).toEqual([cast.editor.email]);
      expect(returned!.mail.subject).toContain('退回修改');
      expect(returned!.mail.text).toContain(`${SITE}/admin/cases/${c.id}`);
      expectNothingUnpublished(smtp.received);
    });

    it('a rolled-back action sends no email and leaves nothing queued', async () => {
      const c = await newSecretCase();
      const before = smtp.received.length;
      const queued = (await outboxRows(db)).length;
      await expect(
        db.transaction(async (tx) => {
          must(await submitForReview(tx, cast.editor, { caseId: c.id, baseVersion: c.version }));
          throw new Error('rolled back after the submission');
        }),
      ).rejects.toThrow('rolled back');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.received.length).toBe(before);
      expect((await outboxRows(db)).length).toBe(queued);
      expect(await notified(db, c.id)).toEqual([]);
    });
  });

  describe('when the mail server fails or people opt out', () => {
    const settings = () => mailSettings()!;
    const drain = async (now: Date) => {
      const sender = smtpSender(settings().smtpUrl);
      try {
        return await drainOutbox(db, sender.send, settings().from, now);
      } finally {
        sender.close();
      }
    };
    const pendingFor = async (caseId: number) =>
      db
        .select({ outbox: emailOutbox })
        .from(emailOutbox)
        .innerJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
        .where(eq(notifications.caseId, caseId))
        .then((rows) => rows.map((r) => r.outbox));

    it('an SMTP failure never fails the action: the message is retried later and then sent', async () => {
      smtp.refuse(1_000);
      const c = await newSecretCase();
      const result = await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: c.version });
      expect(result.ok).toBe(true);
      const now = new Date();
      const first = await drain(now);
      expect(first).toMatchObject({ sent: 0, failed: 5 });
      const failed = await pendingFor(c.id);
      expect(failed).toHaveLength(5);
      for (const row of failed) {
        expect(row.sentAt).toBeNull();
        expect(row.attempts).toBe(1);
        expect(row.lastError).toContain('451 Mail service temporarily unavailable');
        expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
      }
      // Not due yet: nothing is tried again at once.
      expect(await drain(now)).toMatchObject({ sent: 0, failed: 0 });
      smtp.refuse(0);
      const before = smtp.received.length;
      expect(await drain(new Date(now.getTime() + retryDelayMs(1) + 1_000))).toMatchObject({ sent: 5, failed: 0 });
      expect(smtp.received.length).toBe(before + 5);
      expect((await pendingFor(c.id)).every((r) => r.sentAt !== null && r.attempts === 2 && r.lastError === null)).toBe(true);
      expectNothingUnpublished(smtp.received.slice(before));
    });

    it('with the mail server unreachable, the action succeeds and the background sender records the failure for a retry', async () => {
      const stop = startMailer(async () => db, { settings: { ...settings(), smtpUrl: 'smtp://127.0.0.1:9' }, intervalMs: 3_600_000 });
      try {
        const c = await newSecretCase();
        expect((await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: c.version })).ok).toBe(true);
        const until = Date.now() + 15_000;
        let rows = await pendingFor(c.id);
        while (!rows.every((r) => r.attempts === 1 && r.lastError) && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          rows = await pendingFor(c.id);
        }
        expect(rows).toHaveLength(5);
        expect(rows.every((r) => r.sentAt === null && r.attempts === 1 && r.lastError && r.nextAttemptAt.getTime() > Date.now())).toBe(true);
      } finally {
        await stop();
      }
      // The next run, with the server back, sends them.
      const sent = await drain(new Date(Date.now() + retryDelayMs(1) + 1_000));
      expect(sent.sent).toBeGreaterThanOrEqual(5);
    });

    it('opting out stops email but not the in-app notification, and is audited', async () => {
      must(await updateNotificationPreferences(db, cast.r2, { emailNotifications: false }));
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.notification_preferences'));
      expect(audit).toMatchObject({ actorId: cast.r2.id, targetId: String(cast.r2.id), before: { emailNotifications: true }, after: { emailNotifications: false } });
      const c = await newSecretCase();
      must(await submitForReview(db, cast.editor, { caseId: c.id, baseVersion: c.version }));
      expect(await notified(db, c.id)).toContain(cast.r2.id);
      const queued = await pendingFor(c.id);
      expect(queued.map((r) => r.toAddress)).not.toContain(cast.r2.email);
      expect(queued).toHaveLength(4);
      // Someone who opts out after a message was queued does not get it either.
      must(await updateNotificationPreferences(db, cast.r3, { emailNotifications: false }));
      const before = smtp.received.length;
      expect(await drain(new Date())).toMatchObject({ sent: 3, dropped: 1 });
      const delivered = smtp.received.slice(before).flatMap((m) => m.envelopeTo);
      expect(delivered).not.toContain(cast.r2.email);
      expect(delivered).not.toContain(cast.r3.email);
      const [dropped] = await db
        .select()
        .from(emailOutbox)
        .where(inArray(emailOutbox.id, queued.map((r) => r.id)))
        .then((rows) => rows.filter((r) => r.toAddress === cast.r3.email));
      expect(dropped).toMatchObject({ sentAt: null, lastError: DROPPED_NOTE });
      // Turned on again, email resumes.
      must(await updateNotificationPreferences(db, cast.r2, { emailNotifications: true }));
      const next = await newSecretCase();
      must(await submitForReview(db, cast.editor, { caseId: next.id, baseVersion: next.version }));
      expect((await pendingFor(next.id)).map((r) => r.toAddress)).toContain(cast.r2.email);
    });
  });
});
