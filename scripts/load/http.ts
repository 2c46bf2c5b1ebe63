import http from 'node:http';
import zlib from 'node:zlib';

// A small HTTP/1.1 client on keep-alive sockets: the load needs every body (to scan it) and every
// latency, and must not spend the shared cores on a heavier client.

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** A browser waits minutes for an answer; a request is abandoned (and counted as an error) only after this. */
let defaultTimeoutMs = 120_000;
export function setRequestTimeout(ms: number): void {
  defaultTimeoutMs = ms;
}

export class HttpClient {
  constructor(
    readonly origin: URL,
    private readonly agent: http.Agent,
  ) {}

  request(path: string, options: RequestOptions = {}): Promise<Reply> {
    const started = performance.now();
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.origin.hostname,
          port: this.origin.port,
          path,
          method: options.method ?? 'GET',
          agent: this.agent,
          headers: { 'accept-encoding': 'gzip', ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          const stream = res.headers['content-encoding'] === 'gzip' ? res.pipe(zlib.createGunzip()) : res;
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
          );
        },
      );
      req.setTimeout(options.timeoutMs ?? defaultTimeoutMs, () => req.destroy(new Error(`请求超时：${path}`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** The cookies of one signed-in browser. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(headers: http.IncomingHttpHeaders): void {
    for (const line of headers['set-cookie'] ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  has(predicate: (name: string) => boolean): boolean {
    return [...this.cookies.keys()].some(predicate);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
