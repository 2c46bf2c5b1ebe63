import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { bootstrapDemo } from '@/lib/services/demo';
import { tableContents, type IgnoredColumns } from './support/table-contents';
import { createTestDatabase, testTarget } from './support/test-db';

// npm run backup / npm run restore as an operator runs them: against a PGlite data folder in the
// PGlite run, against a PostgreSQL database (DATABASE_URL) in the PostgreSQL run.

const ROOT = path.resolve(__dirname, '../..');
const SLOW = 180_000;
/** A restore ends every session (session versions move on); everything else comes back as it was. */
const AFTER_RESTORE: IgnoredColumns = { users: ['session_version'] };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['--conditions=react-server', `scripts/${script}.ts`, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', CASEBOOK_DEBUG: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Where a command-line tool finds the database: a data folder for PGlite, a URL for PostgreSQL. */
interface Target {
  env: Record<string, string>;
  contents: () => Promise<Record<string, string[]>>;
  close: () => Promise<void>;
}

async function pgliteFolder(dataDir: string): Promise<Target> {
  const read = async () => {
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      return await tableContents(database.db, AFTER_RESTORE);
    } finally {
      await database.close();
    }
  };
  return { env: { CASEBOOK_DATA_DIR: dataDir }, contents: read, close: async () => {} };
}

async function postgresDatabase(): Promise<Target & { database: Database }> {
  const database = await createTestDatabase();
  if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  return { database, env: { DATABASE_URL: database.url }, contents: () => tableContents(database.db, AFTER_RESTORE), close: () => database.close() };
}

describe(`npm run backup and npm run restore (${testTarget})`, () => {
  let dir: string;
  let source: Target;
  let original: Record<string, string[]>;
  let file: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-backup-cli-'));
    file = path.join(dir, 'casebook.jsonl.gz');
    if (testTarget === 'pglite') {
      const database = await openDatabase({ dataDir: path.join(dir, 'site', 'pglite') });
      try {
        await migrateDatabase(database);
        await bootstrapDemo(database.db, { dataDir: path.join(dir, 'site'), log: () => {} });
        original = await tableContents(database.db, AFTER_RESTORE);
      } finally {
        await database.close();
      }
      source = await pgliteFolder(path.join(dir, 'site'));
    } else {
      const pg = await postgresDatabase();
      await bootstrapDemo(pg.database.db, { dataDir: path.join(dir, 'site'), log: () => {} });
      original = await pg.contents();
      source = pg;
    }
  }, SLOW);
  afterAll(async () => {
    await source?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'backs up to a file and says what it holds; refuses to overwrite a file or to run without one',
    async () => {
      const done = await run('backup', [file], source.env);
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      expect(done.stdout).toContain(`已备份到 ${file}`);
      expect(done.stdout).toContain(`案例 ${original.cases!.length} 个、期刊 ${original.issues!.length} 期、账号 ${original.users!.length} 个`);
      expect(fs.existsSync(file)).toBe(true);

      const again = await run('backup', [file], source.env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('文件已存在');

      const usage = await run('backup', [], source.env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('用法：npm run backup');
    },
    SLOW,
  );

  it(
    'restore refuses a database with data unless --force, listing what it would replace',
    async () => {
      const refused = await run('restore', [file], source.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`将覆盖：案例 ${original.cases!.length} 个`);
      expect(refused.stderr).toContain('--force');
      expect(refused.stderr).toContain('没有做任何改动');

      const forced = await run('restore', ['--force', file], source.env);
      expect(forced.stderr).toBe('');
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain('已从备份恢复');
      expect(forced.stdout).toContain('原有内容已被替换');
      expect(await source.contents()).toEqual(original);
    },
    SLOW,
  );

  it(
    'restore refuses a file that is not a backup, before opening the database',
    async () => {
      const notes = path.join(dir, 'notes.txt');
      fs.writeFileSync(notes, '案例汇编\n');
      const refused = await run('restore', ['--force', notes], source.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('不是 Casebook 备份文件');
      expect(await source.contents()).toEqual(original);
    },
    SLOW,
  );

  it(
    'restores into an empty database without --force, row for row',
    async () => {
      const target = testTarget === 'pglite' ? await pgliteFolder(path.join(dir, 'new-site')) : await postgresDatabase();
      try {
        const done = await run('restore', [file], target.env);
        expect(done.stderr).toBe('');
        expect(done.code).toBe(0);
        expect(await target.contents()).toEqual(original);
      } finally {
        await target.close();
      }
    },
    SLOW,
  );

  if (testTarget === 'pglite') {
    it(
      'says the embedded database is busy while another process holds it, and that the folder is missing when it is',
      async () => {
        const holder = await openDatabase({ dataDir: path.join(dir, 'site', 'pglite') });
        try {
          const busy = await run('backup', [path.join(dir, 'busy.jsonl.gz')], source.env);
          expect(busy.code).toBe(2);
          expect(busy.stderr).toContain('正被另一个进程使用');
          expect(fs.existsSync(path.join(dir, 'busy.jsonl.gz'))).toBe(false);
        } finally {
          await holder.close();
        }
        const missing = await run('backup', [path.join(dir, 'none.jsonl.gz')], { CASEBOOK_DATA_DIR: path.join(dir, 'no-such-folder') });
        expect(missing.code).toBe(1);
        expect(missing.stderr).toContain('找不到嵌入式数据库');
        expect(fs.existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
      },
      SLOW,
    );
  }
});
