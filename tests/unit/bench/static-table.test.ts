import { describe, expect, it } from 'vitest';
import { formatTable, formatVerdicts, verdicts, type BenchRow, type Page, type Server } from '@/scripts/bench/table';

// npm run bench:static prints the snapshot's requests/s as a share of the minimal server's for the
// same page and says whether the target holds; these are the figures it reports.

const row = (server: Server, page: Page, rps: number, p99: number, errors = 0): BenchRow => ({
  server,
  page,
  path: page === 'home' ? '/' : page === 'issue' ? '/issues/3' : '/cases/12',
  rps,
  p99,
  bytes: 14_336,
  gzipBytes: server === 'memory' ? null : 4_096,
  errors,
});

describe('the static benchmark verdict', () => {
  it('holds for a page when nginx reaches 90% of the minimal server with p99 under 20 ms and no errors', () => {
    const rows = [row('memory', 'case', 6000, 18), row('nginx', 'case', 5400, 19), row('next', 'case', 650, 160)];
    expect(verdicts(rows)).toEqual([{ page: 'case', share: 0.9, p99: 19, holds: true }]);
  });

  it('fails just below the share, at a p99 of 20 ms, or with any error answer', () => {
    const memory = row('memory', 'case', 6000, 10);
    expect(verdicts([memory, row('nginx', 'case', 5399, 10)])[0]!.holds).toBe(false);
    expect(verdicts([memory, row('nginx', 'case', 6000, 20)])[0]!.holds).toBe(false);
    expect(verdicts([memory, row('nginx', 'case', 6000, 10, 3)])[0]!.holds).toBe(false);
  });

  it('compares each page with the minimal server on the same page, not another page', () => {
    const rows = [row('memory', 'home', 9000, 5), row('memory', 'issue', 3000, 5), row('nginx', 'home', 8100, 5), row('nginx', 'issue', 2900, 5)];
    expect(verdicts(rows).map((v) => [v.page, v.holds])).toEqual([
      ['home', true],
      ['issue', true],
    ]);
  });

  it('does not claim the target without a minimal-server figure to compare with', () => {
    expect(verdicts([row('nginx', 'case', 6000, 5)])).toEqual([{ page: 'case', share: null, p99: 5, holds: false }]);
  });

  it('says it in one line per page, with the measured figures and the target', () => {
    const text = formatVerdicts(verdicts([row('memory', 'case', 6000, 18), row('nginx', 'case', 5000, 12)]));
    expect(text).toBe('案例页：nginx 为最小服务器的 83%（目标 ≥ 90%），p99 12 ms（目标 < 20 ms）——未达到');
  });
});

describe('the static benchmark table', () => {
  it('lists pages in reading order and servers within each, with the share of the minimal server', () => {
    const rows = [row('next', 'case', 600, 150), row('nginx', 'case', 5700, 12), row('memory', 'case', 6000, 11), row('memory', 'home', 8000, 8), row('nginx', 'home', 7600, 9)];
    const lines = formatTable(rows).split('\n').slice(2);
    expect(lines).toEqual([
      '| 首页 / | nginx（静态快照） | 7600 | 9 | 95% | 14.0 KB | 4.0 KB | 0 |',
      '| 首页 / | 最小静态服务器（内存） | 8000 | 8 | 100% | 14.0 KB | — | 0 |',
      '| 案例页 /cases/12 | Next.js（应用，缓存页） | 600 | 150 | 10% | 14.0 KB | 4.0 KB | 0 |',
      '| 案例页 /cases/12 | nginx（静态快照） | 5700 | 12 | 95% | 14.0 KB | 4.0 KB | 0 |',
      '| 案例页 /cases/12 | 最小静态服务器（内存） | 6000 | 11 | 100% | 14.0 KB | — | 0 |',
    ]);
  });
});
