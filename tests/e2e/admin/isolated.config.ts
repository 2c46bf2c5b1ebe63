import path from 'node:path';
import base, { standaloneCommand } from '../../../playwright.config';
import { defineConfig } from '@playwright/test';

// Runs only the admin end-to-end tests against a build and data folder of their own, so they can run
// while other suites use the shared port: NEXT_DIST_DIR=.next-admin next build, then
// npx playwright test --config tests/e2e/admin/isolated.config.ts
const PORT = Number(process.env.ADMIN_E2E_PORT ?? 3302);

export default defineConfig({
  ...base,
  testDir: '.',
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `rm -rf .data/admin-e2e .data/admin-e2e.lock && ${standaloneCommand(process.env.NEXT_DIST_DIR ?? '.next-admin')}`,
    cwd: '../../..',
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      CASEBOOK_DATA_DIR: path.resolve('.data/admin-e2e'),
      CASEBOOK_DEMO: '1',
      CASEBOOK_DEMO_PASSWORD: 'e2e-demo-password',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
