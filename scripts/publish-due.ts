// npm run publish:due — publishes every issue whose scheduled time has passed, once, then exits.
// For an external scheduler (cron); safe to run alongside the app's own ticker.
import { logger } from '@/lib/log';
import { runDueIssues } from '@/lib/scheduler/run-due';
import { pdfEditionsIdle } from '@/lib/services/pdf-editions';
import { snapshotIdle } from '@/lib/static/job';
import { runCli, withAppDatabase } from './cli';

runCli(() =>
  withAppDatabase(async (db) => {
    // Each outcome is one log line (lib/scheduler/run-due.ts), as when the app's own ticker runs.
    const run = await runDueIssues(db);
    // The PDF editions of what was just published, and with static publishing on the snapshot, are made before exiting.
    await pdfEditionsIdle();
    await snapshotIdle();
    if (!run.published.length && !run.failed.length) logger.info({ event: 'schedule.nothing_due' }, '没有到期需要发布的期刊。');
    return run.failed.length ? 1 : 0;
  }),
);
