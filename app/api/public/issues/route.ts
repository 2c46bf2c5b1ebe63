import { API_HEADERS, apiIssueSummary } from '@/lib/public/api';
import { getIssues } from '@/lib/public/read-model';

export async function GET() {
  const issues = await getIssues();
  return Response.json({ issues: issues.map(apiIssueSummary) }, { headers: API_HEADERS });
}
