// What the static search page shows after its form, as a tree of plain element descriptions: the
// same markup app/(site)/search/page.tsx renders (notices, the count line, the results list with
// <mark>ed matches, the pager), so the site's CSS applies unchanged. Case text only ever becomes a
// text child here; dom.mjs turns the tree into DOM nodes without parsing any HTML.
import { searchPath } from '../../search/query.mjs';

const el = (tag, attrs, ...children) => ({ tag, attrs, children });

export const NOTICE_EMPTY = '请输入关键词，例如“教育”“住房”“公积金”，或选择期次、省份浏览。';
export const NOTICE_UNSEARCHABLE = '检索词中没有可检索的文字，请换用中文词语或数字。';
export const NO_RESULTS = '没有找到相符的案例。请尝试更短的词语，或取消期次、省份筛选。';

/** 共找到N个案例，第1页，共2页。… — the line above the results, as the app words it. */
export function countLine(result, pages) {
  if (result.total === 0) return NO_RESULTS;
  return `共找到${result.total}个案例${pages > 1 ? `，第${result.filters.page}页，共${pages}页` : ''}。标题中出现检索词的案例排在前面。`;
}

function highlighted(parts) {
  return parts.map((p) => el(p.hit ? 'mark' : 'span', [], p.text));
}

function resultItem(hit) {
  return el(
    'li',
    [['class', 'result']],
    el('h2', [['class', 'result__title']], el('a', [['href', `/cases/${hit.caseId}`]], ...highlighted(hit.titleParts)), ...(hit.titleMatch ? [el('span', [['class', 'badge']], '标题')] : [])),
    el('p', [['class', 'result__meta']], hit.meta),
    el('p', [['class', 'result__snippet']], ...highlighted(hit.snippet)),
  );
}

/** Everything after the search form for a search result. */
export function resultView(result) {
  const pages = Math.ceil(result.total / Math.max(1, result.pageSize));
  const { query, filters } = result;
  const link = (page) => searchPath({ q: query, issue: filters.issueNumber, province: filters.province, page });
  const out = [];
  if (result.notice === 'empty') out.push(el('p', [['class', 'notice']], NOTICE_EMPTY));
  if (result.notice === 'unsearchable') out.push(el('p', [['class', 'notice']], NOTICE_UNSEARCHABLE));
  if (result.notice === null) out.push(el('p', [['aria-live', 'polite'], ['role', 'status']], countLine(result, pages)));
  out.push(el('ol', [['class', 'results']], ...result.hits.map(resultItem)));
  if (pages > 1) {
    const nav = [];
    if (filters.page > 1) nav.push(el('a', [['href', link(filters.page - 1)], ['rel', 'prev']], el('span', [['class', 'pager__dir']], '上一页')));
    if (filters.page < pages) nav.push(el('a', [['class', 'pager__next'], ['href', link(filters.page + 1)], ['rel', 'next']], el('span', [['class', 'pager__dir']], '下一页')));
    out.push(el('nav', [['class', 'pager'], ['aria-label', '检索结果分页']], ...nav));
  }
  return out;
}

/** Shown while the index loads. */
export function loadingView() {
  return [el('p', [['aria-live', 'polite'], ['role', 'status']], '正在检索……'), el('ol', [['class', 'results']])];
}

/** Shown when the index cannot be read; the form stays usable. */
export function failureView() {
  return [el('p', [['class', 'notice'], ['role', 'alert']], '检索暂时无法完成：检索索引读取失败，请稍后刷新页面重试。'), el('ol', [['class', 'results']])];
}

/** The browser tab's title for a query, from the page's own title (检索 · 案例期刊). */
export function pageTitle(current, query) {
  return query ? current.replace(/^检索/u, `检索：${query.slice(0, 30)}`) : current;
}
