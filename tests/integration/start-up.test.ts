import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createServerDatabase, testTarget } from './support/test-db';

// First start of the app (instrumentation.ts) and of the command-line tools that open the app's
// database (npm run publish:due, npm run user:create), on an empty database: the embedded one in a
// fresh data folder in the PGlite run, a new PostgreSQL database in the PostgreSQL run.

const ROOT = path.resolve(__dirname, '../..');
const SLOW = 180_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function tsx(args: string[], env: Record<string, string>): Promise<Run> {
  // Only what the test sets: nothing of this machine's own configuration leaks in.
  const base = { ...process.env };
  for (const name of ['DATABASE_URL', 'CASEBOOK_DEBUG', 'AUTH_SECRET', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'CASEBOOK_SITE_URL', 'CASEBOOK_DEMO', 'CASEBOOK_DEMO_PASSWORD', 'NODE_ENV']) delete base[name];
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['--conditions=react-server', ...args],
      { cwd: ROOT, env: { ...base, ...env }, timeout: SLOW },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** An empty database for one test, and the environment that points a process at it. */
async function emptyTarget(): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-start-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (testTarget === 'pglite') return { env: { CASEBOOK_DATA_DIR: dataDir }, close: removeDir };
  const database: Database = await createServerDatabase('casebook_start');
  if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  return {
    env: { CASEBOOK_DATA_DIR: dataDir, DATABASE_URL: database.url },
    close: async () => {
      await database.close();
      await removeDir();
    },
  };
}

const DEMO_PUBLISHED = '[casebook] 已导入并发布演示内容：3 期，25 个案例。';

describe(`start-up on an empty database (${testTarget})`, { timeout: SLOW }, () => {
  const targets: { close: () => Promise<void> }[] = [];
  const fresh = async () => {
    const t = await emptyTarget();
    targets.push(t);
    return t.env;
  };
  afterAll(async () => {
    for (const t of targets) await t.close();
  });

  it('the server start-up hook migrates and bootstraps the demo before the first request', async () => {
    const script = `import('./instrumentation.ts').then(({ register }) => register()).then(() => process.exit(0), (error) => { console.error(error); process.exit(3); });`;
    const run = await tsx(['--eval', script], {
      ...(await fresh()),
      NODE_ENV: 'production',
      NEXT_RUNTIME: 'nodejs',
      CASEBOOK_DEMO: '1',
      CASEBOOK_DEMO_PASSWORD: 'start-up-demo-password',
      AUTH_SECRET: 'x'.repeat(40),
      CASEBOOK_SITE_URL: 'https://cases.example.gov.cn',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(DEMO_PUBLISHED);
    expect(run.stdout).toContain('admin@casebook.local  密码：start-up-demo-password');
  });

  it('npm run publish:due on a first start in development bootstraps the demo, as the app would', async () => {
    const run = await tsx(['scripts/publish-due.ts'], { ...(await fresh()), NODE_ENV: 'development', CASEBOOK_DEMO_PASSWORD: 'start-up-demo-password' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(DEMO_PUBLISHED);
  });

  it('npm run user:create creates the account and nothing else when the demo is off', async () => {
    const run = await tsx(['scripts/user-create.ts', '--email', 'first-admin@example.gov.cn', '--name', '张三', '--role', 'admin'], {
      ...(await fresh()),
      CASEBOOK_DEMO: '0',
      CASEBOOK_PASSWORD: 'a-long-enough-password',
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('已创建账号：张三 <first-admin@example.gov.cn>，角色：管理员。');
  });

  it.each([
    ['publish:due', ['scripts/publish-due.ts']],
    ['user:create', ['scripts/user-create.ts', '--email', 'a@example.gov.cn', '--name', '张三']],
  ])('npm run %s on a wrong configuration exits 2 with one line in Chinese, as every tool does', async (_name, args) => {
    const run = await tsx(args, { ...(await fresh()), DATABASE_URL: 'mysql://db.example/casebook', CASEBOOK_PASSWORD: 'a-long-enough-password' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^错误：环境变量配置有误/u);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });
});
