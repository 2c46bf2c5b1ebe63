// npm run bench:pdf — the PDF editions of the demo content (three issues, 25 cases): how big each
// is, how many pages, how long laying it out takes, and how long a whole run (read, make every
// edition of every issue, store) takes. In a throwaway in-memory database; the first layout of a
// process also reads and parses the two font files, so it is shown apart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { renderCaseEdition } from '@/lib/pdf/case-edition';
import type { PdfFile } from '@/lib/pdf/edition-types';
import { renderIssueEdition } from '@/lib/pdf/issue-edition';
import { queryEditionStatus, readEditionSource } from '@/lib/public/editions';
import { bootstrapDemo } from '@/lib/services/demo';
import { refreshPdfEditions } from '@/lib/services/pdf-editions';
import type { Logger } from '@/lib/log';
import { runCli } from './cli';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

runCli(async () => {
  const database = await openDatabase({ memory: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-pdf-'));
  try {
    await migrateDatabase(database);
    // The demo without its editions: they are what is measured.
    process.env.CASEBOOK_PDF_EDITIONS = '0';
    await bootstrapDemo(database.db, { dataDir, log: () => {} });
    const statuses = await queryEditionStatus(database.db);

    console.log(`PDF 版（演示内容，${statuses.length} 期），每项排版 ${RUNS} 次取中位数；首次排版含读取和解析字体文件\n`);
    console.log('期号                       案例  整期页数  整期大小  首次排版  排版中位数  各案例合计大小  各案例排版中位数（每篇）');
    let firstDone = false;
    for (const status of [...statuses].reverse()) {
      const source = (await readEditionSource(database.db, status.issueId))!;
      const issueTimes: number[] = [];
      let file: PdfFile = { bytes: new Uint8Array(), pages: 0 };
      let first = 0;
      for (let i = 0; i < RUNS; i++) {
        const [made, ms] = await timed(() => renderIssueEdition(source.issue));
        if (i === 0) first = ms;
        issueTimes.push(ms);
        file = made;
      }
      const caseTimes: number[] = [];
      let caseBytes = 0;
      for (const c of source.issue.cases) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const [made, ms] = await timed(() => renderCaseEdition(source.issue, c));
          times.push(ms);
          if (i === 0) caseBytes += made.bytes.byteLength;
        }
        caseTimes.push(median(times));
      }
      console.log(
        [
          source.issue.serialLabel.padEnd(22),
          String(source.issue.cases.length).padStart(4),
          String(file.pages).padStart(8),
          kb(file.bytes.byteLength).padStart(9),
          `${first.toFixed(0)} ms${firstDone ? '' : '*'}`.padStart(9),
          `${median(issueTimes).toFixed(0)} ms`.padStart(10),
          kb(caseBytes).padStart(14),
          `${median(caseTimes).toFixed(0)} ms`.padStart(12),
        ].join('  '),
      );
      firstDone = true;
    }
    console.log('\n* 含本进程第一次读取、解析两个字体文件（各约 15 MB）。');

    const [run, ms] = await timed(() => refreshPdfEditions(database.db, silent));
    const files = run.made.reduce((n, m) => n + m.files, 0);
    console.log(`\n一次完整生成（读取发布数据、排版整期和每个案例、写入数据库）：${run.made.length} 期 ${files} 个文件，用时 ${(ms / 1000).toFixed(1)} 秒`);
    if (run.failed.length > 0) {
      console.log(`失败：${run.failed.map((f) => f.message).join('；')}`);
      return 1;
    }
    return 0;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
