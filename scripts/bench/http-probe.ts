import http from 'node:http';

// Single requests around the load runs: waiting for a server to listen, and reading one page
// exactly as the load generator receives it (no Accept-Encoding) and as a browser does (gzip).

export interface Fetched {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

export function get(url: URL, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`请求超时：${url.href}`)));
    req.on('error', reject);
  });
}

/** Polls origin until it answers 2xx, for up to timeoutMs; stops early when gone() says the process died. */
export async function waitForOk(origin: URL, gone: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (gone()) throw new Error('进程已退出');
    try {
      const reply = await get(origin);
      if (reply.status >= 200 && reply.status < 300) return;
      last = `HTTP ${reply.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${origin.href} 在 ${timeoutMs / 1000} 秒内没有正常应答（${last}）`);
}

/** The page's body as sent without compression, and how many bytes it takes with gzip where the server compresses. */
export async function pageSizes(url: URL): Promise<Fetched & { gzipBytes: number | null }> {
  const plain = await get(url);
  const gzip = await get(url, { 'accept-encoding': 'gzip' });
  const compressed = gzip.headers['content-encoding'] === 'gzip';
  return { ...plain, gzipBytes: compressed ? gzip.body.length : null };
}
