import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

// The security headers as the production server sends them (proxy.ts). The test server's site
// address is http://127.0.0.1, so no HSTS is expected here; the https case is unit-tested.

/** The CSP as a map from directive to its sources. */
function csp(response: APIResponse | { headers(): Record<string, string> }): Map<string, string[]> {
  const value = response.headers()['content-security-policy'] ?? '';
  return new Map(
    value
      .split(';')
      .map((d) => d.trim().split(/\s+/u))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** Collects every Content Security Policy violation the page reports, from the console and the DOM event. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  // Init scripts are injected by the browser's debugging protocol, so the page's CSP does not block them.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test('public pages may be cached: a CSP without a nonce that forbids framing by other sites', async ({ request }) => {
  const home = await request.get('/');
  const caseId = /href="\/cases\/(\d+)"/u.exec(await home.text())?.[1];
  expect(caseId).toBeTruthy();
  for (const path of ['/', `/cases/${caseId}`]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const policy = csp(response);
    expect(response.headers()['content-security-policy']).not.toContain('nonce-');
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN');
    expectCommonHeaders(response.headers());
  }
});

test('every response carries nosniff and the referrer policy, including the API and static files', async ({ request }) => {
  for (const path of ['/api/public/issues', '/favicon.svg', '/robots.txt']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expectCommonHeaders(response.headers());
  }
});

test('the sign-in page and the admin run only nonced scripts, cannot be framed, and report no CSP violation', async ({ page }) => {
  const violations = watchViolations(page);
  const signInPage = await page.goto('/sign-in');
  const signInPolicy = csp(signInPage!);
  expect(signInPolicy.get('script-src')?.some((s) => s.startsWith("'nonce-"))).toBe(true);
  expect(signInPolicy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(signInPolicy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(signInPage!.headers()['x-frame-options']).toBe('DENY');

  // Signing in runs the form's client script: with its scripts blocked the page could not leave /sign-in.
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin/u);
  const admin = await page.goto('/admin');
  expect(admin!.status()).toBe(200);
  const policy = csp(admin!);
  const nonces = policy.get('script-src')?.filter((s) => s.startsWith("'nonce-")) ?? [];
  expect(nonces).toHaveLength(1);
  expect(nonces[0]).not.toBe(signInPolicy.get('script-src')?.find((s) => s.startsWith("'nonce-")));
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(admin!.headers()['x-frame-options']).toBe('DENY');
  expectCommonHeaders(admin!.headers());

  // A client-side navigation inside the admin loads more of Next's scripts under the same policy.
  await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '案例', exact: true }).click();
  await page.waitForURL(/\/admin\/cases/u);
  await page.waitForLoadState('networkidle');
  // Every screen with a form builds its zod schemas in the browser: none may need eval.
  await page.getByRole('link', { name: /新建案例/u }).first().click();
  await page.waitForURL(/\/admin\/cases\/new/u);
  await page.waitForLoadState('networkidle');
  for (const path of ['/admin/issues', '/admin/import', '/admin/accounts', '/admin/audit', '/admin/account']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});

test('production refuses to start without AUTH_SECRET: the process exits with the reason', async () => {
  test.setTimeout(90_000);
  const dataDir = path.join('.data', `e2e-startup-${process.pid}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', CASEBOOK_DATA_DIR: dataDir, CASEBOOK_SITE_URL: 'http://127.0.0.1' };
  delete env.AUTH_SECRET;
  delete env.NEXTAUTH_SECRET;
  const port = String(Number(process.env.E2E_STARTUP_PORT ?? 3119));
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', port, '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    // Still running after a minute means it went on serving errors: the failure this test is about.
    let timer: NodeJS.Timeout | undefined;
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      timer = setTimeout(() => resolve(null), 60_000);
    });
    clearTimeout(timer);
    expect(stderr).toContain('缺少 AUTH_SECRET');
    expect(code).toBe(1);
  } finally {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
