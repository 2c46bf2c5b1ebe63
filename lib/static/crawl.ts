import { publicationStateSchema, siteManifestSchema, SITE_MANIFEST_PATH, type PublicationState, type SiteManifest } from './site-manifest';

// Fetching the app's own responses. Node's fetch keeps connections alive by default, so a run of
// thousands of pages reuses a few sockets; the number in flight is bounded so the app keeps
// serving readers while it is crawled.

/** A failure the admin and the command show as it is: the message says what went wrong, in Chinese. */
export class SnapshotError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SnapshotError';
  }
}

export interface Fetched {
  status: number;
  location: string | null;
  contentType: string;
  body: Uint8Array;
}

export const FETCH_TIMEOUT_MS = 60_000;
const USER_AGENT = 'Casebook-Static-Snapshot/1';

/** Why a connection failed, in words an operator can act on. */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `超过 ${FETCH_TIMEOUT_MS / 1000} 秒没有响应`;
  if (code === 'ECONNREFUSED') return '连接被拒绝（应用没有在这个地址运行？）';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到这个主机名';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return '连接被对方中断';
  return cause instanceof Error ? cause.message : String(cause);
}

/** GET one path from the app without following redirects (a redirect is written as one). */
export async function fetchFromApp(sourceUrl: string, pathname: string): Promise<Fetched> {
  const url = new URL(pathname, `${sourceUrl.replace(/\/+$/u, '')}/`);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', headers: { 'User-Agent': USER_AGENT, Accept: '*/*' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new SnapshotError(`无法从 ${url.origin} 读取 ${pathname}：${describeNetworkError(error)}`, { cause: error });
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new SnapshotError(`读取 ${pathname} 的内容时中断：${describeNetworkError(error)}`, { cause: error });
  }
  return { status: response.status, location: response.headers.get('location'), contentType: response.headers.get('content-type') ?? '', body };
}

/** A JSON answer from the app: the parsed body of a 200, else null (the caller says what it expected). */
export async function fetchJsonFromApp(sourceUrl: string, pathname: string): Promise<{ status: number; json: unknown }> {
  const res = await fetchFromApp(sourceUrl, pathname);
  if (res.status !== 200) return { status: res.status, json: null };
  try {
    return { status: res.status, json: JSON.parse(new TextDecoder().decode(res.body)) as unknown };
  } catch {
    return { status: res.status, json: null };
  }
}

/** The items in runs of at most `size`, in order: the batch addresses take a hundred ids to a request. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/**
 * Runs `work` on every item, at most `limit` at a time. The first failure stops new work from
 * starting and is what the returned promise rejects with, once the work in flight has settled.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/** The app's list of public URLs and their fingerprints. */
export async function loadSiteManifest(sourceUrl: string): Promise<SiteManifest> {
  const res = await fetchFromApp(sourceUrl, SITE_MANIFEST_PATH);
  if (res.status !== 200) throw new SnapshotError(`${sourceUrl} 的页面清单（${SITE_MANIFEST_PATH}）返回 HTTP ${res.status}：这个地址上运行的是本版本的 Casebook 吗？`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(res.body));
  } catch {
    throw new SnapshotError(`${sourceUrl} 的页面清单不是 JSON。`);
  }
  const parsed = siteManifestSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotError(`${sourceUrl} 的页面清单格式不对：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Whether anything was published since a manifest was read (a small answer, for the end of a pass). */
export async function loadPublicationState(sourceUrl: string): Promise<PublicationState> {
  const { status, json } = await fetchJsonFromApp(sourceUrl, `${SITE_MANIFEST_PATH}?only=publication`);
  const parsed = publicationStateSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotError(`${sourceUrl} 没有回答发布状态（${SITE_MANIFEST_PATH}?only=publication，HTTP ${status}）。`);
  return parsed.data;
}
