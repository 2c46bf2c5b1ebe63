import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { asc, between, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { caseRevisions, cases, issues, publishedCases, publishedIssues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { contentFromParsedCase } from '@/lib/import/content';
import { parseCompilation } from '@/lib/import/parse';
import { unpublishIssue } from '@/lib/services/publishing';
import { createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must, newCase, readyIssue } from '../workflow/helpers';
import { brokenInvariants, rowCounts } from './invariants';
import {
  CASES_PER_IMPORTED_ISSUE,
  crashSeed,
  ISSUES_PER_IMPORT,
  largeCompilation,
  lockHolder,
  savedContent,
  seededRandom,
  sleep,
  startWorker,
  type CrashJob,
  type RunningWorker,
  WORKER_APP_NAME,
  type WorkerTarget,
} from './support';

// kill -9 at a random moment of a real service call running in another process, then "restart"
// (open the database again here) and check that nothing acknowledged is lost and nothing is
// half-written. On PGlite every round kills the process that holds the same data folder, so each
// reopen goes through the stale lock takeover and the database's own crash recovery.

const SEED = crashSeed();
const random = seededRandom(SEED);
/** Rounds per scenario; for the import and the publish the first one also times the call. */
const ROUNDS = 5;
const PUBLISHED_CASES = 50;
const SLOW = 150_000;

console.log(`crash test seed ${SEED} (${testTarget}); replay with CASEBOOK_CRASH_SEED=${SEED}`);

interface Harness {
  target: WorkerTarget;
  /** After a kill: waits until the database has finished with the dead worker, and checks what it left. */
  settle: (worker: RunningWorker) => Promise<void>;
  /** Opens the database in this process, as a restarted app would, and closes it again. */
  withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

async function pgliteHarness(dir: string): Promise<Harness> {
  const dataDir = path.join(dir, 'pglite');
  const first = await openDatabase({ dataDir });
  await migrateDatabase(first);
  await first.close();
  return {
    target: { dataDir },
    // The killed worker could not remove its lock; the next open must recognise it as stale.
    settle: async (worker) => expect(lockHolder(dataDir)).toBe(worker.pid),
    withDb: async (fn) => {
      const database = await openDatabase({ dataDir });
      // Whoever held the folder before (a killed worker) no longer does: the lock is ours now.
      expect(lockHolder(dataDir)).toBe(process.pid);
      try {
        return await fn(database.db);
      } finally {
        await database.close();
      }
    },
    close: async () => {},
  };
}

function postgresHarness(database: Database): Harness {
  if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const db = database.db;
  return {
    target: { url: database.url },
    // A server finishes a dead client's transaction on its own time (a COMMIT already sent still
    // commits): wait until its sessions are gone, so what we read next is final.
    settle: async (worker) => {
      for (let waited = 0; ; waited += 20) {
        const [row] = rowsOf<{ n: number | string }>(
          await db.execute(sql`select count(*) as n from pg_stat_activity where datname = current_database() and application_name = ${WORKER_APP_NAME}`),
        );
        if (Number(row!.n) === 0) return;
        if (waited > 15_000) throw new Error(`the server still holds a session of the killed worker ${worker.pid} after 15 s`);
        await sleep(20);
      }
    },
    withDb: (fn) => fn(db),
    close: () => database.close(),
  };
}

type KillPoint = 'before commit' | 'committed, not yet acknowledged' | 'after acknowledgement';

describe(`kill -9 during real writes (${testTarget})`, () => {
  let dir: string;
  let harness: Harness;
  let editor: Actor;
  let reviewer: Actor;
  const observed: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-crash-'));
    harness = testTarget === 'pglite' ? await pgliteHarness(dir) : postgresHarness(await createTestDatabase());
    await harness.withDb(async (db) => {
      editor = await createActor(db, 'editor', '编辑甲');
      reviewer = await createActor(db, 'reviewer', '审核乙');
    });
  }, SLOW);

  afterAll(async () => {
    console.log(`crash rounds (${testTarget}, seed ${SEED}):\n  ${observed.join('\n  ')}`);
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs one job in a worker and SIGKILLs it when `until` says (a delay in ms after STARTED, 'done'
   * once it has acknowledged the whole call, or a function that waits for something).
   */
  async function killRound(job: CrashJob, until: number | 'done' | ((worker: RunningWorker, started: number) => Promise<void>)): Promise<RunningWorker> {
    const worker = startWorker({ target: harness.target, job });
    try {
      await worker.waitFor('STARTED');
      const started = performance.now();
      if (until === 'done') await worker.waitFor('IDLE');
      else if (typeof until === 'number') await sleep(until);
      else await until(worker, started);
    } finally {
      await worker.kill();
    }
    expect(worker.lines.find((l) => l.startsWith('REFUSED')), worker.stderr()).toBeUndefined();
    await harness.settle(worker);
    return worker;
  }

  const delays = (span: number) => Array.from({ length: ROUNDS - 1 }, () => Math.round(random() * span));
  const durationOf = (worker: RunningWorker) => Number(worker.lines.find((l) => l.startsWith('DONE'))!.split(' ')[1]);

  it(
    'a large import (30 issues × 20 cases) is all there or not there at all',
    async () => {
      const seed = parseCompilation(fs.readFileSync(new URL('../../../db/seed/compilation.txt', import.meta.url), 'utf8'));
      let span = 0;
      let plan: number[] = [];
      let before = await harness.withDb(rowCounts);
      for (let round = 0; round < ROUNDS; round++) {
        const firstIssueNumber = 500 + round * ISSUES_PER_IMPORT;
        const expected = largeCompilation(seed, firstIssueNumber);
        // The first round runs to the end, to time the import; the others die somewhere inside it.
        const delay = round === 0 ? 'done' : plan[round - 1]!;
        const worker = await killRound({ scenario: 'import', actor: editor, firstIssueNumber }, delay);
        const acknowledged = worker.lines.some((l) => l.startsWith('DONE'));
        if (round === 0) {
          span = Math.round(durationOf(worker) * 1.2);
          plan = delays(span);
        }

        await harness.withDb(async (db) => {
          expect(await brokenInvariants(db)).toEqual([]);
          const after = await rowCounts(db);
          const written = await db
            .select({ id: issues.id })
            .from(issues)
            .where(between(issues.number, firstIssueNumber, firstIssueNumber + ISSUES_PER_IMPORT - 1));
          const imported = written.length > 0;
          if (acknowledged) expect(imported, 'an acknowledged import must survive the crash').toBe(true);
          const total = ISSUES_PER_IMPORT * CASES_PER_IMPORTED_ISSUE;
          expect(after.issues - before.issues).toBe(imported ? ISSUES_PER_IMPORT : 0);
          expect(after.cases - before.cases).toBe(imported ? total : 0);
          expect(after.revisions - before.revisions).toBe(imported ? total : 0);
          expect(after.audit - before.audit, 'one audit entry exactly when the import committed').toBe(imported ? 1 : 0);
          if (imported) {
            const rows = await db
              .select({ number: issues.number, position: cases.position, content: caseRevisions.content })
              .from(cases)
              .innerJoin(issues, eq(issues.id, cases.issueId))
              .innerJoin(caseRevisions, eq(caseRevisions.id, cases.currentRevisionId))
              .where(inArray(cases.issueId, written.map((w) => w.id)))
              .orderBy(asc(issues.number), asc(cases.position));
            expect(rows).toEqual(
              expected.issues.flatMap((i) => i.cases.map((c) => ({ number: i.number, position: c.position, content: contentFromParsedCase(c) }))),
            );
          }
          const point: KillPoint = acknowledged ? 'after acknowledgement' : imported ? 'committed, not yet acknowledged' : 'before commit';
          observed.push(`import round ${round}: killed ${delay === 'done' ? 'after DONE' : `${delay} ms after STARTED (import took ~${Math.round(span / 1.2)} ms)`} → ${point}`);
          before = after;
        });
      }
    },
    SLOW,
  );

  it(
    'publishing an issue of 50 cases is complete in the read model or not published at all',
    async () => {
      const { issue } = await harness.withDb((db) => readyIssue(db, editor, reviewer, PUBLISHED_CASES));
      let before = await harness.withDb(rowCounts);
      let span = 0;
      let plan: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const delay = round === 0 ? 'done' : plan[round - 1]!;
        const worker = await killRound({ scenario: 'publish', actor: reviewer, issueId: issue.id }, delay);
        const acknowledged = worker.lines.some((l) => l.startsWith('DONE'));
        if (round === 0) {
          span = Math.round(durationOf(worker) * 1.2);
          plan = delays(span);
        }

        await harness.withDb(async (db) => {
          expect(await brokenInvariants(db)).toEqual([]);
          const after = await rowCounts(db);
          const [row] = await db.select().from(issues).where(eq(issues.id, issue.id));
          const [copy] = await db.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id));
          const copies = await db.select().from(publishedCases).where(eq(publishedCases.issueId, issue.id));
          const ours = await db.select().from(cases).where(eq(cases.issueId, issue.id)).orderBy(asc(cases.position));
          const published = row!.status === 'published';
          if (acknowledged) expect(published, 'an acknowledged publish must survive the crash').toBe(true);
          if (published) {
            expect(copy).toMatchObject({ number: row!.number, title: row!.title, foreword: row!.foreword });
            expect(copies).toHaveLength(PUBLISHED_CASES);
            expect(ours.every((c) => c.status === 'published' && c.publishedRevisionId === c.approvedRevisionId)).toBe(true);
            expect(copies.map((c) => [c.caseId, c.revisionId, c.position]).sort((a, b) => a[2]! - b[2]!)).toEqual(
              ours.map((c) => [c.id, c.approvedRevisionId, c.position]),
            );
          } else {
            expect(copy).toBeUndefined();
            expect(copies).toEqual([]);
            expect(ours.every((c) => c.status === 'approved' && c.publishedRevisionId === null)).toBe(true);
          }
          expect(after.publishedCases - before.publishedCases).toBe(published ? PUBLISHED_CASES : 0);
          expect(after.audit - before.audit, 'one audit entry exactly when the publish committed').toBe(published ? 1 : 0);
          const point: KillPoint = acknowledged ? 'after acknowledgement' : published ? 'committed, not yet acknowledged' : 'before commit';
          observed.push(`publish round ${round}: killed ${delay === 'done' ? 'after DONE' : `${delay} ms after STARTED (publish took ~${Math.round(span / 1.2)} ms)`} → ${point}`);
          // Back to approved, so the next round publishes the same 50 cases again.
          if (published) must(await unpublishIssue(db, reviewer, { issueId: issue.id }));
          before = await rowCounts(db);
        });
      }
    },
    SLOW,
  );

  it(
    'every save acknowledged before the kill is in the revision history, complete',
    async () => {
      const kase = await harness.withDb((db) => newCase(db, editor, savedContent(1)));
      let before = await harness.withDb(rowCounts);
      for (let round = 0; round < ROUNDS; round++) {
        // Let a random number of saves through, then die at a random point of the next one(s).
        const acksFirst = 1 + Math.floor(random() * 6);
        const fraction = random() * 1.5;
        let delay = 0;
        const worker = await killRound({ scenario: 'save', actor: editor, caseId: kase.id }, async (w, started) => {
          await w.waitFor('ACK ', acksFirst);
          delay = Math.round(((performance.now() - started) / acksFirst) * fraction);
          await sleep(delay);
        });
        const acks = worker.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.split(' ').slice(1).map(Number) as [number, number]);

        await harness.withDb(async (db) => {
          expect(await brokenInvariants(db)).toEqual([]);
          const after = await rowCounts(db);
          const [row] = await db.select().from(cases).where(eq(cases.id, kase.id));
          const history = await db
            .select({ number: caseRevisions.number, content: caseRevisions.content })
            .from(caseRevisions)
            .where(eq(caseRevisions.caseId, kase.id))
            .orderBy(asc(caseRevisions.number));
          const latest = history.at(-1)!.number;
          for (const [version, number] of acks) {
            expect(version, `acknowledged version ${version} lost`).toBeLessThanOrEqual(row!.version);
            expect(history.some((r) => r.number === number), `acknowledged revision ${number} lost`).toBe(true);
          }
          // Each revision holds exactly what was saved as it; the row points at the last one.
          expect(history.map((r) => r.content)).toEqual(history.map((r) => savedContent(r.number)));
          expect(row!.version).toBe(latest);
          expect(row!.title).toBe(savedContent(latest).title);
          const saved = after.revisions - before.revisions;
          expect(after.audit - before.audit, 'one audit entry per committed save').toBe(saved);
          const lastAck = acks.at(-1)?.[1] ?? latest - saved;
          expect(latest - lastAck, 'at most the save in flight commits unacknowledged').toBeLessThanOrEqual(1);
          observed.push(
            `save round ${round}: killed ${delay} ms after acknowledgement ${acksFirst} → ${acks.length} saves acknowledged, ${saved} committed` +
              (saved > acks.length ? ' (the one in flight committed, not yet acknowledged)' : ''),
          );
          before = after;
        });
      }
    },
    SLOW,
  );
  if (testTarget === 'pglite') {
    it(
      'after every kill, the data folder still passes amcheck: no torn table pages, no index out of step with its table',
      async () => {
        const dataDir = (harness.target as { dataDir: string }).dataDir;
        const pg = await PGlite.create(dataDir, { extensions: { amcheck } });
        try {
          await pg.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
          const { rows: tables } = await pg.query<{ relname: string }>(
            `SELECT c.relname FROM pg_class c CROSS JOIN LATERAL verify_heapam(c.oid) v WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`,
          );
          expect(tables).toEqual([]);
          const { rows: indexes } = await pg.query<{ relname: string }>(
            `SELECT c.relname, bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
             JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`,
          );
          expect(indexes.length).toBeGreaterThan(10);
        } finally {
          await pg.close();
        }
      },
      SLOW,
    );

    it('opening and closing the data folder again and again leaves no exit handlers behind', async () => {
      const dataDir = (harness.target as { dataDir: string }).dataDir;
      const handlers = process.listenerCount('exit');
      for (let i = 0; i < 3; i++) await (await openDatabase({ dataDir })).close();
      expect(process.listenerCount('exit')).toBe(handlers);
      expect(lockHolder(dataDir)).toBeNull();
    }, SLOW);
  }
});
