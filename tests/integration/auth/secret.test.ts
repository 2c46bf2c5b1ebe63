import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NextApiRequest, NextApiResponse } from 'next';
import NextAuth from 'next-auth';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { exportAuthUrl } from '@/lib/auth/config';
import { createAuthOptions } from '@/lib/auth/options';
import { MISSING_SECRET_MESSAGE, authSecret } from '@/lib/auth/secret';
import { MISSING_SITE_URL_MESSAGE, appUrl, type Env } from '@/lib/env';
import { TEST_PASSWORD, createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';

const ROOT = path.resolve(__dirname, '../../..');
const SITE = 'https://cases.example.gov.cn';
const SECRET = 'x'.repeat(40);

/** An environment as env() would return it, with only the settings a test is about. */
const envOf = (values: Partial<Env>) => ({ NODE_ENV: 'production', dataDir: '/nonexistent', ...values }) as Env;

describe('AUTH_SECRET', () => {
  it('is required in production, with a message that says what to set', () => {
    expect(() => authSecret(envOf({}))).toThrow(MISSING_SECRET_MESSAGE);
  });

  it('is generated once in development and kept in the data folder', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-secret-'));
    try {
      const first = authSecret(envOf({ NODE_ENV: 'development', dataDir }));
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(authSecret(envOf({ NODE_ENV: 'development', dataDir }))).toBe(first);
      expect(fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8')).toBe(first);
      expect(authSecret(envOf({ AUTH_SECRET: 'x'.repeat(40), dataDir }))).toBe('x'.repeat(40));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the site address', () => {
  it('is required in production, with a message that says what to set', () => {
    expect(() => appUrl(envOf({}))).toThrow(MISSING_SITE_URL_MESSAGE);
    expect(appUrl(envOf({ NODE_ENV: 'development' }))).toBe('http://localhost:3000');
  });

  it('may be given once as CASEBOOK_SITE_URL; NEXTAUTH_URL, when set, names where the admin runs', () => {
    expect(appUrl(envOf({ CASEBOOK_SITE_URL: SITE }))).toBe(SITE);
    expect(appUrl(envOf({ CASEBOOK_SITE_URL: SITE, NEXTAUTH_URL: 'https://cms.example.gov.cn' }))).toBe('https://cms.example.gov.cn');
  });
});

/**
 * Runs the start-up hook that `next start` calls (instrumentation.ts register(), in the nodejs
 * runtime) in a fresh process with the given environment, and treats its outcome as `next start`
 * does: an error thrown by register() is logged ("Failed to prepare server") and the server goes on
 * running, answering every request with an error. Only exiting from inside register() stops it.
 */
function startServerHook(env: Record<string, string>, dataDir: string) {
  const base = { ...process.env };
  for (const name of ['AUTH_SECRET', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'CASEBOOK_SITE_URL', 'DATABASE_URL', 'NEXT_PHASE']) delete base[name];
  const script = `import('./instrumentation.ts').then(({ register }) => register()).then(
    () => { console.log('registered'); process.exit(0); },
    (error) => { console.error('Failed to prepare server', error); console.log('still serving'); process.exit(0); },
  );`;
  return spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', '--eval', script], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: 'production', NEXT_RUNTIME: 'nodejs', CASEBOOK_DATA_DIR: dataDir, CASEBOOK_DEMO: '0', ...env },
    encoding: 'utf8',
    timeout: 100_000,
  });
}

describe('server start-up', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-startup-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('stops with a non-zero exit and the Chinese message when production has no AUTH_SECRET', () => {
    const run = startServerHook({ CASEBOOK_SITE_URL: SITE }, dataDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(MISSING_SECRET_MESSAGE);
    expect(run.stdout).not.toMatch(/registered|still serving/u);
  });

  it('stops when production has no site address', () => {
    const run = startServerHook({ AUTH_SECRET: SECRET }, dataDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(MISSING_SITE_URL_MESSAGE);
  });

  it('stops when the site address is not an absolute http(s) address', () => {
    const run = startServerHook({ AUTH_SECRET: SECRET, NEXTAUTH_URL: 'cases.example.gov.cn' }, dataDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('NEXTAUTH_URL: 必须是以 http:// 或 https:// 开头的完整网址');
  });

  it('starts (opens and migrates the database) when both are set', { timeout: 120_000 }, () => {
    const run = startServerHook({ AUTH_SECRET: SECRET, CASEBOOK_SITE_URL: SITE }, dataDir);
    expect(run.stderr).not.toContain('无法启动');
    expect(run.stdout).toContain('registered');
    expect(run.status).toBe(0);
  });
});

/** Just enough of a Node response for next-auth's handler to write its status, headers and body to. */
class RecordedResponse {
  statusCode = 200;
  body: unknown;
  private readonly headers = new Map<string, string | string[]>();
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  end() {}
  json(body: unknown) {
    this.body = body;
  }
  send(body: unknown) {
    this.body = body;
  }
  get location() {
    return this.getHeader('location');
  }
  /** The Set-Cookie header lines, by cookie name. */
  get cookies(): Map<string, string> {
    const lines = [this.getHeader('set-cookie') ?? []].flat();
    return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
  }
}

describe(`session cookies and redirects behind https (${testTarget})`, () => {
  let database: Database;
  let user: Actor;
  const savedUrl = process.env.NEXTAUTH_URL;
  beforeAll(async () => {
    database = await createTestDatabase();
    user = await createActor(database.db, 'editor', 'cookie');
  });
  afterAll(async () => database?.close());
  afterEach(() => {
    if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = savedUrl;
  });

  /** One request to /api/auth/<action>, through next-auth's own request handling and our options. */
  async function request(action: string[], init: { method?: string; cookies?: Record<string, string>; body?: Record<string, string> } = {}) {
    const req = { method: init.method ?? 'GET', query: { nextauth: action }, headers: {}, cookies: init.cookies ?? {}, body: init.body ?? {} };
    const res = new RecordedResponse();
    await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, createAuthOptions(async () => database.db, SECRET));
    return res;
  }

  const valueOf = (line: string | undefined) => line?.slice(line.indexOf('=') + 1).split(';')[0] ?? '';

  /** Signs in through next-auth's credentials callback, as the sign-in form's POST does. */
  async function signIn(callbackUrl: string) {
    const csrf = await request(['csrf']);
    const [csrfName, csrfLine] = [...csrf.cookies].find(([name]) => name.endsWith('next-auth.csrf-token'))!;
    const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
    const cookies = { [csrfName]: decodeURIComponent(valueOf(csrfLine)) };
    const response = await request(['callback', 'credentials'], {
      method: 'POST',
      cookies,
      body: { csrfToken, email: user.email, password: TEST_PASSWORD, callbackUrl },
    });
    const [sessionName, sessionLine] = [...response.cookies].find(([name]) => name.endsWith('next-auth.session-token')) ?? [];
    return { csrfToken, csrfName, csrfLine, cookies, response, sessionName, sessionLine };
  }

  it('are __Secure-/__Host- prefixed and Secure when only CASEBOOK_SITE_URL names an https address', async () => {
    delete process.env.NEXTAUTH_URL;
    exportAuthUrl(envOf({ CASEBOOK_SITE_URL: SITE }));
    const { csrfName, csrfLine, sessionName, sessionLine, response } = await signIn('/admin/cases?x=1');
    expect(csrfName).toBe('__Host-next-auth.csrf-token');
    expect(csrfLine).toMatch(/; Secure\b/u);
    expect(sessionName).toBe('__Secure-next-auth.session-token');
    expect(sessionLine).toMatch(/; HttpOnly\b/u);
    expect(sessionLine).toMatch(/; Secure\b/u);
    expect(sessionLine).toMatch(/; SameSite=Lax\b/u);
    expect(response.location).toBe(`${SITE}/admin/cases?x=1`);
  });

  it('would be plain cookies on localhost without the address, which is why production requires it', async () => {
    delete process.env.NEXTAUTH_URL;
    const { sessionName, sessionLine, response } = await signIn('/admin');
    expect(sessionName).toBe('next-auth.session-token');
    expect(sessionLine).not.toMatch(/; Secure\b/u);
    expect(response.location).toBe('http://localhost:3000/admin');
  });

  it('does not replace an explicit NEXTAUTH_URL', () => {
    process.env.NEXTAUTH_URL = 'https://cms.example.gov.cn';
    exportAuthUrl(envOf({ CASEBOOK_SITE_URL: SITE }));
    expect(process.env.NEXTAUTH_URL).toBe('https://cms.example.gov.cn');
  });

  it.each(['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example/admin'])(
    'keep a sign-in on this site when the posted callbackUrl is %j',
    async (callbackUrl) => {
      process.env.NEXTAUTH_URL = SITE;
      const { response } = await signIn(callbackUrl);
      expect(response.statusCode).toBe(302);
      expect(response.location).toBe(`${SITE}/`);
    },
  );

  it('send sign-out to the given page on this site, and nowhere else', async () => {
    process.env.NEXTAUTH_URL = SITE;
    for (const [callbackUrl, expected] of [
      ['/sign-in', `${SITE}/sign-in`],
      ['//evil.example', `${SITE}/`],
    ] as const) {
      const { csrfToken, cookies, sessionName, sessionLine } = await signIn('/admin');
      const out = await request(['signout'], {
        method: 'POST',
        cookies: { ...cookies, [sessionName!]: valueOf(sessionLine) },
        body: { csrfToken, callbackUrl },
      });
      expect(out.location).toBe(expected);
      expect(out.cookies.get('__Secure-next-auth.session-token')).toMatch(/^__Secure-next-auth\.session-token=;.*; Secure\b/u);
    }
  });
});
