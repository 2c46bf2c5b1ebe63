'use client';
import { functionalUpdate, useTable, type ColumnVisibilityState, type RowSelectionState, type SortingState, type Updater } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { formatCount } from '@/components/admin/format';
import { Button } from '@/components/ui/button';
import type { CaseFilterOptions, CaseListPage } from '@/lib/admin/case-list';
import { CASE_SORT_COLUMNS, HIDEABLE_CASE_COLUMNS, PAGE_SIZES, type CaseSortColumn, type CaseTableState, type HideableCaseColumn, type PageSize } from '@/lib/admin/case-table-state';
import type { ProvinceOption } from '@/lib/regions';
import { BulkBar } from './bulk-bar';
import { CASE_COLUMN_LABELS, caseColumns, caseTableFeatures } from './columns';
import { FilterBar } from './filter-bar';
import { useTableUrl } from './use-table-url';

interface Props {
  state: CaseTableState;
  page: CaseListPage;
  issues: CaseFilterOptions['issues'];
  users: CaseFilterOptions['users'];
  provinces: ProvinceOption[];
  themes: string[];
  permissions: { submit: boolean; arrange: boolean };
}

const isSortColumn = (id: string): id is CaseSortColumn => (CASE_SORT_COLUMNS as readonly string[]).includes(id);

/** The cases table. The server did the filtering, sorting and paging; this renders the page and turns clicks into URLs. */
export function CasesTable({ state, page, issues, users, provinces, themes, permissions }: Props) {
  const { navigate, pending } = useTableUrl(state);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [columnsOpen, setColumnsOpen] = useState(false);
  const columns = useMemo(() => caseColumns(new Map(provinces.map((p) => [p.code, p.shortName]))), [provinces]);
  const sorting = useMemo<SortingState>(() => [{ id: state.sort.column, desc: state.sort.desc }], [state.sort]);
  const columnVisibility = useMemo<ColumnVisibilityState>(() => Object.fromEntries(state.hidden.map((c) => [c, false])), [state.hidden]);
  const pageCount = Math.max(1, Math.ceil(page.total / state.pageSize));

  const table = useTable({
    features: caseTableFeatures,
    columns,
    data: page.rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    rowCount: page.total,
    state: { sorting, columnVisibility, rowSelection, pagination: { pageIndex: state.page - 1, pageSize: state.pageSize } },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      if (next && isSortColumn(next.id)) navigate({ sort: { column: next.id, desc: next.desc } });
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      navigate({ hidden: HIDEABLE_CASE_COLUMNS.filter((c) => next[c] === false) });
    },
  });
  // The version each row last showed, kept across pages: a bulk submit is of the case as the user saw it.
  const seenVersions = useRef(new Map<number, number>());
  for (const row of page.rows) seenVersions.current.set(row.id, row.version);
  const selected = Object.keys(rowSelection)
    .filter((id) => rowSelection[id])
    .map(Number)
    .flatMap((caseId) => {
      const baseVersion = seenVersions.current.get(caseId);
      return baseVersion === undefined ? [] : [{ caseId, baseVersion }];
    });
  const from = page.total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const to = Math.min(state.page * state.pageSize, page.total);

  return (
    <>
      <FilterBar state={state} issues={issues} users={users} provinces={provinces} themes={themes} navigate={navigate} />
      <BulkBar selected={selected} issues={issues} permissions={permissions} onDone={() => setRowSelection({})} />
      <div className="a-pager">
        <div role="status" aria-live="polite">
          {pending ? '正在加载…' : page.capped ? `超过 ${formatCount(page.total)} 个案例，请缩小范围` : `共 ${formatCount(page.total)} 个案例`}
          {page.total > 0 && !pending ? `，显示第 ${formatCount(from)}–${formatCount(to)} 个` : ''}
        </div>
        <div className="columns-menu">
          <Button size="sm" aria-expanded={columnsOpen} aria-controls="case-columns" onClick={() => setColumnsOpen(!columnsOpen)}>
            显示列
          </Button>
          {columnsOpen ? (
            <div id="case-columns" role="group" aria-label="显示哪些列">
              {table.getAllLeafColumns().filter((c) => c.getCanHide()).map((column) => (
                <label key={column.id}>
                  <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                  {CASE_COLUMN_LABELS[column.id as HideableCaseColumn]}
                </label>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      <div className="table-wrap" aria-busy={pending}>
        <table className="data-table">
          <caption className="sr-only">案例列表，{CASE_COLUMN_LABELS[state.sort.column]}{state.sort.desc ? '降序' : '升序'}排列</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === 'desc' ? ' ↓' : sorted === 'asc' ? ' ↑' : ' ↕'}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} aria-selected={row.getIsSelected()}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 ? <p className="empty">没有符合条件的案例。</p> : null}
      </div>
      <nav className="a-pager" aria-label="分页">
        <div className="actions">
          <Button size="sm" disabled={state.page <= 1} onClick={() => navigate({ page: state.page - 1 })}>
            上一页
          </Button>
          <span>
            第 {formatCount(state.page)} / {formatCount(pageCount)} 页
          </span>
          <Button size="sm" disabled={state.page >= pageCount} onClick={() => navigate({ page: state.page + 1 })}>
            下一页
          </Button>
        </div>
        <label className="actions">
          每页
          <select value={state.pageSize} onChange={(e) => navigate({ pageSize: Number(e.target.value) as PageSize, page: 1 })} style={{ width: 'auto' }}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n} 条
              </option>
            ))}
          </select>
        </label>
      </nav>
    </>
  );
}
