import { MARKER_FORMS, PUBLIC_SENTINEL, DRAFT_ONLY_WORD } from './content';
import type { HttpClient } from './http';
import type { Plan } from './setup';
import type { Stats } from './stats';
import { SETTLE_MS, type PublicationLog } from './publication-log';

// Public readers: each loop reads one page after another across the site, the search and the JSON
// interface, and scans every body for a draft marker. The pages of the issue the reviewer keeps
// publishing and unpublishing may answer 404 (deliberately); a made-up case always does.

interface ReaderRoute {
  label: string;
  path: string;
  /** toggled: follows the publish/unpublish cycle; missing: never exists. */
  kind: 'stable' | 'toggled' | 'missing';
}

export interface Leak {
  path: string;
  excerpt: string;
}

export interface ReaderFindings {
  leaks: Leak[];
  /** Responses that showed the toggled issue's text: the scan's positive control. */
  sentinelSeen: number;
  /** The toggled issue's text served although the request began after an unpublish was acknowledged and ended before the next publish was asked for. */
  staleAfterUnpublish: string[];
  /** 404 for a toggled page although the request lay wholly inside a window in which the issue was published. */
  missingWhilePublished: string[];
}

const q = (s: string) => encodeURIComponent(s);

/** Readers' latencies split by whether the public cache was just dropped by a publish or unpublish. */
export const PHASE_NEAR_CHANGE = `发布或撤回进行中及之后 ${SETTLE_MS / 1000} 秒内`;
export const PHASE_STEADY = '其余时间';

export function readerRoutes(plan: Plan): ReaderRoute[] {
  const stable = (label: string, path: string): ReaderRoute => ({ label, path, kind: 'stable' });
  const toggled = (label: string, path: string): ReaderRoute => ({ label, path, kind: 'toggled' });
  const routes: ReaderRoute[] = [
    stable('首页 /', '/'),
    stable('地区 /regions', '/regions'),
    stable('地区 /regions/CODE', '/regions/440000'),
    stable('主题 /themes', '/themes'),
    stable('订阅 /feed.xml', '/feed.xml'),
    stable('站点地图 /sitemap.xml', '/sitemap.xml'),
    stable('接口 /api/public/issues', '/api/public/issues'),
    { label: '不存在的案例（404）', path: '/cases/2000000000', kind: 'missing' },
  ];
  for (const n of plan.demo.issueNumbers) routes.push(stable('期刊页 /issues/N', `/issues/${n}`));
  for (const id of plan.demo.caseIds) {
    routes.push(stable('案例页 /cases/ID', `/cases/${id}`));
    routes.push(stable('接口 /api/public/cases/ID', `/api/public/cases/${id}`));
  }
  for (const word of ['住房', '教育', '公积金', '社区养老', DRAFT_ONLY_WORD]) {
    routes.push(stable('检索页 /search', `/search?q=${q(word)}`));
    routes.push(stable('接口 /api/public/search', `/api/public/search?q=${q(word)}`));
  }
  routes.push(toggled('对照期 /issues/N（发布↔撤回）', `/issues/${plan.toggled.number}`));
  routes.push(toggled('对照期接口 /api/public/issues/N', `/api/public/issues/${plan.toggled.number}`));
  for (const id of plan.toggled.caseIds) routes.push(toggled('对照案例 /cases/ID（发布↔撤回）', `/cases/${id}`));
  return routes;
}

/** Where the first draft marker in a body is, in any of its forms; -1 when there is none. */
export function findMarker(body: string): number {
  for (const form of MARKER_FORMS) {
    const at = body.indexOf(form);
    if (at >= 0) return at;
  }
  return -1;
}

export async function runReaders(
  client: HttpClient,
  routes: ReaderRoute[],
  options: { readers: number; deadline: number; maxPerReader: number },
  stats: Stats,
  publication: PublicationLog,
  phases: Stats,
): Promise<ReaderFindings> {
  const findings: ReaderFindings = { leaks: [], sentinelSeen: 0, staleAfterUnpublish: [], missingWhilePublished: [] };
  const reader = async (r: number) => {
    for (let i = 0; i < options.maxPerReader && Date.now() < options.deadline; i++) {
      const route = routes[(r * 7 + i) % routes.length]!;
      const began = Date.now();
      try {
        const reply = await client.request(route.path);
        const ended = Date.now();
        const at = findMarker(reply.body);
        if (at >= 0) findings.leaks.push({ path: route.path, excerpt: reply.body.slice(Math.max(0, at - 60), at + 60) });
        if (reply.body.includes(PUBLIC_SENTINEL)) {
          findings.sentinelSeen++;
          if (publication.surelyUnpublished(began, ended)) findings.staleAfterUnpublish.push(`${route.path} ${new Date(began).toISOString()}`);
        }
        const fine = reply.status >= 200 && reply.status < 400 && route.kind !== 'missing';
        const deliberate404 = reply.status === 404 && route.kind !== 'stable';
        if (reply.status === 404 && route.kind === 'toggled' && publication.surelyPublished(began, ended)) {
          findings.missingWhilePublished.push(`${route.path} ${new Date(began).toISOString()}`);
        }
        const outcome = fine ? 'ok' : deliberate404 ? 'expected' : 'error';
        stats.record(route.label, reply.ms, outcome, `HTTP ${reply.status} ${route.path}`);
        phases.record(publication.nearChange(began) ? PHASE_NEAR_CHANGE : PHASE_STEADY, reply.ms, outcome);
      } catch (error) {
        stats.record(route.label, Date.now() - began, 'error', error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.readers }, (_, r) => reader(r)));
  return findings;
}
