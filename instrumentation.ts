// Runs once when a server process starts: check the configuration, migrate, bootstrap the demo in
// development, start the scheduled-publishing ticker and the mailer (stopped, with the database
// closed, after the last request on SIGTERM). Skipped while `next build` runs, so a build never
// opens the database.
// Next.js waits for this before it answers the first request, so no page sees the database before
// the demo is in it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // `next start` only logs an error thrown here and then answers every request with a 500, so a
  // server without its secret or public address would look alive: stop the process instead.
  const { exitUnlessConfigured } = await import('./lib/auth/config');
  exitUnlessConfigured();
  const { getDb } = await import('./db');
  const { bootstrapDemoIfEnabled } = await import('./lib/services/demo');
  await bootstrapDemoIfEnabled(await getDb());
  // PDF editions left missing or stale (a run cut short, a new layout) are made in the background.
  const { catchUpPdfEditions } = await import('./lib/services/pdf-editions');
  catchUpPdfEditions();
  const { startPublishTicker } = await import('./lib/scheduler/ticker');
  const stopPublishing = startPublishTicker(getDb);
  // Email for 待办 notifications, when SMTP is configured: what is queued goes out now and after each commit.
  const { startMailer } = await import('./lib/notify/mailer');
  const stopMailer = startMailer(getDb);
  const stopTicker = async () => {
    await Promise.all([stopPublishing(), stopMailer()]);
  };
  const [{ closeDatabase }, { closeGracefullyOnSignal }] = await Promise.all([import('./db'), import('./lib/ops/shutdown')]);
  closeGracefullyOnSignal({ stopTicker, closeDatabase });
}
