// Runs once when a server process starts: check the configuration, migrate, bootstrap the demo in
// development, start the scheduled-publishing ticker (stopped, with the database closed, after the
// last request on SIGTERM). Skipped while `next build` runs, so a build never opens the database.
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
  const { startPublishTicker } = await import('./lib/scheduler/ticker');
  const stopTicker = startPublishTicker(getDb);
  const [{ closeDatabase }, { closeGracefullyOnSignal }] = await Promise.all([import('./db'), import('./lib/ops/shutdown')]);
  closeGracefullyOnSignal({ stopTicker, closeDatabase });
}
