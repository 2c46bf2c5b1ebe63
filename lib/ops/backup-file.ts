import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { z } from 'zod';

// The backup file: gzip'd JSON lines, written and read by the same code on PGlite and PostgreSQL.
//   line 1      header: format, version, when, migration level, tables (columns, row counts), sequences
//   then        each table's rows in header order, one JSON object per row, primary-key order
//   last line   footer: {"end":"casebook-backup","rows":N}
// gzip's checksum catches corruption; the row counts and the footer catch a file cut short.

export const BACKUP_FORMAT = 'casebook-backup';
export const BACKUP_VERSION = 1;

/** The backup or restore was refused for a reason the operator can act on; nothing was changed. */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}

const migrationSchema = z.object({ id: z.string(), hash: z.string(), createdAt: z.number().int() });

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.array(migrationSchema).min(1),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1),
      primaryKey: z.array(z.string()),
      rows: z.number().int().nonnegative(),
    }),
  ),
  sequences: z.array(z.object({ table: z.string(), column: z.string(), next: z.string().regex(/^-?\d+$/) })),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupFooterSchema = z.object({ end: z.literal(BACKUP_FORMAT), rows: z.number().int().nonnegative() });
export type BackupFooter = z.infer<typeof backupFooterSchema>;

/**
 * Writes to a temporary file beside the target and moves it into place only when complete, so a
 * failed or interrupted backup never leaves a file that looks like a backup.
 */
export class BackupWriter {
  private readonly gzip = zlib.createGzip();
  private readonly done: Promise<void>;
  private failure: unknown = null;

  private constructor(
    readonly file: string,
    private readonly partial: string,
  ) {
    // Owner-only: the file holds password hashes, e-mail addresses and client addresses.
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    this.done = pipeline(this.gzip, out).catch((error: unknown) => {
      this.failure = error;
    });
  }

  static create(file: string): BackupWriter {
    if (fs.existsSync(file)) throw new BackupRefusal(`文件已存在：${file}。请换一个文件名（例如带上日期），或先移走原文件。`);
    const folder = path.dirname(path.resolve(file));
    if (!fs.existsSync(folder)) throw new BackupRefusal(`目录不存在：${folder}。请先建好目录再备份。`);
    return new BackupWriter(file, `${file}.${process.pid}.partial`);
  }

  private check(): void {
    if (this.failure) throw new Error(`写入备份文件失败：${(this.failure as Error).message ?? String(this.failure)}`);
  }

  async line(text: string): Promise<void> {
    this.check();
    if (!this.gzip.write(`${text}\n`)) await Promise.race([once(this.gzip, 'drain'), this.done]);
    this.check();
  }

  async finish(): Promise<void> {
    this.gzip.end();
    await this.done;
    this.check();
    const fd = fs.openSync(this.partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (fs.existsSync(this.file)) {
      fs.rmSync(this.partial, { force: true });
      throw new BackupRefusal(`文件已存在：${this.file}（备份期间被其他程序创建）。请换一个文件名。`);
    }
    fs.renameSync(this.partial, this.file);
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done;
    fs.rmSync(this.partial, { force: true });
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

function notABackup(file: string, why: string): BackupRefusal {
  return new BackupRefusal(`不是 Casebook 备份文件：${file}（${why}）。备份文件由 npm run backup 生成。`);
}

function readFailure(file: string, error: unknown): BackupRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR') {
    return new BackupRefusal(`备份文件不完整：${file} 在结尾之前就中断了，可能在复制或下载时被截断。请换一份完整的备份。`);
  }
  if (code === 'Z_DATA_ERROR' || error instanceof TypeError) {
    return new BackupRefusal(`备份文件已损坏：${file} 解压或校验失败（${(error as Error).message}）。请换一份完好的备份。`);
  }
  return new BackupRefusal(`无法读取备份文件：${file}（${(error as Error).message ?? String(error)}）。`);
}

/** The file's lines, decompressed; a damaged, cut-short or foreign file becomes a BackupRefusal. */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(2);
      head = head.subarray(0, fs.readSync(fd, head, 0, 2, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupRefusal(code === 'ENOENT' ? `找不到备份文件：${file}` : `无法读取备份文件：${file}（${(error as Error).message}）。`);
  }
  if (head.length < 2 || head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    throw notABackup(file, head.length === 0 ? '文件是空的' : '不是 gzip 压缩文件');
  }

  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = pending + decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield text.slice(start, end);
        start = end + 1;
      }
      pending = text.slice(start);
    }
    pending += decoder.decode();
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    throw readFailure(file, error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pending) yield pending;
}

/** Parses the header line, telling a foreign file from a backup made by a newer format. */
export function parseHeader(file: string, line: string | undefined): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw notABackup(file, '第一行不是备份头');
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw notABackup(file, '缺少 casebook-backup 标记');
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupRefusal(`备份文件格式是第 ${version} 版，比本程序认识的（第 ${BACKUP_VERSION} 版）新：请用更新版本的 Casebook 恢复。`);
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupRefusal(`备份文件已损坏：${file} 的备份头不完整（${parsed.error.issues[0]?.path.join('.') ?? ''}）。`);
  return parsed.data;
}
