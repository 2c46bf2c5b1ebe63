// Per-route counts and latencies. Outcomes: ok (2xx/3xx), expected (a deliberate 404 or a conflict
// refusal the scenario provokes), error (everything else, including timeouts and resets).

import { percentile } from '../bench/measure';

export type Outcome = 'ok' | 'expected' | 'error';

interface RouteStats {
  ms: number[];
  ok: number;
  expected: number;
  errors: number;
}

export interface RouteRow {
  route: string;
  requests: number;
  ok: number;
  expected: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

const MAX_ERROR_SAMPLES = 20;


export class Stats {
  private readonly routes = new Map<string, RouteStats>();
  readonly errorSamples: string[] = [];

  record(route: string, ms: number, outcome: Outcome, detail?: string): void {
    let s = this.routes.get(route);
    if (!s) this.routes.set(route, (s = { ms: [], ok: 0, expected: 0, errors: 0 }));
    s.ms.push(ms);
    if (outcome === 'ok') s.ok++;
    else if (outcome === 'expected') s.expected++;
    else {
      s.errors++;
      if (detail && this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push(`${route}：${detail}`);
    }
  }

  rows(): RouteRow[] {
    return [...this.routes].map(([route, s]) => {
      const sorted = [...s.ms].sort((a, b) => a - b);
      return {
        route,
        requests: s.ms.length,
        ok: s.ok,
        expected: s.expected,
        errors: s.errors,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
      };
    });
  }

  totals(): { requests: number; errors: number; expected: number } {
    const rows = this.rows();
    return {
      requests: rows.reduce((n, r) => n + r.requests, 0),
      errors: rows.reduce((n, r) => n + r.errors, 0),
      expected: rows.reduce((n, r) => n + r.expected, 0),
    };
  }
}
