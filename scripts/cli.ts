import type { Db } from '@/db/client';

// Shared frame for the command-line tools: errors print as one clear line, never a stack trace
// (unless CASEBOOK_DEBUG is set), and the exit code says what happened.
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`错误：${message}`);
      if (process.env.CASEBOOK_DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(2);
    },
  );
}

/**
 * Opens the app's database as the server does at start-up (migrated, with the demo where this
 * environment wants one), runs fn and closes it. Loaded on demand, so tools that never open the
 * database (lint:content) do not load the server modules.
 */
export async function withAppDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const { getDatabase } = await import('@/db');
  const { bootstrapDemoIfEnabled } = await import('@/lib/services/demo');
  const database = await getDatabase();
  try {
    await bootstrapDemoIfEnabled(database.db);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
