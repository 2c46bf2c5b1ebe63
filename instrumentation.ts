// Runs once when a server process starts: check the auth configuration, migrate, bootstrap the demo
// in development, and start the scheduled-publishing ticker. Skipped while `next build` runs, so a
// build never opens the database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { assertAuthConfigured } = await import('./lib/auth/config');
  assertAuthConfigured();
  const { getDb } = await import('./db');
  await getDb();
  const { startPublishTicker } = await import('./lib/scheduler/ticker');
  startPublishTicker(getDb);
}
