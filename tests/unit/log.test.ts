import { describe, expect, it } from 'vitest';
import { childLogger, createLogger, logLevelFrom, REDACTED } from '@/lib/log';

// Logs leave the application (collectors, support tickets): whatever a caller passes, a password,
// a session token, a cookie or the text of a draft must never be written out.

function capture() {
  const lines: string[] = [];
  const log = createLogger({ write: (line: string) => void lines.push(line) }, 'debug');
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, entries };
}

const PASSWORD = 'hunter2-秘密口令';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.session-token-value';
const DRAFT = '尚未审核的草稿正文：深圳市国土面积平方公里';

describe('log redaction', () => {
  it('never writes passwords, tokens, cookies or draft text, at any depth', () => {
    const { log, lines, entries } = capture();
    log.info(
      {
        event: 'test.secrets',
        issueNumber: 3,
        password: PASSWORD,
        newPassword: PASSWORD,
        credentials: { email: 'someone@example.gov.cn', password: PASSWORD },
        sessionToken: TOKEN,
        headers: { cookie: `next-auth.session-token=${TOKEN}`, Authorization: `Bearer ${TOKEN}`, accept: 'text/html' },
        revision: { content: { title: '标题', lead: DRAFT, sections: [{ body: DRAFT }] } },
        form: [{ text: DRAFT }, { body: DRAFT }],
      },
      '一条带着机密字段的日志',
    );
    const output = lines.join('');
    for (const secret of [PASSWORD, TOKEN, DRAFT, 'someone@example.gov.cn']) expect(output).not.toContain(secret);
    const [entry] = entries();
    // What is not secret is kept, so the line is still useful.
    expect(entry).toMatchObject({ event: 'test.secrets', issueNumber: 3, level: 'info', msg: '一条带着机密字段的日志' });
    expect(entry!.password).toBe(REDACTED);
    expect((entry!.headers as Record<string, unknown>).accept).toBe('text/html');
    expect((entry!.headers as Record<string, unknown>).Authorization).toBe(REDACTED);
  });

  it('redacts the fields a child logger is created with', () => {
    const { log, lines } = capture();
    childLogger({ requestId: 'abc-123', token: TOKEN, draft: DRAFT }, log).warn({ event: 'test.child' }, '子日志');
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).not.toContain(DRAFT);
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: 'abc-123', event: 'test.child', level: 'warn' });
  });

  it('keeps errors readable and survives circular objects', () => {
    const { log, entries } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.error({ event: 'test.error', err: new Error('连接被拒绝'), loop }, '出错');
    const [entry] = entries();
    expect((entry!.err as { message: string }).message).toBe('连接被拒绝');
    expect((entry!.loop as Record<string, unknown>).self).toBe('[circular]');
  });
});

describe('log level', () => {
  it('comes from CASEBOOK_LOG_LEVEL, falling back to info for an unknown value', () => {
    expect(logLevelFrom({ CASEBOOK_LOG_LEVEL: 'warn' })).toEqual({ level: 'warn' });
    expect(logLevelFrom({ CASEBOOK_LOG_LEVEL: ' DEBUG ' })).toEqual({ level: 'debug' });
    expect(logLevelFrom({ CASEBOOK_LOG_LEVEL: 'verbose' })).toEqual({ level: 'info', ignored: 'verbose' });
    expect(logLevelFrom({})).toEqual({ level: 'info' });
  });

  it('drops lines below the level', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line: string) => void lines.push(line) }, 'warn');
    log.info({ event: 'test.quiet' }, '不应写出');
    log.warn({ event: 'test.loud' }, '应写出');
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['test.loud']);
  });
});
