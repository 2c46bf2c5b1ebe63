import 'server-only';
import { appUrl, env, type Env } from '@/lib/env';

/** How email goes out, when it does: CASEBOOK_SMTP_URL set. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** Absolute address of the admin, for the links in a message. */
  adminUrl: string;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The SMTP account when it is a mailbox (most providers), else no-reply at the site's host. */
function defaultFrom(smtpUrl: string, adminUrl: string): string {
  const user = decoded(new URL(smtpUrl).username);
  const address = user.includes('@') ? user : `no-reply@${new URL(adminUrl).hostname}`;
  return `案例期刊 <${address}>`;
}

/** null when no SMTP server is configured: notifications are then in-app only. */
export function mailSettings(e: Env = env()): MailSettings | null {
  if (!e.CASEBOOK_SMTP_URL) return null;
  const adminUrl = appUrl(e);
  return { smtpUrl: e.CASEBOOK_SMTP_URL, from: e.CASEBOOK_MAIL_FROM ?? defaultFrom(e.CASEBOOK_SMTP_URL, adminUrl), adminUrl };
}
