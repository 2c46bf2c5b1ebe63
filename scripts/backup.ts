// npm run backup -- FILE
// Writes a consistent backup of the whole database (PGlite or PostgreSQL, whichever is configured) to
// FILE, in the portable format that npm run restore reads on either database.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { createBackup } from '@/lib/ops/backup';
import { BackupRefusal } from '@/lib/ops/backup-file';
import { describeCounts } from '@/lib/ops/table-labels';
import { runCli } from './cli';

const USAGE = '用法：npm run backup -- 文件（例如 npm run backup -- backups/casebook-2026-11-25.jsonl.gz）';

runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  const e = env();
  const dataDir = path.join(e.dataDir, 'pglite');
  // Opening a folder that does not exist would create an empty database there: say what is wrong instead.
  if (!e.DATABASE_URL && !fs.existsSync(dataDir)) {
    console.error(`找不到嵌入式数据库：${dataDir} 不存在。请检查 CASEBOOK_DATA_DIR，或设置 DATABASE_URL 备份 PostgreSQL。`);
    return 1;
  }
  const database = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir });
  try {
    const started = Date.now();
    const summary = await createBackup(database, file);
    const where = e.DATABASE_URL ? 'PostgreSQL' : `嵌入式数据库 ${dataDir}`;
    console.log(`已备份到 ${file}（${where}，数据库结构迁移到 ${summary.migrations.at(-1)?.id ?? '无'}）：${describeCounts(summary.tables)}。`);
    console.log(`文件 ${(summary.bytes / 1024).toFixed(1)} KB，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefusal)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await database.close();
  }
});
