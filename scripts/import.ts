// npm run import -- [--dry-run] [--json] [--as EMAIL] FILE
// Reads a compilation (Word, text in UTF-8/GB18030/UTF-16, or the export's JSON) the same way the
// admin's upload does, and imports it as draft issues and draft cases. Exit 0 when imported (or,
// with --dry-run, importable); 1 when the content is refused; 2 when the file cannot be read.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asc, eq, inArray, and } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { importProblems } from '@/lib/import/content';
import { decodeImportFile, FORMAT_LABELS, tooLargeMessage } from '@/lib/import/decode';
import { parseCompilation, toImportJson } from '@/lib/import/parse';
import { proofreadDocument } from '@/lib/import/proofread-document';
import { importCompilation } from '@/lib/services/import';
import { MAX_IMPORT_BYTES } from '@/lib/validations/import';
import { runCli } from './cli';

const USAGE = '用法：npm run import -- [--dry-run] [--json] [--as 邮箱] 文件';

function readFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new Error(`找不到文件：${file}`);
  }
  if (stat.isDirectory()) throw new Error(`${file} 是目录，请给出一个文件。`);
  // Checked before reading, so a huge file is never loaded into memory.
  if (stat.size > MAX_IMPORT_BYTES) throw new Error(tooLargeMessage(file, stat.size));
  try {
    return fs.readFileSync(file);
  } catch {
    throw new Error(`无法读取文件：${file}`);
  }
}

/** The configured database; a dry run never calls this, so it needs no environment. */
function openConfiguredDatabase() {
  const e = env();
  return openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: path.join(e.dataDir, 'pglite') });
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, as: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.json && !values['dry-run']) throw new Error('--json 只能与 --dry-run 一起使用（导入时不输出 JSON）。');
  const file = positionals[0]!;
  const decoded = await decodeImportFile(readFile(file), file);
  if (!decoded.ok) throw new Error(decoded.message);
  const doc = parseCompilation(decoded.text);
  const problems = importProblems(doc);
  const refuse = () => {
    console.error(problems.length === 1 ? `不能导入：${problems[0]}` : `不能导入：文件中有 ${problems.length} 处不符合要求，什么都没有写入：`);
    if (problems.length > 1) for (const p of problems) console.error(`  ${p}`);
    return 1;
  };

  if (values.json) {
    process.stdout.write(`${JSON.stringify(toImportJson(doc), null, 2)}\n`);
    return problems.length > 0 ? refuse() : 0;
  }
  console.log(`文件格式：${FORMAT_LABELS[decoded.format]}。`);
  if (problems.length > 0) return refuse();

  // Open (and lock) the database before the long preview, so a busy PGlite folder is reported at once.
  const database = values['dry-run'] ? null : await openConfiguredDatabase();

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
      if ((result.details?.length ?? 0) > 1) for (const d of result.details!) console.error(`  ${d}`);
      return 1;
    }
    const s = result.summary;
    console.log(`已导入（作者：${user.name}）：新建 ${s.issuesCreated} 期、${s.casesCreated} 个案例，${s.casesUnchanged} 个案例已存在且未变。`);
    return 0;
  } finally {
    await database.close();
  }
});
