import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { ProvinceGrid } from '@/components/site/province-grid';
import { provinceName } from '@/lib/public/format';
import { getProvinceCounts } from '@/lib/public/read-model';
import { paths } from '@/lib/public/urls';
import { listProvinces } from '@/lib/regions';

export const metadata: Metadata = {
  title: '按地区浏览',
  description: '各省、自治区、直辖市已发布的新型城镇化典型做法案例。',
  alternates: { canonical: paths.regions() },
  openGraph: { type: 'website', title: '按地区浏览', url: paths.regions() },
};

export default async function RegionsPage() {
  const counts = new Map((await getProvinceCounts()).map((p) => [p.code, p.count]));
  const provinces = listProvinces();
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '地区' }]} />
      <h1>按地区浏览</h1>
      <p className="muted">方块图中每块代表一个省级行政区，颜色越深案例越多；城市群案例计入其涉及的每个省份。</p>
      <div className="regions-layout">
        <div>
          <ProvinceGrid counts={counts} />
          <p className="legend" aria-hidden="true">
            少 <span className="shade-1" />
            <span className="shade-2" />
            <span className="shade-3" />
            <span className="shade-4" /> 多
          </p>
        </div>
        <table className="province-table">
          <caption className="visually-hidden">各省份案例数（共{total}个省份条目）</caption>
          <thead>
            <tr>
              <th scope="col">省份</th>
              <th scope="col" className="num">
                案例数
              </th>
            </tr>
          </thead>
          <tbody>
            {provinces.map((p) => {
              const n = counts.get(p.code) ?? 0;
              return (
                <tr key={p.code}>
                  <td>{n > 0 ? <a href={paths.province(p.code)}>{provinceName(p.code)}</a> : <span className="muted">{provinceName(p.code)}</span>}</td>
                  <td className="num">{n}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
