import { API_HEADERS, apiCase } from '@/lib/public/api';
import { parseIdList } from '@/lib/public/id-list';
import { getCaseDocuments } from '@/lib/public/read-model';
import { CASE_BATCH_LIMIT } from '@/lib/static/site-manifest';

// Several cases in one request: GET /api/public/cases?ids=12,13,14 (at most CASE_BATCH_LIMIT).
// Each entry is exactly what /api/public/cases/<id> answers; ids that are not published are listed
// under `missing`, as that address would answer 404. The static snapshot writes its case files
// from this, a hundred to a request.

export async function GET(request: Request) {
  const parsed = parseIdList(new URL(request.url).searchParams.get('ids'), CASE_BATCH_LIMIT, '案例');
  if (!parsed.ok) return Response.json({ error: 'bad_request', message: parsed.message }, { status: 400, headers: API_HEADERS });
  const documents = await getCaseDocuments(parsed.ids);
  const found = new Set(documents.map((d) => d.case.caseId));
  return Response.json(
    { cases: documents.map((d) => apiCase(d.case, d.corrections, d.pdf)), missing: parsed.ids.filter((id) => !found.has(id)) },
    { headers: API_HEADERS },
  );
}
