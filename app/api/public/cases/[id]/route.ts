import { API_HEADERS, apiCase, apiNotFound } from '@/lib/public/api';
import { getCaseDocument } from '@/lib/public/read-model';
import { parseId } from '@/lib/public/urls';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const found = id === null ? null : await getCaseDocument(id);
  return found ? Response.json(apiCase(found.case, found.corrections, found.pdf), { headers: API_HEADERS }) : apiNotFound();
}
