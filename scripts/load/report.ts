import type { ReaderFindings } from './readers';
import type { Stats } from './stats';
import type { Check } from './verify';

// The printed result: one table of routes, then the findings and the database checks.

const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);

export function printRoutes(stats: Stats, seconds: number, heading = '路由'): void {
  console.log(`\n| ${heading} | 请求 | 每秒 | 成功 | 预期的404/冲突 | 错误 | p50 (ms) | p99 (ms) | 最大 (ms) |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of stats.rows().sort((a, b) => a.route.localeCompare(b.route, 'zh-CN'))) {
    console.log(`| ${r.route} | ${r.requests} | ${(r.requests / seconds).toFixed(1)} | ${r.ok} | ${r.expected} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`);
  }
  if (heading !== '路由') return;
  const t = stats.totals();
  console.log(`\n合计：${t.requests} 个请求，${(t.requests / seconds).toFixed(0)} 个/秒；错误 ${t.errors}；预期的 404 和冲突拒绝 ${t.expected}。`);
  if (stats.errorSamples.length) console.log(`错误示例：\n  ${stats.errorSamples.join('\n  ')}`);
}

export function findingChecks(findings: ReaderFindings, errors: number, cycles: number): Check[] {
  return [
    { name: '错误为 0（非 2xx/3xx、超时、场景没有预期的拒绝；预期的 404 和冲突拒绝除外）', pass: errors === 0, detail: `错误 ${errors}` },
    {
      name: '公众响应中从未出现草稿标记',
      pass: findings.leaks.length === 0,
      detail: `含标记的响应 ${findings.leaks.length}${findings.leaks.length ? `，例如 ${findings.leaks[0]!.path}：…${findings.leaks[0]!.excerpt}…` : ''}`,
    },
    {
      name: '扫描有效：读者确实读到了对照期的公开文字',
      pass: findings.sentinelSeen > 0,
      detail: `含对照文字的响应 ${findings.sentinelSeen}`,
    },
    {
      name: '撤回发布确认之后，公众网站不再出现对照期的文字',
      pass: findings.staleAfterUnpublish.length === 0,
      detail: `发布/撤回 ${cycles} 轮；撤回后仍可见 ${findings.staleAfterUnpublish.length} 次${findings.staleAfterUnpublish.length ? `，例如 ${findings.staleAfterUnpublish.slice(0, 3).join('；')}` : ''}`,
    },
    {
      name: '发布确认之后，对照期的页面都能打开',
      pass: findings.missingWhilePublished.length === 0,
      detail: `发布期间 404 ${findings.missingWhilePublished.length} 次${findings.missingWhilePublished.length ? `，例如 ${findings.missingWhilePublished.slice(0, 3).join('；')}` : ''}`,
    },
  ];
}

export function printChecks(checks: Check[]): boolean {
  console.log('\n| 检查 | 结果 | 数据 |');
  console.log('| --- | --- | --- |');
  for (const c of checks) console.log(`| ${c.name} | ${c.pass ? '通过' : '**未通过**'} | ${c.detail.replaceAll('|', '｜')} |`);
  return checks.every((c) => c.pass);
}
