import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CookieJar, HttpClient, type Reply } from './http';

// Server Actions called the way the browser calls them: POST to a page that hosts the action, with
// the build's action id in the Next-Action header and the arguments as a JSON array. The ids change
// with every build, so they are read from the build's server reference manifest.

export const ACTION_NAMES = [
  'saveCaseAction',
  'submitCaseAction',
  'withdrawCaseAction',
  'commentAction',
  'publishIssueAction',
  'unpublishIssueAction',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export interface ActionRef {
  id: string;
  /** The page that hosts the action, e.g. /admin/cases/[id]. */
  page: string;
}

const manifestSchema = z.object({
  node: z.record(z.string(), z.object({ workers: z.record(z.string(), z.unknown()), exportedName: z.string().optional() })),
});

/** app/(admin)/admin/cases/[id]/page → /admin/cases/[id] */
function pageOf(worker: string): string {
  return worker
    .replace(/^app/, '')
    .replace(/\/\([^/]+\)/g, '')
    .replace(/\/page$/, '');
}

export function readActionIds(distDir: string): Record<ActionName, ActionRef> {
  const file = path.join(distDir, 'server', 'server-reference-manifest.json');
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const found = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers).find((w) => w.includes('[id]')) ?? Object.keys(entry.workers)[0];
    if (entry.exportedName && worker) found.set(entry.exportedName, { id, page: pageOf(worker) });
  }
  const out = {} as Record<ActionName, ActionRef>;
  for (const name of ACTION_NAMES) {
    const ref = found.get(name);
    if (!ref) throw new Error(`构建 ${distDir} 中没有找到 Server Action ${name}：请重新构建。`);
    out[name] = ref;
  }
  return out;
}

const resultSchema = z.union([
  z.object({ ok: z.literal(true), message: z.string().optional(), version: z.number().optional(), status: z.string().optional() }),
  z.object({
    ok: z.literal(false),
    message: z.string(),
    conflict: z.object({ currentVersion: z.number() }).optional(),
  }),
]);
export type ActionResult = z.infer<typeof resultSchema>;

/**
 * The action's return value from the Flight response: row 0 names the row holding it ("a":"$@N").
 * Rows are `<hex id>:<json>` lines; JSON rows never contain a raw newline.
 */
export function parseActionResult(body: string): ActionResult | null {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && /^[0-9a-f]+$/.test(line.slice(0, colon))) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    const ref = typeof root?.a === 'string' && root.a.startsWith('$@') ? root.a.slice(2) : null;
    const raw = ref === null ? undefined : rows.get(ref);
    const parsed = resultSchema.safeParse(raw === undefined ? null : JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function callAction(
  client: HttpClient,
  jar: CookieJar,
  ref: ActionRef,
  param: number,
  args: unknown,
): Promise<{ reply: Reply; result: ActionResult | null }> {
  const pagePath = ref.page.replace('[id]', String(param));
  const reply = await client.request(pagePath, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': ref.id,
      origin: client.origin.origin,
      cookie: jar.header(),
    },
    body: JSON.stringify([args]),
  });
  jar.store(reply.headers);
  return { reply, result: reply.status === 200 ? parseActionResult(reply.body) : null };
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signIn(client: HttpClient, email: string, password: string): Promise<{ jar: CookieJar; ms: number; ok: boolean; detail: string }> {
  const jar = new CookieJar();
  const csrf = await client.request('/api/auth/csrf');
  jar.store(csrf.headers);
  const token = (JSON.parse(csrf.body) as { csrfToken?: string }).csrfToken ?? '';
  const form = new URLSearchParams({ csrfToken: token, email, password, callbackUrl: '/admin', json: 'true' });
  const reply = await client.request('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin: client.origin.origin },
    body: form.toString(),
  });
  jar.store(reply.headers);
  const ok = jar.has((name) => name.endsWith('session-token'));
  return { jar, ms: csrf.ms + reply.ms, ok, detail: `HTTP ${reply.status} ${reply.body.slice(0, 200)}` };
}
