import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseRevisions, cases } from '@/db/schema';
import { getActor } from '@/lib/auth/current';
import { can } from '@/lib/workflow';

// Selected cases as JSON: their current working content with status and place in an issue.
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor || !can(actor.role, 'case.read')) return new Response('请先登录。', { status: 401 });
  const ids = (new URL(request.url).searchParams.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, 500);
  if (ids.length === 0) return new Response('没有选择案例。', { status: 400 });
  const db = await getDb();
  const rows = await db
    .select({ id: cases.id, status: cases.status, issueId: cases.issueId, position: cases.position, content: caseRevisions.content })
    .from(cases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, cases.currentRevisionId))
    .where(inArray(cases.id, ids));
  return new Response(JSON.stringify({ cases: rows }, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="cases.json"`,
      'cache-control': 'no-store',
    },
  });
}
