import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));
const alias = { '@': root, 'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)) };

const integration = (name: string, target: 'pglite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    env: { CASEBOOK_TEST_DB: target },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/integration/global-setup.ts'],
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      integration('integration', 'pglite'),
      // The same suite again on a real PostgreSQL server, when one is given (CI always gives one).
      ...(process.env.TEST_DATABASE_URL ? [integration('integration-pg', 'postgres')] : []),
    ],
  },
});
