import { afterEach, describe, expect, it, vi } from 'vitest';

// CASEBOOK_SMTP_URL and CASEBOOK_MAIL_FROM are checked at start-up with the rest of the environment:
// a wrong value stops the server with a Chinese message that says what to set, and never repeats
// the password the address carries.

async function load(values: Record<string, string>) {
  vi.resetModules();
  for (const name of ['CASEBOOK_SMTP_URL', 'CASEBOOK_MAIL_FROM', 'CASEBOOK_SITE_URL', 'NEXTAUTH_URL']) vi.stubEnv(name, '');
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  const { env } = await import('@/lib/env');
  const { mailSettings } = await import('@/lib/notify/config');
  return { env, mailSettings };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the mail settings', () => {
  it('are off when CASEBOOK_SMTP_URL is unset or empty', async () => {
    const { mailSettings } = await load({});
    expect(mailSettings()).toBeNull();
  });

  it.each(['mail.example.gov.cn:25', 'http://mail.example.gov.cn', 'smtp://', 'smtps://user:SECRETPW@'])('refuse %s with a message naming the setting and an example', async (value) => {
    const { env } = await load({ CASEBOOK_SMTP_URL: value });
    expect(() => env()).toThrow(/CASEBOOK_SMTP_URL 必须是 smtp:\/\/ 或 smtps:\/\/ 开头的邮件服务器地址，例如 smtps:\/\//u);
    expect(() => env()).not.toThrow(/SECRETPW/u);
  });

  it('take smtp:// and smtps:// addresses with credentials; the sender defaults to the SMTP account when it is a mailbox', async () => {
    const { mailSettings } = await load({ CASEBOOK_SMTP_URL: 'smtps://casebook%40example.gov.cn:pw@smtp.example.gov.cn:465', CASEBOOK_SITE_URL: 'https://cases.example.gov.cn' });
    expect(mailSettings()).toEqual({
      smtpUrl: 'smtps://casebook%40example.gov.cn:pw@smtp.example.gov.cn:465',
      from: '案例期刊 <casebook@example.gov.cn>',
      adminUrl: 'https://cases.example.gov.cn',
    });
  });

  it('otherwise send as no-reply at the site, or as CASEBOOK_MAIL_FROM when set', async () => {
    const plain = await load({ CASEBOOK_SMTP_URL: 'smtp://relay.internal:25', CASEBOOK_SITE_URL: 'https://cases.example.gov.cn' });
    expect(plain.mailSettings()?.from).toBe('案例期刊 <no-reply@cases.example.gov.cn>');
    const named = await load({ CASEBOOK_SMTP_URL: 'smtp://relay.internal:25', CASEBOOK_MAIL_FROM: '编辑部 <office@example.gov.cn>' });
    expect(named.mailSettings()?.from).toBe('编辑部 <office@example.gov.cn>');
  });

  it.each(['not-an-address', '编辑部 office@example.gov.cn', 'office@example.gov.cn\r\nBcc: outside@example.com', '<office@example.gov.cn'])(
    'refuse CASEBOOK_MAIL_FROM %j: one address, or a name and an address, on one line',
    async (value) => {
      const { env } = await load({ CASEBOOK_SMTP_URL: 'smtp://relay.internal:25', CASEBOOK_MAIL_FROM: value });
      expect(() => env()).toThrow(/CASEBOOK_MAIL_FROM 必须是一个邮箱地址/u);
    },
  );
});
