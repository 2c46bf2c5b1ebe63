// The printed result of npm run bench:static: one table of every server and page, each row's
// requests/s as a share of the minimal server's for the same page, and the target as a figure.

export const SERVERS = ['next', 'nginx', 'memory'] as const;
export type Server = (typeof SERVERS)[number];
export const SERVER_LABELS: Record<Server, string> = {
  next: 'Next.js（应用，缓存页）',
  nginx: 'nginx（静态快照）',
  memory: '最小静态服务器（内存）',
};

export const PAGES = ['home', 'issue', 'case'] as const;
export type Page = (typeof PAGES)[number];
export const PAGE_LABELS: Record<Page, string> = { home: '首页', issue: '期刊页', case: '案例页' };

/** The target of the static-publishing issue: the snapshot's page against the minimal server's. */
export const TARGET = { shareOfMinimal: 0.9, p99Ms: 20 } as const;

export interface BenchRow {
  server: Server;
  page: Page;
  path: string;
  rps: number;
  p99: number;
  /** Body bytes as the load generator receives them (no compression). */
  bytes: number;
  /** Body bytes with gzip, where the server compresses. */
  gzipBytes: number | null;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function share(row: BenchRow, rows: readonly BenchRow[]): number | null {
  const memory = rows.find((r) => r.server === 'memory' && r.page === row.page);
  return memory && memory.rps > 0 ? row.rps / memory.rps : null;
}

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);

export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| 页面 | 服务器 | 请求/秒 | p99 (ms) | 占最小服务器 | 字节/页 | gzip 后 | 错误 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const page of PAGES) {
    for (const server of SERVERS) {
      const r = rows.find((x) => x.page === page && x.server === server);
      if (!r) continue;
      lines.push(
        `| ${PAGE_LABELS[page]} ${r.path} | ${SERVER_LABELS[server]} | ${r.rps.toFixed(0)} | ${r.p99} | ${percent(share(r, rows))} | ${kb(r.bytes)} | ${r.gzipBytes === null ? '—' : kb(r.gzipBytes)} | ${r.errors} |`,
      );
    }
  }
  return lines.join('\n');
}

export interface Verdict {
  page: Page;
  share: number | null;
  p99: number | null;
  holds: boolean;
}

/** Per page: does nginx reach the share of the minimal server's requests/s and the p99, without errors? */
export function verdicts(rows: readonly BenchRow[]): Verdict[] {
  return PAGES.flatMap((page) => {
    const nginx = rows.find((r) => r.server === 'nginx' && r.page === page);
    if (!nginx) return [];
    const s = share(nginx, rows);
    const holds = s !== null && s >= TARGET.shareOfMinimal && nginx.p99 < TARGET.p99Ms && nginx.errors === 0;
    return [{ page, share: s, p99: nginx.p99, holds }];
  });
}

export function formatVerdicts(list: readonly Verdict[]): string {
  return list
    .map(
      (v) =>
        `${PAGE_LABELS[v.page]}：nginx 为最小服务器的 ${percent(v.share)}（目标 ≥ ${TARGET.shareOfMinimal * 100}%），p99 ${v.p99} ms（目标 < ${TARGET.p99Ms} ms）——${v.holds ? '达到' : '未达到'}`,
    )
    .join('\n');
}
