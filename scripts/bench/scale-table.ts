// The printed result of npm run bench:static -- --scale: generation times per corpus size, with the
// issue's two targets as figures.

export const SCALE_TARGETS = { fullMsAt10k: 120_000, reflectedMs: 10_000 } as const;

/** A corpus to time: the demo content alone, or that many published cases in all. */
export type ScaleSize = 'demo' | number;

/** --sizes demo,1000,10000 */
export function parseSizes(text: string): ScaleSize[] {
  return text.split(',').map((part) => {
    const t = part.trim();
    if (t === 'demo') return 'demo';
    const n = Number(t.replaceAll('_', ''));
    if (!/^[\d_]+$/u.test(t) || !Number.isInteger(n) || n < 100 || n > 200_000) throw new Error(`--sizes 的每一项应为 demo 或 100 到 200000 的整数，而不是“${t}”`);
    return n;
  });
}

export interface Incremental {
  ms: number | null;
  fetched: number | null;
  reused: number | null;
  removed: number | null;
}

export interface ScaleRow {
  label: string;
  /** Published cases before the measured publish. */
  cases: number;
  seedMs: number;
  urls: number;
  fullMs: number;
  /** From sending 发布 until the current snapshot holds the issue and all its case pages; null when it never did. */
  reflectedMs: number | null;
  /** The background regeneration that publish caused, as its status file reports it. */
  incremental: Incremental | null;
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} 秒`);
const n = (x: number | null) => (x === null ? '—' : x.toLocaleString('zh-CN'));

export function formatScaleTable(rows: readonly ScaleRow[]): string {
  const lines = [
    '| 内容 | 已发布案例 | 快照地址数 | 写入样本数据 | 全量生成 | 发布一期后反映到快照 | 其中后台增量生成 | 增量：重新抓取 / 复用 / 删除 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const inc = r.incremental;
    lines.push(
      `| ${r.label} | ${n(r.cases)} | ${n(r.urls)} | ${seconds(r.seedMs)} | ${seconds(r.fullMs)} | ${r.reflectedMs === null ? '未反映' : seconds(r.reflectedMs)} | ${seconds(inc?.ms ?? null)} | ${inc ? `${n(inc.fetched)} / ${n(inc.reused)} / ${n(inc.removed)}` : '—'} |`,
    );
  }
  return lines.join('\n');
}

/** One line per target; the full-generation target applies from 10,000 published cases up. */
export function formatScaleTargets(rows: readonly ScaleRow[]): string {
  const lines: string[] = [];
  const large = rows.filter((r) => r.cases >= 10_000);
  if (large.length === 0) lines.push(`10,000 个案例全量生成 < ${SCALE_TARGETS.fullMsAt10k / 60_000} 分钟：本次没有测 10,000 个案例。`);
  for (const r of large) {
    lines.push(`${r.label}全量生成 ${seconds(r.fullMs)}（目标 < ${SCALE_TARGETS.fullMsAt10k / 60_000} 分钟）——${r.fullMs < SCALE_TARGETS.fullMsAt10k ? '达到' : '未达到'}`);
  }
  for (const r of rows) {
    const holds = r.reflectedMs !== null && r.reflectedMs < SCALE_TARGETS.reflectedMs;
    lines.push(`${r.label}发布一期后 ${r.reflectedMs === null ? '没有' : `${seconds(r.reflectedMs)}`}反映到快照（目标 < ${SCALE_TARGETS.reflectedMs / 1000} 秒）——${holds ? '达到' : '未达到'}`);
  }
  return lines.join('\n');
}
