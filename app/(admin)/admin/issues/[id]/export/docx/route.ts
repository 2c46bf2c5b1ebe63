import { getDb } from '@/db';
import { parseRouteId } from '@/lib/admin/case-detail';
import { buildCompilationDocx } from '@/lib/admin/docx-export';
import { exportFileName, loadIssueForExport } from '@/lib/admin/issue-export';
import { getActor } from '@/lib/auth/current';

// The issue as a Word document laid out like the printed compilation.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('请先登录。', { status: 401 });
  const id = parseRouteId((await params).id);
  const issue = id === null ? null : await loadIssueForExport(await getDb(), actor, id);
  if (!issue) return new Response('未找到这一期。', { status: 404 });
  const name = exportFileName(issue, 'docx');
  return new Response(new Uint8Array(await buildCompilationDocx([issue])), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${name.utf8}`,
      'cache-control': 'no-store',
    },
  });
}
