import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@/lib/auth/actor';
import type { CaseContent } from '@/lib/content/model';
import type { ParsedDocument } from '@/lib/import/parse';
import { sampleContent } from '../support/fixtures';

// Pieces shared by the kill -9 tests and the worker they kill. No vitest here: the worker imports it.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export const WORKER_APP_NAME = 'casebook-crash-worker';

export type WorkerTarget = { url: string } | { dataDir: string };

export type CrashJob =
  | { scenario: 'import'; actor: Actor; firstIssueNumber: number }
  | { scenario: 'publish'; actor: Actor; issueId: number }
  | { scenario: 'save'; actor: Actor; caseId: number };

export interface WorkerConfig {
  target: WorkerTarget;
  job: CrashJob;
}

/** mulberry32: a tiny seeded generator, so a failing round can be replayed from the printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CASEBOOK_CRASH_SEED replays a run; otherwise a fresh seed, which the test prints. */
export function crashSeed(): number {
  const given = Number(process.env.CASEBOOK_CRASH_SEED);
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2 ** 31);
}

export interface RunningWorker {
  pid: number;
  /** Every stdout line so far, including those still in the pipe when the process was killed. */
  lines: string[];
  /** Resolves with the count-th line starting with prefix; rejects if the worker exits first. */
  waitFor: (prefix: string, count?: number, timeoutMs?: number) => Promise<string>;
  /** SIGKILL, then wait until the process is reaped and its output fully read. */
  kill: () => Promise<void>;
  stderr: () => string;
}

/**
 * Starts the worker as a plain node process (not through the tsx command, which forks a second
 * process): SIGKILL must hit the very process that holds the database.
 */
export function startWorker(config: WorkerConfig): RunningWorker {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', WORKER, JSON.stringify(config)], {
    cwd: ROOT,
    // The application name lets the test see when the server has finished with a killed worker's sessions.
    env: { ...process.env, DATABASE_URL: '', CASEBOOK_DEBUG: '', PGAPPNAME: WORKER_APP_NAME },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let exited = false;
  void closed.then(() => {
    exited = true;
    for (const wake of waiters) wake();
  });

  const waitFor = (prefix: string, count = 1, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`worker gave no "${prefix}" within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
      const check = () => {
        const line = lines.filter((l) => l.startsWith(prefix))[count - 1];
        if (line !== undefined) finish(null, line);
        else if (exited) finish(new Error(`worker exited before "${prefix}"; stderr: ${err}`));
      };
      function finish(error: Error | null, line?: string) {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolve(line!);
      }
      waiters.add(check);
      check();
    });

  return {
    pid: child.pid!,
    lines,
    waitFor,
    kill: async () => {
      child.kill('SIGKILL');
      await closed;
    },
    stderr: () => err,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pid written in a PGlite lock file, or null when there is none. */
export function lockHolder(dataDir: string): number | null {
  try {
    return (JSON.parse(fs.readFileSync(`${dataDir}.lock`, 'utf8')) as { pid?: number }).pid ?? null;
  } catch {
    return null;
  }
}

export const ISSUES_PER_IMPORT = 30;
export const CASES_PER_IMPORTED_ISSUE = 20;

/** The seed's cases dealt into 30 issues of 20 cases, numbered from firstIssueNumber: one large import. */
export function largeCompilation(seed: ParsedDocument, firstIssueNumber: number): ParsedDocument {
  const pool = seed.issues.flatMap((i) => i.cases);
  const issues = Array.from({ length: ISSUES_PER_IMPORT }, (_, i) => ({
    number: firstIssueNumber + i,
    title: `${seed.issues[i % seed.issues.length]!.title}（汇编${firstIssueNumber + i}）`,
    line: 1,
    cases: Array.from({ length: CASES_PER_IMPORTED_ISSUE }, (_, p) => ({
      ...pool[(i * CASES_PER_IMPORTED_ISSUE + p) % pool.length]!,
      position: p + 1,
    })),
  }));
  return { issues, warnings: [] };
}

const PARAGRAPH = '一是完善随迁子女入学政策，简化入学流程。二是加大公办学校建设力度，扩大学位供给。三是落实教育经费保障机制。';

/** What the n-th revision of a case in the save stream holds: recognisable, and large enough to span pages. */
export function savedContent(n: number): CaseContent {
  return sampleContent({
    title: `浙江省义乌市向随迁子女扩大义务教育学位供给（第${n}稿）`,
    sections: [
      { kind: 'practice', heading: '主要做法', body: `第${n}稿。${PARAGRAPH.repeat(60)}` },
      { kind: 'outcome', heading: '主要成效', body: `“十三五”期间，建成投用了${n}所中小学校。` },
    ],
  });
}
