import 'server-only';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SendMail } from './outbox';

/** A sender over the configured SMTP server; close() when the run is over. */
export function smtpSender(smtpUrl: string): { send: SendMail; close: () => void } {
  const options: SMTPTransport.Options = {
    url: smtpUrl,
    // A mail server that does not answer must not hold a run for minutes (nodemailer's defaults).
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
  const transport = nodemailer.createTransport(options);
  return {
    send: async (mail) => {
      await transport.sendMail({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transport.close(),
  };
}
