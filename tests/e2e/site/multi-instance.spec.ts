import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createActor } from '../../integration/support/fixtures';
import { withDatabaseName } from '../../integration/support/pg-url';
import { addCase, createIssue, markedContent, publishIssue, unpublishIssue } from '../../integration/public/content';

// Two real app instances (next start) against one PostgreSQL. A publish or unpublish made by a
// third party (here: this test, as another instance or the scheduler would) must show on both,
// although neither instance was told: each learns it from the database (lib/public/cache-handler.mjs).
// Instance B checks on every request (CASEBOOK_PUBLIC_SYNC_MS=0): there the change shows on the
// very next request. Instance A uses the default interval (1 s).

const url = process.env.TEST_DATABASE_URL;
test.skip(!url, 'needs TEST_DATABASE_URL (PostgreSQL): PGlite is one process, so one instance');
test.describe.configure({ mode: 'serial' });

const PORT_A = Number(process.env.SITE_PORT_A ?? 3221);
const PORT_B = Number(process.env.SITE_PORT_B ?? 3222);
const name = `casebook_site_${randomBytes(5).toString('hex')}`;
let database: Database;
let servers: ChildProcess[] = [];
const ids = { published: 0, later: 0, laterCase: 0, draftCase: 0 };

async function startServer(port: number, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: withDatabaseName(url!, name), CASEBOOK_DEMO: '0', AUTH_SECRET: 'x'.repeat(40), CASEBOOK_SITE_URL: `http://127.0.0.1:${port}`, ...extraEnv },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/robots.txt`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${port} did not start`);
}

const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
  return { status: res.status, text: await res.text(), cache: res.headers.get('x-nextjs-cache') };
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  database = await openDatabase({ url: withDatabaseName(url!, name) });
  await migrateDatabase(database);
  const { db } = database;
  const editor = await createActor(db, 'editor');
  ids.published = await createIssue(db, 1, '两实例的第一期');
  await addCase(db, editor.id, markedContent('mkfirstissue'), ids.published, 1);
  await publishIssue(db, ids.published);
  ids.later = await createIssue(db, 2, '稍后发布的第二期 mksecondissue');
  ids.laterCase = await addCase(db, editor.id, markedContent('mksecondissue', { regions: ['440300'] }), ids.later, 1);
  ids.draftCase = await addCase(db, editor.id, markedContent('mkneverpublished', { regions: ['440300'] }), null, null, 'approved');
  servers = [await startServer(PORT_A, {}), await startServer(PORT_B, { CASEBOOK_PUBLIC_SYNC_MS: '0' })];
});

test.afterAll(async () => {
  for (const s of servers) if (s.pid) process.kill(-s.pid, 'SIGTERM');
  await database?.close();
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

test('both instances serve published pages from cache and 404 the rest', async () => {
  for (const port of [PORT_A, PORT_B]) {
    await get(port, '/issues/1');
    const second = await get(port, '/issues/1');
    expect(second.status).toBe(200);
    expect(second.cache).toBe('HIT');
    expect(second.text).toContain('mkfirstissue');
    for (const path of ['/issues/2', `/cases/${ids.laterCase}`, `/cases/${ids.draftCase}`]) expect((await get(port, path)).status, path).toBe(404);
    const home = await get(port, '/');
    expect(home.text).not.toContain('mksecondissue');
  }
});

test('a publish made elsewhere shows on both instances', async () => {
  await publishIssue(database.db, ids.later);
  // B checks the database before every cache read: the very next request is fresh.
  expect((await get(PORT_B, '/issues/2')).status).toBe(200);
  expect((await get(PORT_B, `/cases/${ids.laterCase}`)).text).toContain('mksecondissue');
  expect((await get(PORT_B, '/')).text).toContain('mksecondissue');
  // A checks at most once a second.
  await expect.poll(async () => (await get(PORT_A, '/')).text.includes('mksecondissue'), { timeout: 5_000, intervals: [200] }).toBe(true);
  expect((await get(PORT_A, '/issues/2')).status).toBe(200);
  expect((await get(PORT_A, `/cases/${ids.laterCase}`)).status).toBe(200);
  for (const port of [PORT_A, PORT_B]) {
    expect((await get(port, '/feed.xml')).text).toContain('mksecondissue');
    expect((await get(port, '/sitemap.xml')).text).toContain(`/cases/${ids.laterCase}`);
  }
});

test('an unpublish made elsewhere leaves nothing stale on either instance', async () => {
  await unpublishIssue(database.db, ids.later);
  expect((await get(PORT_B, '/issues/2')).status).toBe(404);
  await expect.poll(async () => (await get(PORT_A, `/cases/${ids.laterCase}`)).status, { timeout: 5_000, intervals: [200] }).toBe(404);
  for (const port of [PORT_A, PORT_B]) {
    for (const path of ['/', '/issues/1', '/feed.xml', '/sitemap.xml', '/regions', '/regions/440000', '/themes', '/api/public/issues', '/search?q=mksecondissue']) {
      const page = await get(port, path);
      const body = path.startsWith('/search') ? page.text.split('mksecondissue').length - 1 : page.text.includes('mksecondissue') ? 1 : 0;
      // On the search page the query itself is echoed (box and title); no result may carry it.
      if (path.startsWith('/search')) expect(page.text, path).toContain('没有找到相符的案例');
      else expect(body, `${port}${path}`).toBe(0);
    }
    expect((await get(port, '/issues/2')).status).toBe(404);
    expect((await get(port, `/cases/${ids.draftCase}`)).status).toBe(404);
  }
});
