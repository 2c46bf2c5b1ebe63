import { BackupRefusal, backupFooterSchema, parseHeader, readBackupLines, type BackupHeader } from './backup-file';

// Reading a backup back: the same walk checks a file before a restore and feeds the restore itself.

export interface InspectedBackup {
  file: string;
  header: BackupHeader;
}

function parseRow(file: string, table: string, columns: ReadonlySet<string>, line: string): void {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new BackupRefusal(`备份文件已损坏：${file} 中表 ${table} 的一行不是有效的 JSON。`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new BackupRefusal(`备份文件已损坏：${file} 中表 ${table} 的一行不是对象。`);
  const unknown = Object.keys(row).find((k) => !columns.has(k));
  if (unknown) throw new BackupRefusal(`备份文件已损坏：${file} 中表 ${table} 的一行有备份头里没有的列 ${unknown}。`);
}

/**
 * Reads the whole file once without touching any database: a foreign, damaged or cut-short file is
 * refused before anything is opened or changed. The restore reads it again and checks it again.
 */
export async function inspectBackup(file: string): Promise<InspectedBackup> {
  let header: BackupHeader | undefined;
  await walkBackup(file, (h) => {
    header = h;
  });
  return { file, header: header! };
}

/** Streams the file: the header, then each table's rows in order, then the footer and nothing after it. */
export async function walkBackup(
  file: string,
  onHeader: (header: BackupHeader) => Promise<void> | void,
  onRow?: (table: string, line: string) => Promise<void>,
): Promise<void> {
  const lines = readBackupLines(file);
  const next = async () => {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  };
  const cutShort = () => new BackupRefusal(`备份文件不完整：${file} 在结尾之前就中断了。请换一份完整的备份。`);
  try {
    const header = parseHeader(file, await next());
    await onHeader(header);
    for (const table of header.tables) {
      const columns = new Set(table.columns.map((c) => c.name));
      for (let i = 0; i < table.rows; i++) {
        const line = await next();
        if (line === undefined) throw cutShort();
        parseRow(file, table.name, columns, line);
        await onRow?.(table.name, line);
      }
    }
    const last = await next();
    if (last === undefined) throw cutShort();
    let footer: unknown;
    try {
      footer = JSON.parse(last);
    } catch {
      footer = null;
    }
    const parsed = backupFooterSchema.safeParse(footer);
    const total = header.tables.reduce((n, t) => n + t.rows, 0);
    if (!parsed.success || parsed.data.rows !== total) throw new BackupRefusal(`备份文件已损坏：${file} 的行数与备份头不符。`);
    const extra = await next();
    if (extra !== undefined && extra !== '') throw new BackupRefusal(`备份文件已损坏：${file} 在结尾标记之后还有内容。`);
  } finally {
    await lines.return(undefined);
  }
}
