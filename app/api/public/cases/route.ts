import { API_HEADERS, apiCase } from '@/lib/public/api';
import { getCaseDocuments } from '@/lib/public/read-model';
import { parseId } from '@/lib/public/urls';
import { CASE_BATCH_LIMIT } from '@/lib/static/site-manifest';

// Several cases in one request: GET /api/public/cases?ids=12,13,14 (at most CASE_BATCH_LIMIT).
// Each entry is exactly what /api/public/cases/<id> answers; ids that are not published are listed
// under `missing`, as that address would answer 404. The static snapshot writes its case files
// from this, a hundred to a request.

function badRequest(message: string) {
  return Response.json({ error: 'bad_request', message }, { status: 400, headers: API_HEADERS });
}

export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get('ids');
  if (raw === null || raw.trim() === '') return badRequest(`请用 ids 参数给出案例编号，以逗号分隔，例如 ?ids=12,13（一次最多 ${CASE_BATCH_LIMIT} 个）。`);
  const parts = raw.split(',', CASE_BATCH_LIMIT + 1);
  if (parts.length > CASE_BATCH_LIMIT) return badRequest(`一次最多读取 ${CASE_BATCH_LIMIT} 个案例。`);
  const ids: number[] = [];
  for (const part of parts) {
    if (part.trim() === '') return badRequest('编号之间有空项：请用逗号分隔编号，例如 ?ids=12,13。');
    const id = parseId(part.trim());
    if (id === null) return badRequest(`“${part.trim().slice(0, 20)}”不是有效的案例编号。`);
    if (!ids.includes(id)) ids.push(id);
  }
  const documents = await getCaseDocuments(ids);
  const found = new Set(documents.map((d) => d.case.caseId));
  return Response.json(
    { cases: documents.map((d) => apiCase(d.case, d.corrections, d.pdf)), missing: ids.filter((id) => !found.has(id)) },
    { headers: API_HEADERS },
  );
}
