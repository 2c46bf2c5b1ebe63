import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateSnapshot } from '@/lib/static/generate';
import { REDIRECTS_CONF_FILE } from '@/lib/static/paths';
import { startCaseRenderer } from '@/lib/static/render/renderer';
import { PUBLISHED, PUBLISHED_CASES, PUBLISHED_NOTE, UNPUBLISHED, UNPUBLISHED_CASES, UNPUBLISHED_ISSUE_NUMBERS } from '../../integration/public/leak-markers';
import { releaseFiles, serveRelease } from './release-files';

// Nothing unpublished in any file of the snapshot: the public leak test's states (a draft, a case
// in review, one sent back, an approved but unpublished one, a withdrawn issue, a scheduled one, an
// unpublished new revision of a published case, an unpublished issue edit, 更正说明 refused or
// withdrawn beside one that is published), made through the real services in a fresh database that
// a second production server serves; then the snapshot of that server is searched byte by byte, and
// through its own search page.

test.describe.configure({ mode: 'serial' });

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
let dataDir: string;
let root: string;
let server: ChildProcess | undefined;
let sourceUrl: string;
let ids: Record<string, number>;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-static-leak-'));
  root = path.join(dataDir, 'static');
  // The server started below makes the PDF editions from this database at start-up. The seeding
  // process must not: its background job would open the default data folder, not this one, and
  // keep the process alive (or wait on that folder's lock) after the seeding is done.
  const out = execFileSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'tests/e2e/static/leak-content.ts', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, CASEBOOK_PDF_EDITIONS: '0' },
  });
  ids = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
  const port = await freePort();
  sourceUrl = `http://127.0.0.1:${port}`;
  // The suite's web server has prepared the standalone output; this is a second one on its own data.
  server = spawn('node', [path.resolve(distDir, 'standalone', 'server.js')], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', CASEBOOK_DATA_DIR: dataDir, CASEBOOK_DEMO: '0', AUTH_SECRET: 'x'.repeat(40), CASEBOOK_SITE_URL: sourceUrl, CASEBOOK_STATIC_DIR: '', DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${sourceUrl}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (i > 480) throw new Error('the second server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  // As the command makes it: case pages from the case page data and the renderer, the rest fetched.
  const renderer = await startCaseRenderer();
  const result = await generateSnapshot({ sourceUrl, root, renderer }).finally(() => renderer.close());
  expect(result.renderFallback).toBeNull();
  expect(result.rendered).toBeGreaterThan(0);
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const release = () => path.join(root, 'current');
function everyFile(): { rel: string; bytes: Buffer }[] {
  return releaseFiles(release()).map((rel) => ({ rel, bytes: fs.readFileSync(path.join(release(), rel)) }));
}

test('no file of the snapshot holds an unpublished marker', () => {
  const files = everyFile();
  expect(files.length).toBeGreaterThan(60);
  for (const marker of UNPUBLISHED) {
    const holders = files.filter((f) => f.bytes.includes(Buffer.from(marker))).map((f) => f.rel);
    expect(holders, marker).toEqual([]);
  }
});

test('every published marker is in the snapshot', () => {
  const files = everyFile();
  for (const marker of PUBLISHED) expect(files.some((f) => f.bytes.includes(Buffer.from(marker))), marker).toBe(true);
  for (const marker of PUBLISHED_CASES) expect(fs.readFileSync(path.join(release(), 'cases', String(ids[marker]), 'index.html'), 'utf8')).toContain(marker);
});

test('has the published 更正说明 on its case page and in its case document', () => {
  expect(fs.readFileSync(path.join(release(), 'cases', String(ids.mkpubone), 'index.html'), 'utf8')).toContain(PUBLISHED_NOTE);
  const document = JSON.parse(fs.readFileSync(path.join(release(), 'api', 'public', 'cases', `${ids.mkpubone}.json`), 'utf8')) as { corrections: { note: string }[] };
  expect(document.corrections.map((c) => c.note)).toEqual([PUBLISHED_NOTE]);
});

test('has no page for an unpublished case or issue, and forwards the renumbered issue', () => {
  for (const marker of UNPUBLISHED_CASES) {
    expect(fs.existsSync(path.join(release(), 'cases', String(ids[marker]))), marker).toBe(false);
    expect(fs.existsSync(path.join(release(), 'api', 'public', 'cases', `${ids[marker]}.json`)), marker).toBe(false);
  }
  for (const n of UNPUBLISHED_ISSUE_NUMBERS) expect(fs.existsSync(path.join(release(), 'issues', String(n))), `issue ${n}`).toBe(false);
  expect(fs.readFileSync(path.join(release(), 'issues', '9', 'index.html'), 'utf8')).toContain('url=/issues/1');
  const conf = fs.readFileSync(path.join(release(), REDIRECTS_CONF_FILE), 'utf8');
  expect(conf).toContain('location = /issues/9 { return 301 /issues/1; }');
  expect(conf).not.toMatch(/\/issues\/[38]\b/u);
});

test("the snapshot's own search finds the published markers and none of the unpublished ones", async ({ page }) => {
  const snapshot = await serveRelease(release());
  try {
    for (const marker of PUBLISHED_CASES) {
      await page.goto(`${snapshot.origin}/search?q=${marker}`);
      await expect(page.getByRole('status')).toContainText('共找到1个案例');
    }
    for (const marker of UNPUBLISHED) {
      await page.goto(`${snapshot.origin}/search?q=${marker}`);
      await expect(page.getByRole('status'), marker).toContainText('没有找到相符的案例');
    }
  } finally {
    await snapshot.close();
  }
});
