// The cases table's state (filters, search, sort, page, hidden columns) as it lives in the URL, so a
// view can be bookmarked and shared. Pure: the server page parses it to query, the client table
// serializes it to navigate. Anything malformed falls back to the default instead of failing.
import { CASE_STATUSES, type CaseStatus } from '@/lib/content/model';

export const CASE_SORT_COLUMNS = ['updatedAt', 'title', 'status', 'issue'] as const;
export type CaseSortColumn = (typeof CASE_SORT_COLUMNS)[number];

/** Columns an editor may hide; title and selection always show. */
export const HIDEABLE_CASE_COLUMNS = ['issue', 'status', 'regions', 'tags', 'author', 'reviewer', 'updatedAt'] as const;
export type HideableCaseColumn = (typeof HIDEABLE_CASE_COLUMNS)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** The longest search query we act on; longer input is cut rather than refused. */
export const MAX_QUERY_LENGTH = 100;

export interface CaseTableState {
  q: string;
  statuses: CaseStatus[];
  /** An issue id, 'none' for cases in no issue, or null for any. */
  issue: number | 'none' | null;
  /** GB/T 2260 province code (xx0000). */
  province: string | null;
  theme: string | null;
  authorId: number | null;
  reviewerId: number | null;
  /** Only published cases whose public text has proofreading errors to correct (待更正). */
  corrections: boolean;
  /** yyyy-mm-dd, inclusive, in China time. */
  updatedFrom: string | null;
  updatedTo: string | null;
  sort: { column: CaseSortColumn; desc: boolean };
  /** 1-based. */
  page: number;
  pageSize: PageSize;
  hidden: HideableCaseColumn[];
}

export const DEFAULT_CASE_TABLE_STATE: CaseTableState = {
  q: '',
  statuses: [],
  issue: null,
  province: null,
  theme: null,
  authorId: null,
  reviewerId: null,
  corrections: false,
  updatedFrom: null,
  updatedTo: null,
  sort: { column: 'updatedAt', desc: true },
  page: 1,
  pageSize: 50,
  hidden: [],
};

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: SearchParamsInput, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

function list(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function positiveInt(value: string | undefined, max = 2_147_483_647): number | null {
  if (!value || !/^\d{1,10}$/u.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

function isoDate(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/u.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function parseCaseTableState(params: SearchParamsInput): CaseTableState {
  const d = DEFAULT_CASE_TABLE_STATE;
  const issueRaw = read(params, 'issue');
  const [sortColumn, sortDir] = (read(params, 'sort') ?? '').split('.');
  const size = Number(read(params, 'size'));
  const province = read(params, 'province');
  const theme = read(params, 'theme')?.trim();
  return {
    q: (read(params, 'q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    statuses: Array.from(new Set(list(read(params, 'status')).filter((s) => oneOf(CASE_STATUSES, s)))) as CaseStatus[],
    issue: issueRaw === 'none' ? 'none' : positiveInt(issueRaw),
    province: province && /^\d{2}0000$/u.test(province) ? province : null,
    theme: theme ? theme.slice(0, 40) : null,
    authorId: positiveInt(read(params, 'author')),
    reviewerId: positiveInt(read(params, 'reviewer')),
    corrections: read(params, 'corrections') === '1',
    updatedFrom: isoDate(read(params, 'from')),
    updatedTo: isoDate(read(params, 'to')),
    sort:
      sortColumn && oneOf(CASE_SORT_COLUMNS, sortColumn)
        ? { column: sortColumn, desc: sortDir !== 'asc' }
        : d.sort,
    page: positiveInt(read(params, 'page'), 100_000) ?? 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : d.pageSize,
    hidden: Array.from(new Set(list(read(params, 'hide')).filter((c) => oneOf(HIDEABLE_CASE_COLUMNS, c)))) as HideableCaseColumn[],
  };
}

/** The query string for a state, leaving out defaults so shared links stay short. Stable key order. */
export function serializeCaseTableState(state: CaseTableState): string {
  const d = DEFAULT_CASE_TABLE_STATE;
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.statuses.length) p.set('status', state.statuses.join(','));
  if (state.issue !== null) p.set('issue', String(state.issue));
  if (state.province) p.set('province', state.province);
  if (state.theme) p.set('theme', state.theme);
  if (state.authorId !== null) p.set('author', String(state.authorId));
  if (state.reviewerId !== null) p.set('reviewer', String(state.reviewerId));
  if (state.corrections) p.set('corrections', '1');
  if (state.updatedFrom) p.set('from', state.updatedFrom);
  if (state.updatedTo) p.set('to', state.updatedTo);
  if (state.sort.column !== d.sort.column || state.sort.desc !== d.sort.desc) {
    p.set('sort', `${state.sort.column}.${state.sort.desc ? 'desc' : 'asc'}`);
  }
  if (state.page !== 1) p.set('page', String(state.page));
  if (state.pageSize !== d.pageSize) p.set('size', String(state.pageSize));
  if (state.hidden.length) p.set('hide', state.hidden.join(','));
  return p.toString();
}

/** A changed state; any change other than paging or columns goes back to page 1. */
export function updateCaseTableState(state: CaseTableState, patch: Partial<CaseTableState>): CaseTableState {
  const keepsPage = Object.keys(patch).every((k) => k === 'page' || k === 'hidden');
  return { ...state, ...patch, page: patch.page ?? (keepsPage ? state.page : 1) };
}

/** Whether any filter or search narrows the list (for the "clear filters" control). */
export function hasCaseFilters(state: CaseTableState): boolean {
  return Boolean(
    state.q || state.statuses.length || state.issue !== null || state.province || state.theme ||
      state.authorId !== null || state.reviewerId !== null || state.corrections || state.updatedFrom || state.updatedTo,
  );
}
