'use client';
import Link from 'next/link';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { CaseStatusBadge } from '@/components/admin/status-badge';
import { formatDateTime } from '@/components/admin/format';
import type { CaseListRow } from '@/lib/admin/case-list';
import { issueLabel } from '@/lib/content/numerals';

// Module scope, as TanStack Table asks: stable features and columns keep its models cached.
export const caseTableFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowSelectionFeature, rowPaginationFeature });

const helper = createColumnHelper<typeof caseTableFeatures, CaseListRow>();

/** Column id → the label shown in headers and in the column menu. */
export const CASE_COLUMN_LABELS: Record<string, string> = {
  title: '标题',
  issue: '期 · 序号',
  status: '状态',
  regions: '地区',
  tags: '主题',
  author: '作者',
  reviewer: '审核人',
  updatedAt: '更新时间',
};

export function caseColumns(provinceNames: Map<string, string>) {
  return helper.columns([
    helper.display({
      id: 'select',
      enableHiding: false,
      enableSorting: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="选择本页全部案例"
          checked={table.getIsAllPageRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomePageRowsSelected();
          }}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`选择“${row.original.title}”`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    }),
    helper.accessor('title', {
      id: 'title',
      header: CASE_COLUMN_LABELS.title,
      enableHiding: false,
      cell: ({ row }) => <Link href={`/admin/cases/${row.original.id}`}>{row.original.title}</Link>,
    }),
    helper.accessor('issueNumber', {
      id: 'issue',
      header: CASE_COLUMN_LABELS.issue,
      cell: ({ row }) =>
        row.original.issueNumber === null ? <span className="muted">—</span> : <span className="nowrap">{issueLabel(row.original.issueNumber)} · 之{row.original.position}</span>,
    }),
    helper.accessor('status', {
      id: 'status',
      header: CASE_COLUMN_LABELS.status,
      cell: ({ row }) => <CaseStatusBadge status={row.original.status} publishedErrors={row.original.publishedErrors} />,
    }),
    helper.accessor('provinces', {
      id: 'regions',
      header: CASE_COLUMN_LABELS.regions,
      enableSorting: false,
      cell: ({ getValue }) => getValue().map((code) => provinceNames.get(code) ?? code).join('、') || <span className="muted">—</span>,
    }),
    helper.accessor('tags', {
      id: 'tags',
      header: CASE_COLUMN_LABELS.tags,
      enableSorting: false,
      cell: ({ getValue }) =>
        getValue().map((t) => (
          <span key={t} className="a-tag">
            {t}
          </span>
        )),
    }),
    helper.accessor('authorName', { id: 'author', header: CASE_COLUMN_LABELS.author, enableSorting: false, cell: ({ getValue }) => <span className="nowrap">{getValue() ?? '—'}</span> }),
    helper.accessor('reviewerName', { id: 'reviewer', header: CASE_COLUMN_LABELS.reviewer, enableSorting: false, cell: ({ getValue }) => <span className="nowrap">{getValue() ?? '—'}</span> }),
    helper.accessor('updatedAt', {
      id: 'updatedAt',
      header: CASE_COLUMN_LABELS.updatedAt,
      sortDescFirst: true,
      cell: ({ getValue }) => <span className="nowrap">{formatDateTime(getValue())}</span>,
    }),
  ]);
}
