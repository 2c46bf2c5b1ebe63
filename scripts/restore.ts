// npm run restore -- [--force] FILE
// Replaces the whole database (PGlite or PostgreSQL, whichever is configured) with a backup made by
// npm run backup on either database. The file is checked completely before the database is opened.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { BackupRefusal } from '@/lib/ops/backup-file';
import { inspectBackup } from '@/lib/ops/backup-reader';
import { restoreBackup } from '@/lib/ops/restore';
import { describeCounts } from '@/lib/ops/table-labels';
import { scheduleTimeLabel } from '@/lib/workflow';
import { runCli } from './cli';

const USAGE = '用法：npm run restore -- [--force] 文件（数据库中已有数据时，必须加 --force 才会覆盖）';
const SOURCES = { pglite: '嵌入式数据库 PGlite', postgres: 'PostgreSQL' } as const;

runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  const e = env();
  const dataDir = path.join(e.dataDir, 'pglite');
  try {
    const backup = await inspectBackup(file);
    const database = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir });
    try {
      const summary = await restoreBackup(database, backup, { force: values.force });
      const where = e.DATABASE_URL ? ' PostgreSQL' : `嵌入式数据库 ${dataDir}`;
      const taken = `${scheduleTimeLabel(summary.createdAt)}（北京时间）备份自${SOURCES[summary.source]}`;
      console.log(`已从备份恢复到${where}（${taken}）：${describeCounts(summary.tables)}。`);
      if (summary.replaced.length > 0) console.log(`原有内容已被替换：${describeCounts(summary.replaced)}。`);
      if (summary.upgradedWith.length > 0) console.log(`备份来自较早的版本，恢复后已升级数据库结构：${summary.upgradedWith.join('、')}。`);
      if (e.DATABASE_URL) console.log('如果应用正在运行，请重启所有实例，让缓存按恢复后的内容重新建立。');
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (!(error instanceof BackupRefusal)) throw error;
    console.error(`${error.message}\n没有做任何改动。`);
    return 1;
  }
});
