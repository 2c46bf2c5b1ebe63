import { API_HEADERS, apiCaseSummary } from '@/lib/public/api';
import { searchCases } from '@/lib/public/read-model';
import { parseSearchParams } from '@/lib/public/search';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const { query, filters } = parseSearchParams(Object.fromEntries(url.searchParams));
  const result = await searchCases(query, filters);
  return Response.json(
    {
      query: result.query,
      filters: result.filters,
      total: result.total,
      pageSize: result.pageSize,
      notice: result.notice,
      hits: result.hits.map((h) => ({ ...apiCaseSummary(h), titleMatch: h.titleMatch, snippet: h.snippet })),
    },
    { headers: API_HEADERS },
  );
}
