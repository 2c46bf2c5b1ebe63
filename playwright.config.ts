import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The end-to-end tests drive the production build (`next build` runs first, see package.json) on a
// fresh embedded database with the demo content, in the system Chromium: Playwright's own browser
// download is not used.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DEMO_PASSWORD = 'e2e-demo-password';
// A private data folder lets two e2e runs (e.g. two engineers' builds) coexist on one machine.
const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e';
/** Static publishing is on in the e2e server, inside the data folder its command empties (tests/e2e/static). */
export const E2E_STATIC_DIR = path.resolve(E2E_DATA_DIR, 'static');

/**
 * The production path: the standalone server the container image runs (Dockerfile), completed by
 * scripts/prepare-standalone.mjs. server.js makes its own folder the working directory, so paths
 * given to it must be absolute.
 */
export function standaloneCommand(distDir: string = process.env.NEXT_DIST_DIR ?? '.next'): string {
  return `NEXT_DIST_DIR=${distDir} node scripts/prepare-standalone.mjs && node --max-semi-space-size=64 ${path.join(distDir, 'standalone', 'server.js')}`;
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} ${E2E_DATA_DIR}.lock && ${standaloneCommand()}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      NODE_ENV: 'production',
      PORT: String(E2E_PORT),
      HOSTNAME: '127.0.0.1',
      CASEBOOK_DATA_DIR: path.resolve(E2E_DATA_DIR),
      CASEBOOK_DEMO: '1',
      CASEBOOK_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
      CASEBOOK_STATIC_DIR: E2E_STATIC_DIR,
    },
  },
});
