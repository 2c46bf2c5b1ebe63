// npm run import -- [--dry-run] [--json] [--as EMAIL] FILE
// Parses a compilation in the seed's format and imports it as draft issues and draft cases.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asc, eq, inArray, and } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { parseCompilation, toImportJson } from '@/lib/import/parse';
import { proofreadDocument } from '@/lib/import/proofread-document';
import { importCompilation } from '@/lib/services/import';
import { runCli } from './cli';

const USAGE = '用法：npm run import -- [--dry-run] [--json] [--as 邮箱] 文件';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, as: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`无法读取文件：${file}`);
  }
  const doc = parseCompilation(text);

  if (values.json) {
    if (!values['dry-run']) throw new Error('--json 只能与 --dry-run 一起使用（导入时不输出 JSON）。');
    process.stdout.write(`${JSON.stringify(toImportJson(doc), null, 2)}\n`);
    return 0;
  }

  // Open (and lock) the database before the long preview, so a busy PGlite folder is reported at once.
  const e = env();
  const database = values['dry-run'] ? null : await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: path.join(e.dataDir, 'pglite') });

  const caseCount = doc.issues.reduce((n, i) => n + i.cases.length, 0);
  console.log(`识别出 ${doc.issues.length} 期、${caseCount} 个案例，${doc.warnings.length} 条提示。`);
  for (const w of doc.warnings) console.log(`  第 ${w.line} 行：${w.message}`);
  const checked = proofreadDocument(doc).flatMap((c) => c.findings.map((f) => ({ ...f, where: `第${c.issueNumber}期典型做法之${c.position}` })));
  const errors = checked.filter((f) => f.severity === 'error');
  console.log(`校对：${errors.length} 处错误，${checked.length - errors.length} 处提示（有错误的案例可以导入为草稿，但改正前不能提交审核）。`);
  for (const f of errors) console.log(`  第 ${f.line} 行（${f.where}）：${f.message}`);
  if (checked.length > errors.length) console.log('  提示的明细请运行 npm run lint:content -- 文件。');
  if (!database) {
    console.log('试运行：未写入数据库。');
    return 0;
  }

  try {
    await migrateDatabase(database);
    const { db } = database;
    const candidates = await db
      .select()
      .from(users)
      .where(values.as ? eq(users.email, values.as.toLowerCase()) : and(eq(users.active, true), inArray(users.role, ['admin', 'editor'])))
      .orderBy(asc(users.id))
      .limit(1);
    const user = candidates[0];
    if (!user) {
      throw new Error(
        values.as ? `找不到账号 ${values.as}。` : '数据库中还没有编辑或管理员账号：请先运行 npm run user:create -- --email … --name … --role admin。',
      );
    }
    const result = await importCompilation(db, { id: user.id, name: user.name, email: user.email, role: user.role }, doc);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    const s = result.summary;
    console.log(`已导入（作者：${user.name}）：新建 ${s.issuesCreated} 期、${s.casesCreated} 个案例，${s.casesUnchanged} 个案例已存在且未变。`);
    return 0;
  } finally {
    await database.close();
  }
});
