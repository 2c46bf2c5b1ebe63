import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';

// The production path as the container image runs it: `node server.js` in the standalone output
// (after `next build` and scripts/prepare-standalone.mjs), started from its own folder with a fresh
// embedded database. It must serve the site and its assets, report itself healthy, and on SIGTERM
// finish and exit cleanly, leaving a database the next process opens at once, with no stale lock.

const PORT = Number(process.env.E2E_STANDALONE_PORT ?? 3131);
const BASE = `http://127.0.0.1:${PORT}`;
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const server = path.resolve(distDir, 'standalone', 'server.js');
const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

test.describe.configure({ mode: 'serial' });

let dataDir: string;
let child: ChildProcess;
let output = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync('node', ['scripts/prepare-standalone.mjs'], { env: { ...process.env, NEXT_DIST_DIR: distDir }, stdio: 'pipe' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-standalone-'));
  child = spawn('node', [server], {
    // A neutral working directory: server.js must find everything from its own folder.
    cwd: os.tmpdir(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      CASEBOOK_DATA_DIR: dataDir,
      CASEBOOK_DEMO: '1',
      CASEBOOK_DEMO_PASSWORD: 'standalone-demo-password',
      CASEBOOK_LOG_LEVEL: 'info',
      AUTH_SECRET: 's'.repeat(40),
      CASEBOOK_SITE_URL: BASE,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`standalone server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`standalone server did not become healthy:\n${output}`);
});

test.afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('reports itself healthy at the current migrations, never from a cache', async () => {
  const first = await fetch(`${BASE}/api/health`);
  expect(first.status).toBe(200);
  expect(first.headers.get('cache-control')).toBe('no-store');
  expect(first.headers.get('x-request-id')).toBeTruthy();
  const report = (await first.json()) as { status: string; migrations: { expected: number; applied: number; current: boolean }; checkedAt: string };
  expect(report).toMatchObject({ status: 'ok', database: 'reachable', migrations: { expected: journal.entries.length, applied: journal.entries.length, current: true } });
  await new Promise((r) => setTimeout(r, 20));
  const second = (await (await fetch(`${BASE}/api/health`)).json()) as { checkedAt: string };
  expect(second.checkedAt).not.toBe(report.checkedAt);
});

test('serves the home page with its assets, and a case page', async () => {
  const home = await fetch(`${BASE}/`);
  expect(home.status).toBe(200);
  const html = await home.text();
  expect(html).toMatch(/\d{4}年第3期（总第3期）/u);
  const asset = /\/_next\/static\/[^"']+\.(?:css|js)/u.exec(html)?.[0];
  expect(asset, 'the page links its build assets').toBeTruthy();
  expect((await fetch(`${BASE}${asset!}`)).status).toBe(200);
  expect((await fetch(`${BASE}/favicon.svg`)).status).toBe(200);
  const casePath = /href="(\/cases\/\d+)"/u.exec(html)?.[1];
  expect(casePath, 'the home page links its cases').toBeTruthy();
  const page = await fetch(`${BASE}${casePath!}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/典型做法之\d+/u);
});

test('on SIGTERM exits cleanly, closing the database after the last request', async () => {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 20_000)))]);
  clearTimeout(timer);
  expect(code, output).toBe(0);
  const events = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { event?: string }).event);
  expect(events).toContain('server.shutdown');
  expect(events).toContain('server.stopped');
  // The lock is released and the folder opens at once, with everything the server wrote.
  expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from published_issues`));
    expect(row!.n).toBe(3);
  } finally {
    await database.close();
  }
});

test('carries the server and its runtime files, not the source tree or the tests', () => {
  // A filesystem read the build's tracer cannot scope makes it copy the whole project into the image.
  const bundle = path.resolve(distDir, 'standalone');
  for (const stray of ['tests', 'components', 'Dockerfile', 'playwright.config.ts']) expect(fs.existsSync(path.join(bundle, stray)), stray).toBe(false);
  for (const needed of ['server.js', 'lib/static/search/browser.mjs', 'lib/search/tokens.mjs']) expect(fs.existsSync(path.join(bundle, needed)), needed).toBe(true);
});
