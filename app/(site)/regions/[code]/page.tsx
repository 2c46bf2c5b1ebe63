import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { CaseList } from '@/components/site/case-list';
import { NotFoundPage, notFoundMetadata } from '@/components/site/not-found-page';
import { provinceName } from '@/lib/public/format';
import { getProvinceCases } from '@/lib/public/read-model';
import { paths } from '@/lib/public/urls';
import { listProvinces } from '@/lib/regions';

type Props = { params: Promise<{ code: string }> };

export function generateStaticParams(): { code: string }[] {
  return [];
}

function isProvince(code: string): boolean {
  return listProvinces().some((p) => p.code === code);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  if (!isProvince(code)) return notFoundMetadata;
  const title = `${provinceName(code)}的案例`;
  return { title, description: `${provinceName(code)}已发布的新型城镇化典型做法案例。`, alternates: { canonical: paths.province(code) }, openGraph: { title, url: paths.province(code) } };
}

export default async function ProvincePage({ params }: Props) {
  const { code } = await params;
  if (!isProvince(code)) return <NotFoundPage />;
  const cases = await getProvinceCases(code);
  return (
    <>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { href: paths.regions(), label: '地区' }, { label: provinceName(code) }]} />
      <h1>{provinceName(code)}</h1>
      <p className="muted">
        共{cases.length}个案例，包括省内各市、县（区）、乡镇的案例，以及涉及本省的城市群案例。
        <a href={paths.search({ province: code })}>在本省案例中检索</a>
      </p>
      <CaseList cases={cases} withIssue />
    </>
  );
}
