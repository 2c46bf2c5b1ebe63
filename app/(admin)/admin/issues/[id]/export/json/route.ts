import { getDb } from '@/db';
import { parseRouteId } from '@/lib/admin/case-detail';
import { exportFileName, exportJson, loadIssueForExport } from '@/lib/admin/issue-export';
import { getActor } from '@/lib/auth/current';

// The issue in the importer's JSON shape: uploading it on the import screen recreates the content.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('请先登录。', { status: 401 });
  const id = parseRouteId((await params).id);
  const issue = id === null ? null : await loadIssueForExport(await getDb(), actor, id);
  if (!issue) return new Response('未找到这一期。', { status: 404 });
  const name = exportFileName(issue, 'json');
  return new Response(`${JSON.stringify(exportJson(issue), null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${name.utf8}`,
      'cache-control': 'no-store',
    },
  });
}
