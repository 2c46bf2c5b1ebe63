import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { CasesTable } from '@/components/admin/cases-table/cases-table';
import { caseFilterOptions, listCasesPage } from '@/lib/admin/case-list';
import { parseCaseTableState, serializeCaseTableState } from '@/lib/admin/case-table-state';
import { requirePageActor } from '@/lib/admin/session';
import { THEME_NAMES } from '@/lib/content/themes';
import { listProvinces } from '@/lib/regions';
import { can } from '@/lib/workflow';

export const metadata: Metadata = { title: '案例' };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const state = parseCaseTableState(await searchParams);
  const actor = await requirePageActor(`/admin/cases?${serializeCaseTableState(state)}`);
  const db = await getDb();
  const [page, options] = await Promise.all([listCasesPage(db, actor, state), caseFilterOptions(db)]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>案例</h1>
          <p className="sub">筛选、排序和分页都在服务器完成；地址栏保存当前视图，可收藏或分享。</p>
        </div>
        {can(actor.role, 'case.create') ? (
          <div className="actions">
            <Link className="btn" href="/admin/import">
              导入
            </Link>
            <Link className="btn btn-primary" href="/admin/cases/new">
              新建案例
            </Link>
          </div>
        ) : null}
      </div>
      <CasesTable
        state={state}
        page={page}
        issues={options.issues}
        users={options.users}
        provinces={listProvinces()}
        themes={[...THEME_NAMES]}
        permissions={{ submit: can(actor.role, 'case.submit'), arrange: can(actor.role, 'issue.arrange') }}
      />
    </>
  );
}
