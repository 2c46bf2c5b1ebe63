import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASE_TABLE_STATE,
  hasCaseFilters,
  parseCaseTableState,
  serializeCaseTableState,
  updateCaseTableState,
  type CaseTableState,
} from '@/lib/admin/case-table-state';

const state = (patch: Partial<CaseTableState>): CaseTableState => ({ ...DEFAULT_CASE_TABLE_STATE, ...patch });

describe('cases table URL state', () => {
  it('an empty URL is the default view, and the default view is an empty URL', () => {
    expect(parseCaseTableState(new URLSearchParams(''))).toEqual(DEFAULT_CASE_TABLE_STATE);
    expect(serializeCaseTableState(DEFAULT_CASE_TABLE_STATE)).toBe('');
  });

  it('a bookmarked view comes back exactly as it was', () => {
    const view = state({
      q: '随迁子女 教育',
      statuses: ['in_review', 'changes_requested'],
      issue: 3,
      province: '440000',
      theme: '义务教育',
      authorId: 7,
      reviewerId: 9,
      updatedFrom: '2026-01-01',
      updatedTo: '2026-11-25',
      sort: { column: 'title', desc: false },
      page: 4,
      pageSize: 100,
      hidden: ['author', 'tags'],
    });
    const url = serializeCaseTableState(view);
    expect(parseCaseTableState(new URLSearchParams(url))).toEqual(view);
  });

  it('reads the record shape Next.js gives a page, taking the first of repeated keys', () => {
    expect(parseCaseTableState({ status: ['draft', 'approved'], issue: 'none', page: '2' })).toEqual(
      state({ statuses: ['draft'], issue: 'none', page: 2 }),
    );
  });

  it('ignores malformed or hostile values instead of failing', () => {
    const parsed = parseCaseTableState(
      new URLSearchParams({
        status: 'draft,deleted,draft',
        issue: '-1',
        province: '44',
        author: '1e9',
        from: '2026-02-30',
        to: 'yesterday',
        sort: 'password.asc',
        page: '0',
        size: '100000',
        hide: 'title,author',
        q: 'x'.repeat(500),
      }),
    );
    expect(parsed.statuses).toEqual(['draft']);
    expect(parsed.issue).toBeNull();
    expect(parsed.province).toBeNull();
    expect(parsed.authorId).toBeNull();
    expect(parsed.updatedFrom).toBeNull();
    expect(parsed.updatedTo).toBeNull();
    expect(parsed.sort).toEqual(DEFAULT_CASE_TABLE_STATE.sort);
    expect(parsed.page).toBe(1);
    expect(parsed.pageSize).toBe(50);
    expect(parsed.hidden).toEqual(['author']);
    expect(parsed.q).toHaveLength(100);
  });

  it('sort direction defaults to descending when only the column is given', () => {
    expect(parseCaseTableState(new URLSearchParams('sort=updatedAt')).sort).toEqual({ column: 'updatedAt', desc: true });
    expect(parseCaseTableState(new URLSearchParams('sort=issue.asc')).sort).toEqual({ column: 'issue', desc: false });
  });

  it('changing a filter or the sort returns to the first page; paging and hiding columns do not', () => {
    const onPage5 = state({ page: 5 });
    expect(updateCaseTableState(onPage5, { statuses: ['draft'] }).page).toBe(1);
    expect(updateCaseTableState(onPage5, { sort: { column: 'title', desc: false } }).page).toBe(1);
    expect(updateCaseTableState(onPage5, { hidden: ['author'] }).page).toBe(5);
    expect(updateCaseTableState(onPage5, { page: 6 }).page).toBe(6);
  });

  it('knows when a view is filtered', () => {
    expect(hasCaseFilters(DEFAULT_CASE_TABLE_STATE)).toBe(false);
    expect(hasCaseFilters(state({ sort: { column: 'title', desc: true }, page: 3 }))).toBe(false);
    expect(hasCaseFilters(state({ q: '住房' }))).toBe(true);
    expect(hasCaseFilters(state({ issue: 'none' }))).toBe(true);
  });
});
