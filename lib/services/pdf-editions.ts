import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { issues, publishedIssues, publishedPdfs } from '@/db/schema';
import { logger as processLogger, type Logger } from '@/lib/log';
import { renderCaseEdition } from '@/lib/pdf/case-edition';
import type { PdfFile } from '@/lib/pdf/edition-types';
import { yieldToEventLoop } from '@/lib/pdf/event-loop';
import { renderIssueEdition } from '@/lib/pdf/issue-edition';
import { queryEditionFingerprint, queryEditionStatus, readEditionSource } from '@/lib/public/editions';
import { scheduleSnapshot } from '@/lib/static/job';

// The PDF editions follow the published read model: after every commit that changes what the public
// sees (publish, unpublish, scheduled publish, 发布更正), at start-up and after the demo is
// published, every published issue whose editions are missing or stale gets them made again. In
// the background, outside any publish transaction: a publish never waits for a PDF and never fails
// because of one. Unpublishing needs nothing here: the rows go with the issue's public copy (the
// foreign keys cascade). One run at a time per process; a request during a run makes one more run.

/** Rows per INSERT: the files are up to a few hundred KB each. */
const INSERT_BATCH = 10;

export interface EditionRun {
  made: { issueId: number; label: string; files: number; bytes: number; pages: number; ms: number }[];
  failed: { issueId: number; message: string }[];
}

/**
 * Whether editions follow publishes automatically: CASEBOOK_PDF_EDITIONS=0 turns it off, =1 on;
 * unset, it is on, except under the test runner, whose tests publish thousands of times and make
 * editions only where they test them.
 */
export function pdfEditionsEnabled(environment: Record<string, string | undefined> = process.env): boolean {
  const asked = environment.CASEBOOK_PDF_EDITIONS?.trim();
  if (asked === '0' || asked === '1') return asked === '1';
  return !environment.VITEST;
}

/** Stores an issue's editions in place of the old ones, if the issue still is as they show it. */
async function store(db: Db, issueId: number, fingerprint: string, files: { caseId: number | null; file: PdfFile }[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The issue's working row first, as every service locks it first: a publish or unpublish of the
    // issue waits for this, or this for it, and never in the opposite order (no deadlock). Only the
    // lock is taken; nothing of it is read. Then its public row, so that two processes storing the
    // same editions take turns.
    await tx.select({ id: issues.id }).from(issues).where(eq(issues.id, issueId)).for('share');
    const [locked] = await tx.select({ issueId: publishedIssues.issueId }).from(publishedIssues).where(eq(publishedIssues.issueId, issueId)).for('update');
    // Unpublished, or changed while these were made: that change's own run makes the right ones.
    if (!locked || (await queryEditionFingerprint(tx, issueId)) !== fingerprint) return false;
    await tx.delete(publishedPdfs).where(eq(publishedPdfs.issueId, issueId));
    const rows = files.map(({ caseId, file }) => ({
      issueId,
      caseId,
      fingerprint,
      bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      size: file.bytes.byteLength,
      pages: file.pages,
    }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insert(publishedPdfs).values(rows.slice(i, i + INSERT_BATCH));
    return true;
  });
}

/** Makes and stores one issue's editions: the whole issue and one per case. */
async function makeEditions(db: Db, issueId: number): Promise<EditionRun['made'][number] | null> {
  const started = performance.now();
  const source = await readEditionSource(db, issueId);
  if (!source) return null;
  const files: { caseId: number | null; file: PdfFile }[] = [{ caseId: null, file: await renderIssueEdition(source.issue) }];
  for (const c of source.issue.cases) {
    await yieldToEventLoop();
    files.push({ caseId: c.caseId, file: await renderCaseEdition(source.issue, c) });
  }
  if (!(await store(db, issueId, source.fingerprint, files))) return null;
  const whole = files[0]!.file;
  return {
    issueId,
    label: source.issue.serialLabel,
    files: files.length,
    bytes: whole.bytes.byteLength,
    pages: whole.pages,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Makes the editions of every published issue whose editions are missing or stale, newest issue
 * first. An issue that fails is logged and left for the next run; the others go on.
 */
export async function refreshPdfEditions(db: Db, log: Logger = processLogger): Promise<EditionRun> {
  const run: EditionRun = { made: [], failed: [] };
  for (const status of await queryEditionStatus(db)) {
    if (status.current) continue;
    try {
      const made = await makeEditions(db, status.issueId);
      if (!made) continue;
      run.made.push(made);
      log.info(
        { event: 'pdf.generated', issueId: made.issueId, issueNumber: status.number, files: made.files, bytes: made.bytes, pages: made.pages, ms: made.ms },
        `${made.label} PDF 版已生成：整期 ${made.pages} 页 ${Math.round(made.bytes / 1024)} KB，连同各案例共 ${made.files} 个文件，用时 ${made.ms} 毫秒`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      run.failed.push({ issueId: status.issueId, message });
      log.error({ event: 'pdf.failed', issueId: status.issueId, issueNumber: status.number, err: error }, `第${status.number}期的 PDF 版生成失败，将在下次发布或重新启动时重试：${message}`);
    }
  }
  return run;
}

interface JobState {
  running: Promise<number> | null;
  again: boolean;
}

const holder = globalThis as typeof globalThis & { __casebookPdfJob?: JobState };
const state = (holder.__casebookPdfJob ??= { running: null, again: false });

interface JobOptions {
  log?: Logger;
  /** The process's database, as the public site's reads get it. */
  database?: () => Promise<Db>;
}

/**
 * Asks for every published issue's editions to be brought up to date; returns at once with a
 * promise of how many issues got new editions, which never rejects. Nothing happens when editions
 * are turned off (pdfEditionsEnabled).
 */
export function schedulePdfEditions(reason: string, { log = processLogger, database = getDb }: JobOptions = {}): Promise<number> {
  try {
    if (!pdfEditionsEnabled()) return Promise.resolve(0);
    if (state.running) {
      state.again = true;
      return state.running;
    }
    const run = async (): Promise<number> => {
      let made = 0;
      try {
        do {
          state.again = false;
          made += (await refreshPdfEditions(await database(), log)).made.length;
        } while (state.again);
      } catch (error) {
        log.error({ event: 'pdf.failed', reason, err: error }, `PDF 版生成任务出错（${reason}），将在下次发布或重新启动时重试`);
      } finally {
        // In the same turn as the last look at `again`: a request after it starts a new run.
        state.running = null;
      }
      return made;
    };
    state.running = run();
    return state.running;
  } catch (error) {
    try {
      log.error({ event: 'pdf.schedule_failed', err: error }, '无法安排 PDF 版生成');
    } catch {
      // Logging itself failed: nothing more can be done without risking the caller.
    }
    return Promise.resolve(0);
  }
}

/** Resolves once no run is going (for command-line tools that publish, and tests). */
export async function pdfEditionsIdle(): Promise<void> {
  while (state.running) await state.running;
}

/**
 * At start-up: makes whatever editions are missing or stale (a process stopped mid-run, a new
 * layout version, a publish by another tool), then brings the static snapshot up to date if any
 * were made.
 */
export function catchUpPdfEditions(options: JobOptions = {}): void {
  const log = options.log ?? processLogger;
  void schedulePdfEditions('启动时补齐', options).then((made) => {
    if (made > 0) scheduleSnapshot('PDF 版已补齐', log);
  });
}
