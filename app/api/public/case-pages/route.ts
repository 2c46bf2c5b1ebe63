import { API_HEADERS } from '@/lib/public/api';
import { parseIdList } from '@/lib/public/id-list';
import { getCasePages } from '@/lib/public/read-model';
import { CASE_BATCH_LIMIT } from '@/lib/static/site-manifest';

// The data of several case pages, as the page itself reads it: GET /api/public/case-pages?ids=12,13
// (at most CASE_BATCH_LIMIT). The static snapshot renders its case pages from this with the page's
// own component (lib/static/render), outside the framework's per-request pipeline. Only published
// cases, as on their pages; ids that are not published are listed under `missing`.

export async function GET(request: Request) {
  const parsed = parseIdList(new URL(request.url).searchParams.get('ids'), CASE_BATCH_LIMIT, '案例');
  if (!parsed.ok) return Response.json({ error: 'bad_request', message: parsed.message }, { status: 400, headers: API_HEADERS });
  const pages = await getCasePages(parsed.ids);
  const found = new Set(pages.map((p) => p.case.caseId));
  return Response.json({ pages, missing: parsed.ids.filter((id) => !found.has(id)) }, { headers: API_HEADERS });
}
