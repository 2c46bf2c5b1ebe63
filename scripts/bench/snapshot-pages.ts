import type { Page } from './table';

// The pages the benchmark loads, chosen from the public JSON interface as a reader would find them:
// the home page, the newest issue, and its second case (the first is often the shortest).

export type PagePaths = Record<Page, string>;

/** The snapshot is crawled from these; a build without them predates static publishing. */
export const SNAPSHOT_ROUTES = ['/api/public/manifest'] as const;

export async function findPages(origin: URL): Promise<PagePaths> {
  const read = async <T>(p: string): Promise<T> => {
    const res = await fetch(new URL(p, origin));
    if (!res.ok) throw new Error(`${p} 应答 HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const { issues } = await read<{ issues: { number: number }[] }>('/api/public/issues');
  const newest = Math.max(...issues.map((i) => i.number));
  if (!Number.isFinite(newest)) throw new Error('公众网站上没有已发布的期刊，无法选择要测的页面。');
  const { cases } = await read<{ cases: { id: number }[] }>(`/api/public/issues/${newest}`);
  const one = cases[1] ?? cases[0];
  if (!one) throw new Error(`第${newest}期没有案例，无法选择要测的案例页。`);
  return { home: '/', issue: `/issues/${newest}`, case: `/cases/${one.id}` };
}
