import { API_HEADERS, apiCase, apiNotFound } from '@/lib/public/api';
import { getCase, getCaseCorrections, getCasePdf } from '@/lib/public/read-model';
import { parseId } from '@/lib/public/urls';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const found = id === null ? null : await getCase(id);
  return found ? Response.json(apiCase(found, await getCaseCorrections(found.caseId), await getCasePdf(found.caseId)), { headers: API_HEADERS }) : apiNotFound();
}
