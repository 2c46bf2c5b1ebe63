import { API_HEADERS, apiIssue, apiNotFound } from '@/lib/public/api';
import { getIssueByNumber, getIssuePdf, getRenumberedIssue } from '@/lib/public/read-model';
import { parseId } from '@/lib/public/urls';

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const number = parseId((await params).number);
  if (number === null) return apiNotFound();
  const issue = await getIssueByNumber(number);
  if (issue) return Response.json(apiIssue(issue, await getIssuePdf(issue.issueId)), { headers: API_HEADERS });
  const moved = await getRenumberedIssue(number);
  if (moved !== null) return Response.redirect(new URL(`/api/public/issues/${moved}`, request.url), 308);
  return apiNotFound();
}
