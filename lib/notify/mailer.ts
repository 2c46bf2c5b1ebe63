import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { logger, type Logger } from '@/lib/log';
import { mailSettings, type MailSettings } from './config';
import { drainOutbox, type SendMail } from './outbox';

/** The outbox is drained this often even when nothing wakes it: retries, and mail queued by other instances. */
export const MAIL_TICK_MS = 60_000;
const COMMIT_POLL_MS = 50;
const COMMIT_WAIT_MS = 60_000;

interface Mailer {
  stop: () => Promise<void>;
  /** Sends once the transaction with this id has committed; nothing if it rolled back. */
  afterCommit: (xid: string) => void;
}

const holder = globalThis as typeof globalThis & { __casebookMailer?: Mailer };

export interface MailerOptions {
  settings?: MailSettings | null;
  intervalMs?: number;
  log?: Logger;
  /** The SMTP connection for one run; tests may pass another. */
  connect?: (smtpUrl: string) => { send: SendMail; close: () => void };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends queued email in this process: at start-up (what an earlier process left), every
 * MAIL_TICK_MS, and right after a transaction that queued mail commits. Several instances may run
 * it: the outbox hands each message to one of them. Started once per process; without SMTP
 * configured it does nothing. Returns a stop function that waits for a run in progress.
 */
export function startMailer(getDb: () => Promise<Db>, options: MailerOptions = {}): () => Promise<void> {
  if (holder.__casebookMailer) return holder.__casebookMailer.stop;
  const settings = options.settings === undefined ? mailSettings() : options.settings;
  if (!settings) return async () => {};
  const log = options.log ?? logger;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = async () => {
    let close = () => {};
    try {
      // Loaded here, so the modules that write audit entries (sign-in among them) do not carry nodemailer.
      const connect = options.connect ?? (await import('./transport')).smtpSender;
      const sender = connect(settings.smtpUrl);
      close = sender.close;
      do {
        again = false;
        const result = await drainOutbox(await getDb(), sender.send, settings.from, new Date(), log);
        if (result.sent || result.failed) log.info({ event: 'mail.run', ...result }, `[邮件通知] 已发送 ${result.sent} 封，失败 ${result.failed} 封`);
      } while (again && !stopped);
    } catch (error) {
      log.error({ event: 'mail.run_failed', err: error }, '[邮件通知] 发送出错，将在下次重试');
    } finally {
      close();
      running = null;
    }
  };
  const wake = () => {
    if (stopped) return;
    // A wake during a run makes that run look once more, so nothing queued meanwhile waits a tick.
    if (running) again = true;
    else running = run();
  };
  const afterCommit = (xid: string) => {
    void (async () => {
      const db = await getDb();
      for (let waited = 0; waited < COMMIT_WAIT_MS && !stopped; waited += COMMIT_POLL_MS) {
        const [row] = rowsOf<{ status: string | null }>(await db.execute(sql`select txid_status(${xid}::bigint) as status`));
        if (row?.status === 'committed') return wake();
        // Rolled back: its mail is gone with it. Unknown: the next tick sends whatever is there.
        if (row?.status !== 'in progress') return;
        await sleep(COMMIT_POLL_MS);
      }
    })().catch((error: unknown) => log.error({ event: 'mail.wake_failed', err: error }, '[邮件通知] 无法确认事务是否提交，等下次定时发送'));
  };
  const timer = setInterval(wake, options.intervalMs ?? MAIL_TICK_MS);
  timer.unref();
  wake();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    if (holder.__casebookMailer?.stop === stop) holder.__casebookMailer = undefined;
    await running;
  };
  holder.__casebookMailer = { stop, afterCommit };
  return stop;
}

/**
 * Called in a transaction that queued mail: the running mailer sends it once the transaction has
 * committed. Without a mailer in this process (command-line tools), the next one started sends it.
 */
export async function deliverAfterCommit(tx: Db): Promise<void> {
  const mailer = holder.__casebookMailer;
  if (!mailer) return;
  const [row] = rowsOf<{ xid: string }>(await tx.execute(sql`select txid_current()::text as xid`));
  if (row) mailer.afterCommit(row.xid);
}
