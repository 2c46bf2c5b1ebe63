// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the embedded database.
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';
import { runCli } from './cli';

runCli(async () => {
  const e = env();
  const database = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: path.join(e.dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    console.log(e.DATABASE_URL ? '数据库迁移完成（PostgreSQL）。' : `数据库迁移完成（嵌入式数据库：${path.join(e.dataDir, 'pglite')}）。`);
  } finally {
    await database.close();
  }
});
