import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { withDatabaseName } from '../../integration/support/pg-url';

// Two real app instances (standalone servers) against one PostgreSQL. A publish or unpublish made by a
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
let servers: ChildProcess[] = [];
const ids = { published: 0, later: 0, laterCase: 0, draftCase: 0 };

async function startServer(port: number, extraEnv: Record<string, string>): Promise<ChildProcess> {
  // The standalone server, as in production (prepared by the suite's web server command).
  const child = spawn('node', [path.join(process.env.NEXT_DIST_DIR ?? '.next', 'standalone', 'server.js')], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_URL: withDatabaseName(url!, name), CASEBOOK_DEMO: '0', AUTH_SECRET: 'x'.repeat(40), CASEBOOK_SITE_URL: `http://127.0.0.1:${port}`, ...extraEnv },
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

/** The newsroom's services, run against the shared database (multi-instance-content.ts). */
function newsroom(...args: string[]): Record<string, number> {
  const out = execFileSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'tests/e2e/site/multi-instance-content.ts', ...args], {
    // The instances make the PDF editions; the newsroom process itself must exit when done.
    env: { ...process.env, DATABASE_URL: withDatabaseName(url!, name), CASEBOOK_PDF_EDITIONS: '0' },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
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
  const database = await openDatabase({ url: withDatabaseName(url!, name) });
  await migrateDatabase(database);
  await database.close();
  Object.assign(ids, newsroom('seed'));
  servers = [await startServer(PORT_A, {}), await startServer(PORT_B, { CASEBOOK_PUBLIC_SYNC_MS: '0' })];
});

test.afterAll(async () => {
  for (const s of servers) if (s.pid) process.kill(-s.pid, 'SIGTERM');
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
  newsroom('publish', String(ids.later));
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
  newsroom('unpublish', String(ids.later));
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
