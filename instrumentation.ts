// Runs once when a server process starts: check the configuration, migrate, bootstrap the demo in
// development, and start the scheduled-publishing ticker. Skipped while `next build` runs, so a
// build never opens the database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // `next start` only logs an error thrown here and then answers every request with a 500, so a
  // server without its secret or public address would look alive: stop the process instead.
  const { exitUnlessConfigured } = await import('./lib/auth/config');
  exitUnlessConfigured();
  const { getDb } = await import('./db');
  await getDb();
  const { startPublishTicker } = await import('./lib/scheduler/ticker');
  startPublishTicker(getDb);
}
