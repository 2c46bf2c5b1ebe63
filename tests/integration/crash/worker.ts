// The process the crash tests kill: opens the database as the app would and runs one real service
// call (or a stream of them), printing a line when each one has been acknowledged, then waits with
// the database still open until it is killed. Usage: node --import tsx --conditions=react-server
// worker.ts '<WorkerConfig as JSON>'.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { asc, desc, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { caseRevisions, cases } from '@/db/schema';
import { largeCompilation, savedContent, type CrashJob, type WorkerConfig } from './support';

// Writes to a pipe are synchronous on Linux: once say() returns, the line survives a SIGKILL.
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
const config = JSON.parse(process.argv[2] ?? '') as WorkerConfig;

// A worker whose test died must not keep the database: the closed stdin pipe says so.
process.stdin.on('end', () => process.exit(3)).resume();
setTimeout(() => process.exit(4), 120_000);

async function timed(run: () => Promise<{ ok: boolean; message?: string }>): Promise<void> {
  say('STARTED');
  const start = performance.now();
  const result = await run();
  say(result.ok ? `DONE ${Math.round(performance.now() - start)}` : `REFUSED ${result.message}`);
}

async function saveForever(db: Db, job: Extract<CrashJob, { scenario: 'save' }>): Promise<void> {
  const { saveCase } = await import('@/lib/services/cases');
  // Picks up where the last killed stream left off, as an editor reloading the page would.
  const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, job.caseId));
  const [latest] = await db
    .select({ number: caseRevisions.number })
    .from(caseRevisions)
    .where(eq(caseRevisions.caseId, job.caseId))
    .orderBy(desc(caseRevisions.number), asc(caseRevisions.id))
    .limit(1);
  let version = row!.version;
  let number = latest!.number;
  say('STARTED');
  for (;;) {
    const result = await saveCase(db, job.actor, { caseId: job.caseId, baseVersion: version, content: savedContent(number + 1) });
    if (!result.ok) return say(`REFUSED ${result.message}`);
    version = result.case.version;
    number = result.revision!.number;
    say(`ACK ${version} ${number}`);
  }
}

async function main(): Promise<void> {
  const { db } = await openDatabase(config.target);
  const job = config.job;
  // Each scenario loads only its own service, so a worker is up (and killable) sooner.
  if (job.scenario === 'import') {
    const [{ parseCompilation }, { importCompilation }] = await Promise.all([import('@/lib/import/parse'), import('@/lib/services/import')]);
    const seed = parseCompilation(fs.readFileSync(new URL('../../../db/seed/compilation.txt', import.meta.url), 'utf8'));
    const doc = largeCompilation(seed, job.firstIssueNumber);
    await timed(() => importCompilation(db, job.actor, doc));
  } else if (job.scenario === 'publish') {
    const { publishIssue } = await import('@/lib/services/publishing');
    await timed(() => publishIssue(db, job.actor, { issueId: job.issueId }));
  } else {
    await saveForever(db, job);
  }
  say('IDLE');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
